package fr.sudia.funding.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.funding.Events;
import fr.sudia.funding.directory.DirectoryEvents;
import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.funding.request.Desk.Advisor;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.HiddenObjects;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Prescribed requests (Mesure 15): a chamber's advisor files for a very small business, which confirms it before it
 * is routed; both follow it, other prescribers cannot see it.
 */
@QuarkusTest
class PrescribedRequestTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    private static final String CHAMBER = UUID.randomUUID().toString();

    @jakarta.inject.Inject
    fr.sudia.funding.TestClock clock;

    @jakarta.inject.Inject
    RequestDeadlines deadlines;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aPrescribedRequestIsConfirmedByItsLinkThenRouted() throws Exception {
        Advisor advisor = Advisor.create();
        Desk.rule(advisor, "CCI du Var", List.of("HR"), "978", Map.of());
        String prescriber = prescriber();
        UUID business = UUID.randomUUID();

        JsonPath filed = prescribe(prescriber, business, "978").statusCode(201)
                .body("request.status", equalTo("AWAITING_CONFIRMATION"), "request.assignments", hasSize(0),
                        "request.prescriberOrganizationId", equalTo(CHAMBER), "request.companyCategory", equalTo("TPE"))
                .extract().jsonPath();
        String id = filed.getString("request.id");
        String token = filed.getString("confirmationToken");
        assertEquals("/api/funding/v1/requests/" + id + "/confirmation?token=" + token, filed.getString("confirmationLink"));

        // Not routed while unconfirmed: the advisor whose rule matches does not see it, and cannot answer it.
        given().auth().oauth2(advisor.token()).get("/api/v1/requests").then().statusCode(200).body("items.id", not(hasItem(id)));
        Desk.answer(advisor, id, "take-in-charge", null).statusCode(404);

        // The link shows it to its holder only; a wrong secret confirms nothing.
        given().queryParam("token", token).get("/api/v1/requests/" + id + "/confirmation").then().statusCode(200)
                .body("need", equalTo("La boulangerie souhaite un assistant IA pour ses commandes."));
        given().queryParam("token", "not-the-secret").get("/api/v1/requests/" + id + "/confirmation").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"token\":\"not-the-secret\"}").post("/api/v1/requests/" + id + "/confirm")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/confirm").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/requests/" + id + "/confirm").then()
                .statusCode(200).body("status", equalTo("WAITING"), "assignments.advisor", equalTo(List.of(advisor.subject())),
                        "confirmedAt", org.hamcrest.Matchers.notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/requests/" + id + "/confirm")
                .then().statusCode(404); // the secret is spent

        // Both follow it; the advisor now has it.
        given().auth().oauth2(prescriber).get("/api/v1/requests/" + id).then().statusCode(200).body("status", equalTo("WAITING"));
        String member = DevTokens.forOrganization(Roles.MEMBER, business.toString());
        given().auth().oauth2(member).get("/api/v1/requests").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        Desk.answer(advisor, id, "take-in-charge", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(prescriber).get("/api/v1/requests").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("IN_PROGRESS"));

        List<ConsumerRecord<String, String>> events = Events.about(broker, RequestDesk.TOPIC, id, 3);
        assertEquals(List.of(RequestDesk.PRESCRIBED, RequestDesk.CONFIRMED, RequestDesk.TAKEN_IN_CHARGE), Events.types(events));
        ObjectMapper json = new ObjectMapper();
        assertEquals("AWAITING_CONFIRMATION", json.readTree(events.get(0).value()).get("status").asText());
        assertEquals("WAITING", json.readTree(events.get(1).value()).get("status").asText());
        for (ConsumerRecord<String, String> event : events) {
            EventContracts.assertValid(RequestDesk.TOPIC, event.value());
            EventContracts.assertCarriesExactly(RequestDesk.TOPIC, event.value());
            assertEquals(CHAMBER, json.readTree(event.value()).get("prescriberOrganizationId").asText());
            assertFalse(event.value().contains(token), "the secret never travels");
            assertFalse(event.value().contains("prescriber-"), "nor the prescriber's account");
            assertFalse(event.value().contains("boulangerie"), "nor the business's words");
        }
    }

    @Test
    void theBusinessMayConfirmLoggedInAndAnUnconfirmedRequestIsNeverRouted() {
        Advisor advisor = Advisor.create();
        Desk.rule(advisor, "CMA Région Sud", List.of("HR"), "979", Map.of());
        String prescriber = prescriber();
        UUID business = UUID.randomUUID();
        String unconfirmed = prescribe(prescriber, business, "979").statusCode(201).extract().path("request.id");
        String confirmed = prescribe(prescriber, business, "979").statusCode(201).extract().path("request.id");

        String stranger = DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString());
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + confirmed + "/confirm")
                .then().statusCode(404);
        String member = DevTokens.forOrganization(Roles.MEMBER, business.toString());
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + confirmed + "/confirm")
                .then().statusCode(200).body("status", equalTo("WAITING"));

        given().auth().oauth2(member).get("/api/v1/requests/" + unconfirmed).then().statusCode(200)
                .body("status", equalTo("AWAITING_CONFIRMATION"), "assignments", hasSize(0));
        given().auth().oauth2(advisor.token()).get("/api/v1/requests").then().statusCode(200)
                .body("items.id", hasItem(confirmed), "items.id", not(hasItem(unconfirmed)));
        given().auth().oauth2(advisor.token()).get("/api/v1/requests/" + unconfirmed).then().statusCode(404);
    }

    @Test
    void aPrescribedRequestNeverConfirmedExpiresAfterFortyFiveDays() {
        String prescriber = prescriber();
        UUID business = UUID.randomUUID();
        String id = prescribe(prescriber, business, "06").statusCode(201).extract().path("request.id");
        clock.advance(Duration.ofDays(45).plusHours(1));
        deadlines.run();
        given().auth().oauth2(prescriber).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED"), "reminderDue", equalTo(false));
        given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, business.toString())).contentType(ContentType.JSON)
                .body("{}").post("/api/v1/requests/" + id + "/confirm").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anotherPrescriberCannotSeeIt() {
        String prescriber = prescriber();
        String other = DevTokens.forOrganization(Roles.PRESCRIBER, CHAMBER); // same chamber, another advisor
        String id = prescribe(prescriber, UUID.randomUUID(), "06").statusCode(201).extract().path("request.id");
        String missing = UUID.randomUUID().toString();

        HiddenObjects.assertAnsweredAsMissing(given().auth().oauth2(other).get("/api/v1/requests/" + id), id,
                given().auth().oauth2(other).get("/api/v1/requests/" + missing), missing);
        given().auth().oauth2(other).get("/api/v1/requests").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(prescriber).get("/api/v1/requests").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(prescriber).contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/confirm")
                .then().statusCode(404); // the prescriber cannot confirm in the business's stead
    }

    @Test
    void onlyPrescribersFileAndOnlyForVerySmallBusinesses() {
        String prescriber = prescriber();
        UUID startup = UUID.randomUUID();
        new KafkaTestClient(broker).send(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", startup, "ScaleUp IA",
                "STARTUP", "FROM_50_TO_249", 2015, "06", "NONE", OffsetDateTime.parse("2026-04-01T09:00:00Z")));
        UUID lab = UUID.randomUUID();
        new KafkaTestClient(broker).send(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", lab, "Labo IA",
                "RESEARCH_LAB", null, 2000, "13", "NONE", OffsetDateTime.parse("2026-04-01T09:00:00Z")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> known(startup) && known(lab));

        prescribe(prescriber, startup, "06").statusCode(400).contentType("application/problem+json");
        prescribe(prescriber, lab, "13").statusCode(400).contentType("application/problem+json");
        Map<String, Object> pme = body(UUID.randomUUID(), "06");
        pme.put("companyCategory", "PME");
        given().auth().oauth2(prescriber).contentType(ContentType.JSON).body(pme).post("/api/v1/requests/prescribed").then()
                .statusCode(400).contentType("application/problem+json");
        Map<String, Object> noBusiness = body(UUID.randomUUID(), "06");
        noBusiness.remove("organizationId");
        given().auth().oauth2(prescriber).contentType(ContentType.JSON).body(noBusiness).post("/api/v1/requests/prescribed").then()
                .statusCode(400).body("violations.field", hasItem("organizationId"));
        prescribe(DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString()), UUID.randomUUID(), "06").statusCode(403);
        prescribe(DevTokens.forRole(Roles.PRESCRIBER), UUID.randomUUID(), "06").statusCode(403);

        // The same Idempotency-Key files once; the replay does not show the secret again.
        UUID business = UUID.randomUUID();
        String key = "cci-" + UUID.randomUUID();
        String first = given().auth().oauth2(prescriber).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(business, "06")).post("/api/v1/requests/prescribed").then().statusCode(201).extract().path("request.id");
        given().auth().oauth2(prescriber).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body(business, "06"))
                .post("/api/v1/requests/prescribed").then().statusCode(200).body("request.id", equalTo(first),
                        "confirmationToken", nullValue());
    }

    private static String prescriber() {
        return DevTokens.forOrganization(Roles.PRESCRIBER, CHAMBER);
    }

    private static Map<String, Object> body(UUID business, String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", business.toString());
        body.put("need", "La boulangerie souhaite un assistant IA pour ses commandes.");
        body.put("pillars", List.of("HR"));
        body.put("department", department);
        return body;
    }

    private static io.restassured.response.ValidatableResponse prescribe(String token, UUID business, String department) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(business, department))
                .post("/api/v1/requests/prescribed").then();
    }

    private static boolean known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownOrganization.findById(id) != null);
    }
}
