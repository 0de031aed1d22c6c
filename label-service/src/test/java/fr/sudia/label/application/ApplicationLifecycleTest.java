package fr.sudia.label.application;

import static fr.sudia.label.support.Fixtures.ADMIN;
import static fr.sudia.label.support.Fixtures.REVIEWER;
import static fr.sudia.label.support.Fixtures.member;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.testing.HiddenObjects;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** An application from draft to label, and the label through its states, against the real database and broker. */
@QuarkusTest
class ApplicationLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void fromDraftThroughAJustificationRoundToALabelThenEveryLabelState() throws Exception {
        UUID organization = Fixtures.knownOrganization("Bioceanor", "Sophia Antipolis");
        Fixtures.sign(organization);
        String id = Fixtures.draft(organization);
        given().auth().oauth2(member(organization)).when().get("/api/v1/applications/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).header("ETag", "\"0\"");

        // Submission is idempotent: the same key again answers the same application and moves nothing.
        String key = UUID.randomUUID().toString();
        assertEquals("SUBMITTED", Fixtures.submit(organization, id, key).getString("status"));
        given().auth().oauth2(member(organization)).header("Idempotency-Key", key)
                .when().post("/api/v1/applications/" + id + "/submission")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("SUBMITTED"));

        assertEquals("UNDER_REVIEW", Fixtures.reviewer(id, "review", null).getString("status"));
        Fixtures.reviewer(id, "comments", Map.of("text", "Frugalité peu détaillée"));
        assertEquals("JUSTIFICATION_REQUESTED", Fixtures.reviewer(id, "justification-request",
                Map.of("text", "Détaillez vos mesures de frugalité")).getString("status"));

        // The applicant answers again, with If-Match, and resubmits.
        List<Map<String, Object>> answers = new java.util.ArrayList<>(Fixtures.fullAnswers());
        answers.set(0, Map.of("question", answers.get(0).get("question"), "value", "PARTIALLY_MET",
                "justification", "Audit des biais prévu au deuxième trimestre"));
        String etag = given().auth().oauth2(member(organization)).when().get("/api/v1/applications/" + id)
                .then().extract().header("ETag");
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), answers))
                .when().put("/api/v1/applications/" + id)
                .then().statusCode(200).body("answers[0].value", equalTo("PARTIALLY_MET"));
        assertEquals("RESUBMITTED", Fixtures.submit(organization, id, UUID.randomUUID().toString()).getString("status"));
        Fixtures.reviewer(id, "review", null);
        JsonPath granted = Fixtures.reviewer(id, "decision", Map.of("outcome", "GRANTED", "reasons", "Réponses étayées"));
        String number = granted.getString("labelNumber");
        assertEquals("GRANTED", granted.getString("status"));
        assertEquals("Réponses étayées", granted.getString("decisionReasons"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        org.hamcrest.MatcherAssert.assertThat(number, matchesPattern("SUD-IA-" + today.getYear() + "-\\d{4}"));

        given().auth().oauth2(member(organization)).when().get("/api/v1/labels/" + number)
                .then().statusCode(200).body("status", equalTo("VALID"))
                .body("grantedOn", equalTo(today.toString()))
                .body("validUntil", equalTo(today.plusYears(2).minusDays(1).toString()));

        Fixtures.labelAction(number, "suspension", Map.of("reason", "Enquête en cours", "until", today.plusDays(30).toString()));
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("SUSPENDED"));
        Fixtures.labelAction(number, "restoration", Map.of("reason", "Enquête close"));
        JsonPath renewed = Fixtures.labelAction(number, "renewal", Map.of("reason", "Renouvellement"));
        assertEquals(today.plusYears(4).minusDays(1).toString(), renewed.getString("validUntil"));
        Fixtures.labelAction(number, "withdrawal", Map.of("reason", "Manquement grave à la charte"));
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("WITHDRAWN"));

        // Every step of the application is in its history, with who and why.
        given().auth().oauth2(member(organization)).when().get("/api/v1/applications/" + id + "/history")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "SUBMITTED", "REVIEW_STARTED", "COMMENTED",
                        "JUSTIFICATION_REQUESTED", "ANSWERS_CHANGED", "RESUBMITTED", "REVIEW_STARTED", "GRANTED")))
                .body("items.find { it.action == 'JUSTIFICATION_REQUESTED' }.reason", equalTo("Détaillez vos mesures de frugalité"));
        // The same history, walked four steps a page.
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(member(organization)).queryParam("limit", 4);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            var body = page.when().get("/api/v1/applications/" + id + "/history").then().statusCode(200).extract().jsonPath();
            walked.addAll(body.getList("items.action"));
            cursor = body.getString("nextCursor");
        } while (cursor != null && walked.size() < 100);
        assertEquals(List.of("CREATED", "SUBMITTED", "REVIEW_STARTED", "COMMENTED", "JUSTIFICATION_REQUESTED",
                "ANSWERS_CHANGED", "RESUBMITTED", "REVIEW_STARTED", "GRANTED"), walked);
        // The label's audit trail, for admins.
        given().auth().oauth2(ADMIN).queryParam("subjectType", "LABEL").queryParam("subjectId", number)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("WITHDRAWN", "RENEWED", "RESTORED", "SUSPENDED", "GRANTED")))
                .body("items[0].reason", equalTo("Manquement grave à la charte"))
                .body("items[0].fromStatus", equalTo("VALID"))
                .body("items[0].toStatus", equalTo("WITHDRAWN"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/audit").then().statusCode(403);

        // Each change is a CloudEvent on label.labels.v1, keyed by the organization, with the agreed data.
        List<String> expected = List.of("fr.sudia.label.charter.signed", "fr.sudia.label.label.granted",
                "fr.sudia.label.label.suspended", "fr.sudia.label.label.restored", "fr.sudia.label.label.renewed",
                "fr.sudia.label.label.withdrawn");
        List<ConsumerRecord<String, String>> events = new KafkaTestClient(broker).readUntil("label.labels.v1",
                Duration.ofSeconds(30), records -> typesFor(records, organization).size() >= expected.size());
        assertEquals(expected, typesFor(events, organization));
        // Every event emitted keeps the published contract (contracts/label.labels.v1.json): a change to a REST view
        // (LabelView, SignatureView) cannot change it, the data being its own records (LabelChanged, CharterSigned).
        forOrganization(events, organization).forEach(event -> EventContracts.assertValid("label.labels.v1", event.value()));
        JsonNode withdrawn = JSON.readTree(forOrganization(events, organization).get(5).value());
        assertEquals(number, withdrawn.get("labelNumber").asText());
        assertEquals(organization.toString(), withdrawn.get("organizationId").asText());
        assertEquals("WITHDRAWN", withdrawn.get("status").asText());
        assertEquals("COMPANY_OR_PROJECT", withdrawn.get("category").asText());
        assertTrue(withdrawn.hasNonNull("changedAt"));
        JsonNode signed = JSON.readTree(forOrganization(events, organization).get(0).value());
        assertEquals(Fixtures.currentVersion(), signed.get("charterVersion").asInt());
    }

    @Test
    void aRefusalGrantsNoLabel() {
        UUID organization = Fixtures.knownOrganization("Refused SAS", "Nice");
        Fixtures.sign(organization);
        String id = Fixtures.draft(organization);
        Fixtures.submit(organization, id, UUID.randomUUID().toString());
        Fixtures.reviewer(id, "review", null);
        JsonPath refused = Fixtures.reviewer(id, "decision", Map.of("outcome", "REFUSED", "reasons", "Souveraineté non étayée"));
        assertEquals("REFUSED", refused.getString("status"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/applications/" + id)
                .then().body("labelNumber", nullValue()).body("decisionReasons", equalTo("Souveraineté non étayée"));
    }

    @Test
    void transitionsOutOfTurnAreConflictsAndChangeNothing() {
        UUID organization = Fixtures.knownOrganization("Out of turn", "Toulon");
        Fixtures.sign(organization);
        String id = Fixtures.draft(organization);
        String path = "/api/v1/applications/" + id;
        conflict(REVIEWER, path + "/review", null);
        conflict(REVIEWER, path + "/decision", Map.of("outcome", "GRANTED", "reasons", "trop tôt"));
        conflict(REVIEWER, path + "/justification-request", Map.of("text", "trop tôt"));
        conflict(REVIEWER, path + "/comments", Map.of("text", "trop tôt"));
        Fixtures.submit(organization, id, UUID.randomUUID().toString());
        given().auth().oauth2(member(organization)).header("Idempotency-Key", UUID.randomUUID().toString())
                .when().post(path + "/submission").then().statusCode(409).contentType("application/problem+json");
        conflict(REVIEWER, path + "/decision", Map.of("outcome", "GRANTED", "reasons", "pas encore examinée"));
        Fixtures.reviewer(id, "review", null);
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().put(path).then().statusCode(409);
        String number = Fixtures.reviewer(id, "decision", Map.of("outcome", "GRANTED", "reasons", "ok")).getString("labelNumber");
        conflict(REVIEWER, path + "/decision", Map.of("outcome", "REFUSED", "reasons", "déjà décidée"));
        conflict(REVIEWER, path + "/review", null);

        String label = "/api/v1/labels/" + number;
        conflict(REVIEWER, label + "/restoration", Map.of("reason", "pas suspendu"));
        Fixtures.labelAction(number, "suspension", Map.of("reason", "contrôle"));
        conflict(REVIEWER, label + "/suspension", Map.of("reason", "déjà suspendu"));
        conflict(REVIEWER, label + "/renewal", Map.of("reason", "suspendu"));
        Fixtures.labelAction(number, "withdrawal", Map.of("reason", "retrait"));
        conflict(REVIEWER, label + "/withdrawal", Map.of("reason", "déjà retiré"));
        conflict(REVIEWER, label + "/restoration", Map.of("reason", "retiré"));
        conflict(REVIEWER, label + "/renewal", Map.of("reason", "retiré"));

        given().auth().oauth2(ADMIN).queryParam("subjectType", "LABEL").queryParam("subjectId", number)
                .when().get("/api/v1/audit")
                .then().body("items.action", equalTo(List.of("WITHDRAWN", "SUSPENDED", "GRANTED")));
        given().auth().oauth2(REVIEWER).when().get(path).then().body("status", equalTo("GRANTED"));
    }

    @Test
    void aSecondCurrentLabelForTheSameOrganizationIsRefused() {
        UUID organization = Fixtures.knownOrganization("Twice", "Marseille");
        Fixtures.labelFor(organization);
        String second = Fixtures.draft(organization);
        Fixtures.submit(organization, second, UUID.randomUUID().toString());
        Fixtures.reviewer(second, "review", null);
        conflict(REVIEWER, "/api/v1/applications/" + second + "/decision", Map.of("outcome", "GRANTED", "reasons", "encore"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/applications/" + second)
                .then().body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void membersSeeOnlyTheirOwnApplications() {
        UUID mine = Fixtures.knownOrganization("Mine", "Nice");
        UUID theirs = Fixtures.knownOrganization("Theirs", "Nice");
        Fixtures.sign(mine);
        String id = Fixtures.draft(mine);
        String missing = UUID.randomUUID().toString();
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(member(theirs)).when().get("/api/v1/applications/" + id), id,
                given().auth().oauth2(member(theirs)).when().get("/api/v1/applications/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(member(theirs)).header("Idempotency-Key", "k1")
                        .when().post("/api/v1/applications/" + id + "/submission"), id,
                given().auth().oauth2(member(theirs)).header("Idempotency-Key", "k1")
                        .when().post("/api/v1/applications/" + missing + "/submission"), missing);
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(member(theirs)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                        .body(Fixtures.form(theirs, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                        .when().put("/api/v1/applications/" + id), id,
                given().auth().oauth2(member(theirs)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                        .body(Fixtures.form(theirs, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                        .when().put("/api/v1/applications/" + missing), missing);
        given().auth().oauth2(member(mine)).when().get("/api/v1/applications/" + id).then().body("status", equalTo("DRAFT"));
        given().auth().oauth2(member(mine)).when().get("/api/v1/applications")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(member(theirs)).queryParam("organizationId", mine.toString())
                .when().get("/api/v1/applications").then().statusCode(403);
        given().auth().oauth2(REVIEWER).queryParam("status", "DRAFT").queryParam("organizationId", mine.toString())
                .when().get("/api/v1/applications").then().statusCode(200).body("items.id", hasItems(id));
    }

    @Test
    void anotherOrganizationsLabelIsAnsweredAsAMissingOne() {
        UUID holder = Fixtures.knownOrganization("Titulaire", "Nice");
        UUID other = Fixtures.knownOrganization("Curieux", "Nice");
        String number = Fixtures.labelFor(holder);
        String missing = "SUD-IA-2099-9999";
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(member(other)).when().get("/api/v1/labels/" + number), number,
                given().auth().oauth2(member(other)).when().get("/api/v1/labels/" + missing), missing);
        given().auth().oauth2(member(holder)).when().get("/api/v1/labels/" + number).then().statusCode(200)
                .body("number", equalTo(number));
    }

    @Test
    void anIdempotencyKeyBelongsToTheOrganizationThatUsesIt() {
        UUID a = Fixtures.knownOrganization("Clé A", "Nice");
        UUID b = Fixtures.knownOrganization("Clé B", "Toulon");
        Fixtures.sign(a);
        Fixtures.sign(b);
        String ofA = Fixtures.draft(a);
        String ofB = Fixtures.draft(b);
        String key = "soumission-" + UUID.randomUUID();

        given().auth().oauth2(member(a)).header("Idempotency-Key", key).when().post("/api/v1/applications/" + ofA + "/submission")
                .then().statusCode(200).header("Idempotent-Replayed", "false").body("id", equalTo(ofA), "status", equalTo("SUBMITTED"));
        // the same key from another organization is another submission, of its own application
        given().auth().oauth2(member(b)).header("Idempotency-Key", key).when().post("/api/v1/applications/" + ofB + "/submission")
                .then().statusCode(200).header("Idempotent-Replayed", "false").body("id", equalTo(ofB), "status", equalTo("SUBMITTED"));
        // a retry by each answers its own application, unchanged
        given().auth().oauth2(member(a)).header("Idempotency-Key", key).when().post("/api/v1/applications/" + ofA + "/submission")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(ofA));
        given().auth().oauth2(member(b)).header("Idempotency-Key", key).when().post("/api/v1/applications/" + ofB + "/submission")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(ofB));
        // the same organization reusing its key on another application is refused
        String secondOfA = Fixtures.draft(a);
        given().auth().oauth2(member(a)).header("Idempotency-Key", key).when().post("/api/v1/applications/" + secondOfA + "/submission")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(member(a)).when().get("/api/v1/applications/" + secondOfA).then().body("status", equalTo("DRAFT"));
        assertEquals(Set.of(a + " " + ofA, b + " " + ofB), QuarkusTransaction.requiringNew().call(() -> SubmissionRequest
                .<SubmissionRequest>list("idempotencyKey", key).stream().map(r -> r.organizationId + " " + r.applicationId)
                .collect(Collectors.toSet())));
    }

    private static void conflict(String token, String path, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        request.when().post(path).then().statusCode(409).contentType("application/problem+json");
    }

    private static List<ConsumerRecord<String, String>> forOrganization(List<ConsumerRecord<String, String>> records,
            UUID organization) {
        return records.stream().filter(r -> organization.toString().equals(r.key())).toList();
    }

    private static List<String> typesFor(List<ConsumerRecord<String, String>> records, UUID organization) {
        return forOrganization(records, organization).stream()
                .map(r -> new String(r.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }
}
