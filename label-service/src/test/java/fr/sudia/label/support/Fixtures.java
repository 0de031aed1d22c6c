package fr.sudia.label.support;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Steps through the real API that many tests share: an organization, the charter, a signature, a label. */
public final class Fixtures {

    public static final String REVIEWER = DevTokens.forRole(Roles.REVIEWER);
    public static final String ADMIN = DevTokens.forRole(Roles.ADMIN);

    private Fixtures() {
    }

    public static String member(UUID organizationId) {
        return DevTokens.forOrganization(Roles.MEMBER, organizationId.toString());
    }

    /** A directory organization as the consumer would have recorded it (the consumer has its own tests). */
    public static UUID knownOrganization(String name, String city) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            KnownOrganization known = new KnownOrganization();
            known.id = id;
            known.name = name;
            known.kind = "STARTUP";
            known.city = city;
            known.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            known.receivedAt = known.updatedAt;
            known.persist();
        });
        return id;
    }

    /** The charter in force, published by an admin if the test database has none yet. */
    public static JsonPath charterInForce() {
        var current = given().when().get("/api/v1/charters/current");
        if (current.statusCode() == 200) {
            return current.jsonPath();
        }
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(charterDraft("Charte de test", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), 30))
                .when().post("/api/v1/charters")
                .then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> charterDraft(String textFr, OffsetDateTime effectiveAt, int graceDays) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (String principle : List.of("FAIRNESS", "INCLUSION", "RELIABILITY", "TRANSPARENCY", "FRUGALITY", "SOVEREIGNTY")) {
            questions.add(Map.of("code", principle.toLowerCase(), "principle", principle,
                    "textFr", "Question sur " + principle, "notApplicableAllowed", principle.equals("TRANSPARENCY")));
        }
        return Map.of("textFr", textFr, "textEn", "Test charter", "effectiveAt", effectiveAt.toString(),
                "gracePeriodDays", graceDays, "questions", questions);
    }

    public static int currentVersion() {
        return charterInForce().getInt("version");
    }

    public static void sign(UUID organizationId) {
        given().auth().oauth2(member(organizationId)).contentType(ContentType.JSON)
                .body(Map.of("organizationId", organizationId, "signerName", "Camille Martin", "signerRole", "Présidente"))
                .when().post("/api/v1/charters/" + currentVersion() + "/signatures")
                .then().statusCode(201);
    }

    /** Answers to every question of the charter in force. */
    public static List<Map<String, Object>> fullAnswers() {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String code : charterInForce().getList("questions.code", String.class)) {
            answers.add(Map.of("question", code, "value", "MET", "justification", "Pratique documentée pour " + code));
        }
        return answers;
    }

    public static Map<String, Object> form(UUID organizationId, String category, int charterVersion,
            List<Map<String, Object>> answers) {
        return Map.of("organizationId", organizationId, "category", category, "charterVersion", charterVersion,
                "answers", answers);
    }

    public static String draft(UUID organizationId) {
        return given().auth().oauth2(member(organizationId)).contentType(ContentType.JSON)
                .body(form(organizationId, "COMPANY_OR_PROJECT", currentVersion(), fullAnswers()))
                .when().post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
    }

    public static JsonPath submit(UUID organizationId, String applicationId, String key) {
        return given().auth().oauth2(member(organizationId)).header("Idempotency-Key", key)
                .when().post("/api/v1/applications/" + applicationId + "/submission")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath reviewer(String applicationId, String action, Map<String, Object> body) {
        var request = given().auth().oauth2(REVIEWER).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.when().post("/api/v1/applications/" + applicationId + "/" + action)
                .then().statusCode(200).extract().jsonPath();
    }

    /** A new organization that signed the charter, applied and was granted: its label number. */
    public static String labelledOrganization(String name, String city) {
        return labelFor(knownOrganization(name, city));
    }

    public static String labelFor(UUID organization) {
        sign(organization);
        String application = draft(organization);
        submit(organization, application, UUID.randomUUID().toString());
        reviewer(application, "review", null);
        return reviewer(application, "decision", Map.of("outcome", "GRANTED", "reasons", "Conforme")).getString("labelNumber");
    }

    public static JsonPath labelAction(String number, String action, Map<String, Object> body) {
        return given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/labels/" + number + "/" + action)
                .then().statusCode(200).extract().jsonPath();
    }
}
