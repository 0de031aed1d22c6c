package fr.sudia.funding.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.funding.Events;
import fr.sudia.funding.TestClock;
import fr.sudia.funding.request.Desk.Advisor;
import fr.sudia.funding.request.Desk.Member;
import fr.sudia.funding.scheme.Schemes;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.HiddenObjects;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Requests from submission to satisfaction: routing, every answer, visibility, the 9- and 45-day rules, events. */
@QuarkusTest
class RequestFlowTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @Inject
    RequestDeadlines deadlines;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRequestGoesToTheMatchingAdvisorsAndItsStatusFollowsTheirAnswers() throws Exception {
        String scheme = Schemes.publish(Schemes.body("Prêt recrutement IA " + UUID.randomUUID()));
        Advisor bpi = Advisor.create();
        Advisor cci = Advisor.create();
        Advisor lawyer = Advisor.create();
        Desk.rule(bpi, "Bpifrance", List.of("FINANCIAL"), "971", Map.of());
        Desk.rule(cci, "CCI", List.of("HR"), "971", Map.of());
        Desk.rule(lawyer, "Barreau", List.of("LEGAL"), "971", Map.of());
        Member member = Member.create();

        JsonPath submitted = Desk.submit(member, Desk.request(List.of("FINANCIAL", "HR"), "971")).statusCode(201)
                .body("status", equalTo("WAITING"), "assignments", hasSize(2)).extract().jsonPath();
        String id = submitted.getString("id");
        assertEquals(List.of(bpi.subject(), cci.subject()).stream().sorted().toList(), submitted.getList("assignments.advisor"));

        Desk.answer(bpi, id, "decline", "{\"reason\":\"Pas de fonds propres sur ce dossier\"}").statusCode(200)
                .body("status", equalTo("WAITING"));
        Desk.answer(cci, id, "take-in-charge", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body("{\"score\":5}")
                .put("/api/v1/requests/" + id + "/satisfaction").then().statusCode(409).contentType("application/problem+json");
        Desk.answer(cci, id, "close", "{\"outcome\":\"HELPED\",\"reason\":\"Mise en relation faite avec Mme Durand\","
                + "\"schemeIds\":[\"" + scheme + "\"],\"amountCommittedEur\":45000}").statusCode(200)
                .body("status", equalTo("HELPED"), "assignments.find { it.partner == 'CCI' }.amountCommittedEur", equalTo(45000),
                        "assignments.find { it.partner == 'CCI' }.committedSchemeIds", equalTo(List.of(scheme)));
        Desk.answer(cci, id, "close", helped(scheme, 1)).statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body("{\"score\":4,\"comment\":\"Rapide\"}")
                .put("/api/v1/requests/" + id + "/satisfaction").then().statusCode(200).body("satisfaction.score", equalTo(4));
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body("{\"score\":1}")
                .put("/api/v1/requests/" + id + "/satisfaction").then().statusCode(409);

        List<ConsumerRecord<String, String>> events = Events.about(broker, RequestDesk.TOPIC, id, 5);
        assertEquals(List.of(RequestDesk.SUBMITTED, RequestDesk.DECLINED, RequestDesk.TAKEN_IN_CHARGE, RequestDesk.CLOSED,
                RequestDesk.SATISFACTION_RECORDED), Events.types(events));
        assertEquals(List.of("WAITING", "WAITING", "IN_PROGRESS", "HELPED", "HELPED"),
                events.stream().map(r -> data(r).get("status").asText()).toList());
        JsonNode last = data(events.get(4));
        assertEquals(4, last.get("satisfactionScore").asInt());
        assertEquals(member.organization().toString(), last.get("organizationId").asText());
        assertEquals(null, last.get("need"), "the member's words stay in the desk");
        JsonNode closed = data(events.get(3));
        assertEquals(List.of(scheme), json.convertValue(closed.get("committedSchemeIds"), List.class));
        assertEquals(45000L, closed.get("amountCommittedEur").asLong());
        for (ConsumerRecord<String, String> event : events) {
            EventContracts.assertValid(RequestDesk.TOPIC, event.value());
            EventContracts.assertCarriesExactly(RequestDesk.TOPIC, event.value());
            // No personal data: neither the need, the comment, the advisors' notes nor who answered.
            org.junit.jupiter.api.Assertions.assertFalse(event.value().contains("Rapide"), event.value());
            org.junit.jupiter.api.Assertions.assertFalse(event.value().contains("Durand"), event.value());
            org.junit.jupiter.api.Assertions.assertFalse(event.value().contains("fonds propres"), event.value());
            org.junit.jupiter.api.Assertions.assertFalse(event.value().contains(cci.subject()), event.value());
            org.junit.jupiter.api.Assertions.assertFalse(event.value().contains("data scientists"), event.value());
        }
    }

    @Test
    void closingAsHelpedRecordsTheSchemesAndTheAmountAndRefusesBadFigures() throws Exception {
        String first = Schemes.publish(Schemes.body("Subvention IA " + UUID.randomUUID()));
        String second = Schemes.publish(Schemes.body("Diagnostic IA " + UUID.randomUUID()));
        Advisor bpi = Advisor.create();
        Advisor region = Advisor.create();
        Desk.rule(bpi, "Bpifrance", List.of("FINANCIAL"), "977", Map.of());
        Desk.rule(region, "Région Sud", List.of("FINANCIAL"), "977", Map.of());
        Member member = Member.create();
        String id = Desk.submitted(member, Desk.request(List.of("FINANCIAL"), "977"));

        for (String bad : List.of("{\"outcome\":\"HELPED\"}", "{\"outcome\":\"HELPED\",\"amountCommittedEur\":1000}",
                "{\"outcome\":\"HELPED\",\"schemeIds\":[\"" + first + "\"]}",
                "{\"outcome\":\"HELPED\",\"schemeIds\":[],\"amountCommittedEur\":1000}",
                helped(first, -1), "{\"outcome\":\"HELPED\",\"schemeIds\":[\"" + first + "\"],\"amountCommittedEur\":12.5}",
                "{\"outcome\":\"HELPED\",\"schemeIds\":[\"not-a-uuid\"],\"amountCommittedEur\":1000}",
                "{\"outcome\":\"NOT_HELPED\",\"amountCommittedEur\":0}",
                "{\"outcome\":\"UNREACHABLE\",\"schemeIds\":[\"" + first + "\"]}")) {
            Desk.answer(bpi, id, "close", bad).statusCode(400).contentType("application/problem+json");
        }
        Desk.answer(bpi, id, "close", helped(UUID.randomUUID().toString(), 1000)).statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("schemeIds"));
        Desk.answer(bpi, id, "close", "{\"outcome\":\"HELPED\",\"amountCommittedEur\":1000}").statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("schemeIds")));
        Desk.answer(bpi, id, "close", helped(first, -1)).statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("amountCommittedEur"));
        given().auth().oauth2(member.token()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("status", equalTo("WAITING"), "assignments.status", equalTo(List.of("PENDING", "PENDING")));

        Desk.answer(bpi, id, "close", "{\"outcome\":\"HELPED\",\"schemeIds\":[\"" + first + "\",\"" + second
                + "\"],\"amountCommittedEur\":30000}").statusCode(200).body("status", equalTo("HELPED"));
        Desk.answer(region, id, "close", helped(first, 0)).statusCode(200).body("status", equalTo("HELPED"));

        List<ConsumerRecord<String, String>> events = Events.about(broker, RequestDesk.TOPIC, id, 3);
        assertEquals(List.of(RequestDesk.SUBMITTED, RequestDesk.CLOSED, RequestDesk.CLOSED), Events.types(events));
        JsonNode last = data(events.get(2));
        assertEquals(List.of(first, second).stream().sorted().toList(), json.convertValue(last.get("committedSchemeIds"), List.class));
        assertEquals(30000L, last.get("amountCommittedEur").asLong());
        assertEquals(true, data(events.get(0)).get("amountCommittedEur").isNull());
        for (ConsumerRecord<String, String> event : events) {
            EventContracts.assertValid(RequestDesk.TOPIC, event.value());
        }
    }

    static String helped(String scheme, long amount) {
        return "{\"outcome\":\"HELPED\",\"schemeIds\":[\"" + scheme + "\"],\"amountCommittedEur\":" + amount + "}";
    }

    @Test
    void everyOutcomeAndDeclineByAllShowInTheStatus() {
        Advisor first = Advisor.create();
        Advisor second = Advisor.create();
        Desk.rule(first, "Réseau Entreprendre", List.of("FINANCIAL"), "972", Map.of());
        Desk.rule(second, "France Travail", List.of("FINANCIAL"), "972", Map.of());
        Member member = Member.create();

        String declined = Desk.submitted(member, Desk.request(List.of("FINANCIAL"), "972"));
        Desk.answer(first, declined, "decline", null).statusCode(200).body("status", equalTo("WAITING"));
        Desk.answer(second, declined, "decline", null).statusCode(200).body("status", equalTo("DECLINED"));
        Desk.answer(second, declined, "take-in-charge", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));

        String notHelped = Desk.submitted(member, Desk.request(List.of("FINANCIAL"), "972"));
        Desk.answer(first, notHelped, "close", "{\"outcome\":\"NOT_HELPED\"}").statusCode(200).body("status", equalTo("NOT_HELPED"));
        String unreachable = Desk.submitted(member, Desk.request(List.of("FINANCIAL"), "972"));
        Desk.answer(first, unreachable, "take-in-charge", null).statusCode(200);
        Desk.answer(first, unreachable, "close", "{\"outcome\":\"UNREACHABLE\"}").statusCode(200).body("status", equalTo("UNREACHABLE"));
        Desk.answer(first, unreachable, "take-in-charge", null).statusCode(409);
        Desk.answer(first, unreachable, "close", "{\"outcome\":\"MAYBE\"}").statusCode(400).contentType("application/problem+json");
        Desk.answer(first, unreachable, "close", "{}").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void routingRulesReadTargetedSchemesAndCompanySize() {
        String booster = Schemes.publish(Schemes.body("Booster " + UUID.randomUUID()));
        Advisor specialist = Advisor.create();
        Desk.rule(specialist, "Bpifrance", List.of(), "973", Map.of("schemeIds", List.of(booster), "companyCategories", List.of("PME")));
        Member member = Member.create();

        Map<String, Object> pme = Desk.request(List.of("FINANCIAL"), "973");
        pme.put("schemeIds", List.of(booster));
        pme.put("companyCategory", "PME");
        Desk.submit(member, pme).statusCode(201).body("status", equalTo("WAITING"), "assignments[0].advisor", equalTo(specialist.subject()));

        Map<String, Object> tpe = Desk.request(List.of("HR"), "973");
        tpe.put("schemeIds", List.of(booster));
        tpe.put("companyCategory", "TPE");
        Desk.submit(member, tpe).statusCode(201).body("status", equalTo("UNROUTED"), "assignments", hasSize(0));
        Desk.submit(member, Desk.request(List.of("LEGAL"), "973")).statusCode(201).body("status", equalTo("UNROUTED"));
    }

    @Test
    void theSameIdempotencyKeyNeverSubmitsTwiceAndARepeatIsFlagged() {
        Member member = Member.create();
        Map<String, Object> body = Desk.request(List.of("INTERNATIONAL"), "974");
        String key = "submit-" + UUID.randomUUID();
        String first = given().auth().oauth2(member.token()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests").then().statusCode(201).body("likelyRepeatOf", nullValue()).extract().path("id");
        given().auth().oauth2(member.token()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/requests").then().statusCode(200).body("id", equalTo(first));
        assertEquals(1L, requestsOf(member.organization()));

        Desk.submit(member, body).statusCode(201).body("likelyRepeatOf", equalTo(first));
        Desk.submit(member, Desk.request(List.of("LEGAL"), "974")).statusCode(201).body("likelyRepeatOf", nullValue());
        assertEquals(3L, requestsOf(member.organization()));
    }

    @Test
    void membersSeeTheirOrganizationsRequestsAndAdvisorsOnlyThoseRoutedToThem() {
        Advisor routed = Advisor.create();
        Advisor other = Advisor.create();
        Desk.rule(routed, "Sud Entreprises", List.of("FINANCIAL"), "976", Map.of());
        Member owner = Member.create();
        Member stranger = Member.create();
        String id = Desk.submitted(owner, Desk.request(List.of("FINANCIAL"), "976"));

        given().auth().oauth2(owner.token()).get("/api/v1/requests/" + id).then().statusCode(200);
        String missing = UUID.randomUUID().toString();
        HiddenObjects.assertAnsweredAsMissing(given().auth().oauth2(stranger.token()).get("/api/v1/requests/" + id), id,
                given().auth().oauth2(stranger.token()).get("/api/v1/requests/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(stranger.token()).contentType(ContentType.JSON).body("{\"score\":1}")
                        .put("/api/v1/requests/" + id + "/satisfaction"), id,
                given().auth().oauth2(stranger.token()).contentType(ContentType.JSON).body("{\"score\":1}")
                        .put("/api/v1/requests/" + missing + "/satisfaction"), missing);
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(other.token()).contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/take-in-charge"), id,
                given().auth().oauth2(other.token()).contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + missing + "/take-in-charge"), missing);
        given().auth().oauth2(stranger.token()).get("/api/v1/requests").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(owner.token()).get("/api/v1/requests").then().statusCode(200).body("items.id", equalTo(List.of(id)));

        given().auth().oauth2(other.token()).get("/api/v1/requests/" + id).then().statusCode(404);
        Desk.answer(other, id, "take-in-charge", null).statusCode(404).contentType("application/problem+json");
        Desk.answer(other, id, "close", helped(Schemes.publish(Schemes.body("Aide " + UUID.randomUUID())), 10)).statusCode(404);
        given().auth().oauth2(other.token()).get("/api/v1/requests").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        given().auth().oauth2(routed.token()).get("/api/v1/requests").then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().auth().oauth2(owner.token()).contentType(ContentType.JSON).body("{}").post("/api/v1/requests/" + id + "/take-in-charge").then().statusCode(403);
        given().auth().oauth2(Desk.ADMIN).get("/api/v1/requests/" + id).then().statusCode(200);
        given().auth().oauth2(routed.token()).contentType(ContentType.JSON).body("{\"score\":5}")
                .put("/api/v1/requests/" + id + "/satisfaction").then().statusCode(403);

        assertEquals("WAITING", given().auth().oauth2(owner.token()).get("/api/v1/requests/" + id).then().extract().path("status"));
    }

    @Test
    void unansweredRequestsAreFlaggedAfterNineDaysAndExpireAfterFortyFive() throws Exception {
        Advisor advisor = Advisor.create();
        Desk.rule(advisor, "risingSUD", List.of("INFRASTRUCTURE"), "2A", Map.of());
        Member member = Member.create();
        String waiting = Desk.submitted(member, Desk.request(List.of("INFRASTRUCTURE"), "2A"));
        String answered = Desk.submitted(member, Desk.request(List.of("INFRASTRUCTURE"), "2A"));
        Desk.answer(advisor, answered, "take-in-charge", null).statusCode(200);

        clock.advance(Duration.ofDays(8).plusHours(23));
        deadlines.run();
        assertEquals(false, view(member, waiting).getBoolean("reminderDue"));

        clock.advance(Duration.ofHours(2));
        deadlines.run();
        assertEquals(true, view(member, waiting).getBoolean("reminderDue"));
        assertEquals("WAITING", view(member, waiting).getString("status"));
        assertEquals(false, view(member, answered).getBoolean("reminderDue"));
        given().auth().oauth2(advisor.token()).queryParam("reminderDue", true).get("/api/v1/requests").then()
                .statusCode(200).body("items.id", equalTo(List.of(waiting)));

        clock.advance(Duration.ofDays(36));
        deadlines.run();
        assertEquals("EXPIRED", view(member, waiting).getString("status"));
        assertEquals("IN_PROGRESS", view(member, answered).getString("status"));
        Desk.answer(advisor, waiting, "take-in-charge", null).statusCode(409).contentType("application/problem+json");

        deadlines.run();
        List<ConsumerRecord<String, String>> events = Events.about(broker, RequestDesk.TOPIC, waiting, 3);
        assertEquals(List.of(RequestDesk.SUBMITTED, RequestDesk.REMINDER_DUE, RequestDesk.EXPIRED), Events.types(events),
                "each rule fires once, however often the job runs");
    }

    @Test
    void badRequestsAreRefusedAndNothingIsStored() {
        Member member = Member.create();
        Map<String, Object> blank = Desk.request(List.of("FINANCIAL"), "06");
        blank.put("need", " ");
        Desk.submit(member, blank).statusCode(400).contentType("application/problem+json");
        Desk.submit(member, Desk.request(List.of("MARKETING"), "06")).statusCode(400).contentType("application/problem+json");
        Desk.submit(member, Desk.request(List.of(), "06")).statusCode(400).contentType("application/problem+json");
        Desk.submit(member, Desk.request(List.of("FINANCIAL"), "6")).statusCode(400).contentType("application/problem+json");
        Map<String, Object> unknownScheme = Desk.request(List.of("FINANCIAL"), "06");
        unknownScheme.put("schemeIds", List.of(UUID.randomUUID().toString()));
        Desk.submit(member, unknownScheme).statusCode(400).contentType("application/problem+json");
        Map<String, Object> extra = Desk.request(List.of("FINANCIAL"), "06");
        extra.put("priority", "URGENT");
        Desk.submit(member, extra).statusCode(400).contentType("application/problem+json");
        assertEquals(0L, requestsOf(member.organization()));

        given().auth().oauth2(DevTokens.forRole(Roles.MEMBER)).contentType(ContentType.JSON).body(Desk.request(List.of("FINANCIAL"), "06"))
                .post("/api/v1/requests").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Desk.ADMIN).queryParam("status", "LOST").get("/api/v1/requests").then().statusCode(400);
        given().auth().oauth2(Desk.ADMIN).contentType(ContentType.JSON).body("{\"partner\":\"X\",\"advisor\":\"a\",\"pillars\":[\"NOPE\"]}")
                .post("/api/v1/routing-rules").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.ADVISOR)).contentType(ContentType.JSON).body("{\"partner\":\"X\",\"advisor\":\"a\"}")
                .post("/api/v1/routing-rules").then().statusCode(403);
    }

    @Test
    void routingRulesAreListedPageByPageInCreationOrder() {
        Advisor advisor = Advisor.create();
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            created.add(Desk.rule(advisor, "Partenaire " + i, List.of("FINANCIAL"), "04", Map.of()));
        }
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Desk.ADMIN).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/routing-rules").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertEquals(true, ids.size() <= 2, "at most limit rules a page: " + ids);
            walked.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(walked.size(), walked.stream().distinct().count(), "no rule listed twice");
        assertEquals(created, walked.stream().filter(created::contains).toList(), "every new rule once, in creation order");
        given().auth().oauth2(Desk.ADMIN).queryParam("limit", 0).get("/api/v1/routing-rules").then().statusCode(400);
        given().auth().oauth2(Desk.ADMIN).queryParam("cursor", "forged").get("/api/v1/routing-rules").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theDashboardCountsByStatusAndPillarAndTimesTheFirstAnswer() {
        Advisor advisor = Advisor.create();
        Desk.rule(advisor, "Région Sud", List.of("LEGAL"), "2B", Map.of());
        Member member = Member.create();
        JsonPath before = dashboard();
        String id = Desk.submitted(member, Desk.request(List.of("LEGAL"), "2B"));
        clock.advance(Duration.ofHours(3));
        Desk.answer(advisor, id, "close", helped(Schemes.publish(Schemes.body("Aide " + UUID.randomUUID())), 0)).statusCode(200);
        JsonPath after = dashboard();

        assertEquals(before.getLong("total") + 1, after.getLong("total"));
        assertEquals(before.getLong("byStatus.HELPED") + 1, after.getLong("byStatus.HELPED"));
        assertEquals(before.getLong("byPillar.LEGAL") + 1, after.getLong("byPillar.LEGAL"));
        assertEquals(true, after.get("medianHoursToFirstAnswer") != null);
        given().auth().oauth2(member.token()).get("/api/v1/requests/dashboard").then().statusCode(403);
    }

    private JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath dashboard() {
        return given().auth().oauth2(Desk.ADMIN).get("/api/v1/requests/dashboard").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath view(Member member, String id) {
        return given().auth().oauth2(member.token()).get("/api/v1/requests/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static long requestsOf(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> FundingRequest.count("organizationId", organization));
    }
}
