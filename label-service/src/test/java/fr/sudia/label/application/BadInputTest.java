package fr.sudia.label.application;

import static fr.sudia.label.support.Fixtures.ADMIN;
import static fr.sudia.label.support.Fixtures.REVIEWER;
import static fr.sudia.label.support.Fixtures.member;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.label.audit.AuditEntry;
import fr.sudia.label.charter.CharterSignature;
import fr.sudia.label.label.Label;
import fr.sudia.label.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input is a 4xx problem+json and leaves nothing behind. */
@QuarkusTest
class BadInputTest {

    @Test
    void anUnknownCharterVersionIsRefusedAndNothingIsStored() {
        UUID organization = Fixtures.knownOrganization("Unknown version", "Nice");
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", 999, Fixtures.fullAnswers()))
                .when().post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Charter version 999 does not exist"));
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization, "signerName", "A", "signerRole", "B"))
                .when().post("/api/v1/charters/999/signatures")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, storedFor(organization));
    }

    @Test
    void aSubmissionWithMissingAnswersIsRefusedAndTheDraftStaysADraft() {
        UUID organization = Fixtures.knownOrganization("Missing answers", "Nice");
        Fixtures.sign(organization);
        List<Map<String, Object>> partial = Fixtures.fullAnswers().subList(0, 4);
        String id = given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), partial))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(member(organization)).header("Idempotency-Key", key)
                .when().post("/api/v1/applications/" + id + "/submission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("frugality"));
        given().auth().oauth2(member(organization)).when().get("/api/v1/applications/" + id)
                .then().body("status", equalTo("DRAFT"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> SubmissionRequest.count("idempotencyKey", key)));
    }

    @Test
    void answersThatDoNotFitTheQuestionnaireAreRefused() {
        UUID organization = Fixtures.knownOrganization("Odd answers", "Nice");
        int version = Fixtures.currentVersion();
        List<Map<String, Object>> notApplicable = List.of(
                Map.of("question", "fairness", "value", "NOT_APPLICABLE", "justification", "Pas d'utilisateurs"));
        List<Map<String, Object>> unknown = List.of(
                Map.of("question", "no-such-question", "value", "MET", "justification", "?"));
        List<Map<String, Object>> unjustified = List.of(Map.of("question", "fairness", "value", "MET", "justification", " "));
        for (List<Map<String, Object>> answers : List.of(notApplicable, unknown, unjustified)) {
            given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                    .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", version, answers))
                    .when().post("/api/v1/applications")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        // NOT_APPLICABLE is fine where the question allows it.
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", version, List.of(
                        Map.of("question", "transparency", "value", "NOT_APPLICABLE", "justification", "Aucune décision automatisée"))))
                .when().post("/api/v1/applications").then().statusCode(201);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> LabelApplication.count("organizationId", organization)));
    }

    @Test
    void anApplicationForAnOrganizationOutsideTheDirectoryIsRefused() {
        UUID stranger = UUID.randomUUID();
        given().auth().oauth2(member(stranger)).contentType(ContentType.JSON)
                .body(Fixtures.form(stranger, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not in the directory"));
        assertEquals(0, storedFor(stranger));
    }

    @Test
    void onlyReviewersDecideAndNothingChangesOtherwise() {
        UUID organization = Fixtures.knownOrganization("Not by you", "Nice");
        Fixtures.sign(organization);
        String id = Fixtures.draft(organization);
        Fixtures.submit(organization, id, UUID.randomUUID().toString());
        Fixtures.reviewer(id, "review", null);
        for (String token : List.of(ADMIN, member(organization))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("outcome", "GRANTED", "reasons", "moi-même"))
                    .when().post("/api/v1/applications/" + id + "/decision")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("outcome", "GRANTED", "reasons", "anonyme"))
                .when().post("/api/v1/applications/" + id + "/decision").then().statusCode(401);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/applications/" + id).then().body("status", equalTo("UNDER_REVIEW"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Label.count("organizationId", organization)));
    }

    @Test
    void aMemberCannotSignForAnotherOrganization() {
        UUID mine = Fixtures.knownOrganization("Signer", "Nice");
        UUID theirs = Fixtures.knownOrganization("Someone else", "Nice");
        given().auth().oauth2(member(mine)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", theirs, "signerName", "Usurpateur", "signerRole", "Aucun"))
                .when().post("/api/v1/charters/" + Fixtures.currentVersion() + "/signatures")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, storedFor(theirs));
    }

    @Test
    void malformedRequestsAreProblemsNamingTheField() {
        UUID organization = Fixtures.knownOrganization("Malformed", "Nice");
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organization, "signerName", "", "signerRole", "Présidente"))
                .when().post("/api/v1/charters/" + Fixtures.currentVersion() + "/signatures")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("signerName")));
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body("{\"organizationId\":\"" + organization + "\",\"category\":\"CASINO\",\"charterVersion\":1,\"answers\":[]}")
                .when().post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json");
        Fixtures.sign(organization);
        String id = Fixtures.draft(organization);
        given().auth().oauth2(member(organization)).when().post("/api/v1/applications/" + id + "/submission")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("textFr", "Sans questions", "effectiveAt", "2030-01-01T00:00:00Z", "gracePeriodDays", 30,
                        "questions", List.of(Map.of("code", "only", "principle", "FAIRNESS", "textFr", "?", "notApplicableAllowed", false))))
                .when().post("/api/v1/charters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("invalid"));
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.charterDraft("Par un membre", java.time.OffsetDateTime.parse("2031-01-01T00:00:00Z"), 30))
                .when().post("/api/v1/charters").then().statusCode(403);
    }

    private static long storedFor(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> LabelApplication.count("organizationId", organization)
                + CharterSignature.count("organizationId", organization)
                + AuditEntry.count("organizationId", organization));
    }
}
