package fr.sudia.funding.eligibility;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.directory.DirectoryEvents;
import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.funding.scheme.Schemes;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Matching for every beneficiary type, through the API on the real database: a rural commune (Mesure 4), a training
 * body (Mesure 9), a PhD student (Mesure 21), each with the explanations a user reads; bad facts are refused.
 */
@QuarkusTest
class BeneficiaryMatchingTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    private String ruralCommunes;
    private String qualiopiTraining;
    private String doctoralGrants;
    private String tpe;

    @BeforeEach
    void catalogue() {
        ruralCommunes = publish("Communes rurales", Map.of("beneficiaryTypes", List.of("LOCAL_AUTHORITY"),
                "localAuthorityKinds", List.of("COMMUNE", "EPCI"), "rural", true, "maxPopulation", 3500, "inRegion", true));
        qualiopiTraining = publish("Formations certifiées", Map.of("beneficiaryTypes", List.of("TRAINING_BODY"),
                "requiresQualiopi", true, "inRegion", true));
        doctoralGrants = publish("Bourses doctorales", Map.of("beneficiaryTypes", List.of("INDIVIDUAL"),
                "individualStatuses", List.of("PHD_STUDENT", "MASTER_STUDENT")));
        tpe = publish("TPE seulement", Map.of("companyCategories", List.of("TPE")));
    }

    @Test
    void aRuralCommuneIsEligibleAndToldWhy() {
        JsonPath result = match(Map.of("beneficiaryType", "LOCAL_AUTHORITY", "localAuthorityKind", "COMMUNE",
                "population", 850, "densityLevel", "VERY_SPARSE", "department", "04"));

        assertEquals("ELIGIBLE", verdict(result, ruralCommunes));
        Map<String, String> explanations = explanations(result, ruralCommunes);
        assertEquals(List.of("beneficiaryTypes", "localAuthorityKinds", "population", "rural", "inRegion").stream().sorted().toList(),
                explanations.keySet().stream().sorted().toList());
        assertTrue(explanations.get("rural").contains("très peu dense") && explanations.get("rural").contains("rural"),
                explanations.get("rural"));
        assertEquals("Population 850 is at most 3500.", explanations.get("population"));
        assertTrue(explanations.get("beneficiaryTypes").startsWith("The applicant is a local authority"), explanations.get("beneficiaryTypes"));
        // A TPE scheme is not for a commune, and says so rather than "could be".
        assertEquals("NOT_ELIGIBLE", verdict(result, tpe));
        assertEquals("The scheme's condition companyCategories is for a company; the applicant is a local authority.",
                explanations(result, tpe).get("companyCategories"));
        assertEquals("NOT_ELIGIBLE", verdict(result, qualiopiTraining));

        JsonPath urban = match(Map.of("beneficiaryType", "LOCAL_AUTHORITY", "localAuthorityKind", "COMMUNE",
                "population", 850, "densityLevel", "DENSE", "department", "04"));
        assertEquals("NOT_ELIGIBLE", verdict(urban, ruralCommunes));
        assertEquals("FAIL", outcomes(urban, ruralCommunes).get("rural"));
        JsonPath unknownDensity = match(Map.of("beneficiaryType", "LOCAL_AUTHORITY", "localAuthorityKind", "COMMUNE", "department", "04"));
        assertEquals("POSSIBLY_ELIGIBLE", verdict(unknownDensity, ruralCommunes));
        assertEquals("UNKNOWN", outcomes(unknownDensity, ruralCommunes).get("rural"));
        JsonPath department = match(Map.of("beneficiaryType", "LOCAL_AUTHORITY", "localAuthorityKind", "DEPARTMENT",
                "population", 170_000, "densityLevel", "SPARSE", "department", "04"));
        assertEquals(Map.of("beneficiaryTypes", "PASS", "localAuthorityKinds", "FAIL", "population", "FAIL", "rural", "PASS",
                "inRegion", "PASS"), outcomes(department, ruralCommunes));
    }

    @Test
    void aTrainingBodyCompletesItsDirectoryEntryAndIsMatchedOnQualiopi() {
        UUID id = UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(broker);
        kafka.send(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", id, "École du code", "AI_AWARENESS_PLACE",
                null, null, "13", "NONE", OffsetDateTime.parse("2026-04-01T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id));
        String member = DevTokens.forOrganization(Roles.MEMBER, id.toString());

        given().auth().oauth2(member).get("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(200)
                .body("directoryKind", equalTo("AI_AWARENESS_PLACE"), "beneficiaryType", equalTo(null));
        assertEquals("UNKNOWN", outcomes(matchOrganization(member, id), qualiopiTraining).get("beneficiaryTypes"));

        String etag = given().auth().oauth2(member).contentType(ContentType.JSON)
                .body("{\"beneficiaryType\":\"TRAINING_BODY\",\"qualiopiCertified\":true}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(200)
                .body("beneficiaryType", equalTo("TRAINING_BODY"), "qualiopiCertified", equalTo(true)).extract().header("ETag");

        JsonPath result = matchOrganization(member, id);
        assertEquals("TRAINING_BODY", result.getString("profile.beneficiaryType"));
        assertEquals("ELIGIBLE", verdict(result, qualiopiTraining));
        assertEquals("The training body holds the Qualiopi certification.", explanations(result, qualiopiTraining).get("requiresQualiopi"));

        // A change needs the version read; then an uncertified body fails the condition, and is told so.
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"beneficiaryType\":\"TRAINING_BODY\",\"qualiopiCertified\":false}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(member).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"beneficiaryType\":\"TRAINING_BODY\",\"qualiopiCertified\":false}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(200);
        JsonPath uncertified = matchOrganization(member, id);
        assertEquals("NOT_ELIGIBLE", verdict(uncertified, qualiopiTraining));
        assertEquals("The scheme requires the Qualiopi certification; the training body does not hold it.",
                explanations(uncertified, qualiopiTraining).get("requiresQualiopi"));

        // Another organization's member neither reads nor completes it.
        String stranger = DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString());
        given().auth().oauth2(stranger).get("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"beneficiaryType\":\"ASSOCIATION\"}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theDirectoryKindGivesTheTypeAndTheApplicantCannotContradictIt() {
        UUID id = UUID.randomUUID();
        new KafkaTestClient(broker).send(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", id, "Inria Sophia",
                "RESEARCH_LAB", null, 1967, "06", "NONE", OffsetDateTime.parse("2026-04-01T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id));
        String member = DevTokens.forOrganization(Roles.MEMBER, id.toString());

        given().auth().oauth2(member).get("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(200)
                .body("directoryType", equalTo("RESEARCH_ORGANIZATION"), "beneficiaryType", equalTo("RESEARCH_ORGANIZATION"));
        assertEquals("FAIL", outcomes(matchOrganization(member, id), tpe).get("companyCategories"));
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"beneficiaryType\":\"LOCAL_AUTHORITY\"}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("beneficiaryType"));
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"population\":1200}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("population"));
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"beneficiaryType\":\"INDIVIDUAL\"}")
                .put("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(member).get("/api/v1/eligibility/organizations/" + id + "/beneficiary").then().statusCode(200)
                .header("ETag", equalTo(null)).body("completedAt", equalTo(null));
    }

    @Test
    void aPhdStudentIsMatchedOnTheGrantsForStudents() {
        JsonPath result = match(Map.of("beneficiaryType", "INDIVIDUAL", "individualStatus", "PHD_STUDENT", "department", "13"));

        assertEquals("ELIGIBLE", verdict(result, doctoralGrants));
        assertEquals("The applicant is a PHD_STUDENT, among MASTER_STUDENT, PHD_STUDENT.",
                explanations(result, doctoralGrants).get("individualStatuses"));
        assertEquals("NOT_ELIGIBLE", verdict(result, tpe));
        assertEquals("The scheme's condition companyCategories is for a company; the applicant is an individual.",
                explanations(result, tpe).get("companyCategories"));
        assertEquals("NOT_ELIGIBLE", verdict(result, ruralCommunes));

        JsonPath researcher = match(Map.of("beneficiaryType", "INDIVIDUAL", "individualStatus", "RESEARCHER"));
        assertEquals("NOT_ELIGIBLE", verdict(researcher, doctoralGrants));
        assertEquals("The applicant is a RESEARCHER, not among MASTER_STUDENT, PHD_STUDENT.",
                explanations(researcher, doctoralGrants).get("individualStatuses"));
        // Without a type, nothing is guessed: a student's grant is only possible.
        assertEquals("POSSIBLY_ELIGIBLE", verdict(match(Map.of("department", "13")), doctoralGrants));
    }

    @Test
    void badBeneficiaryFactsAndConditionsAreRefusedNamingTheField() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("beneficiaryType", "LOCAL_AUTHORITY", "population", -1),
                Map.of("beneficiaryType", "LOCAL_AUTHORITY", "localAuthorityKind", "REGION"),
                Map.of("beneficiaryType", "LOCAL_AUTHORITY", "densityLevel", "RURAL"),
                Map.of("beneficiaryType", "MUNICIPALITY"),
                Map.of("beneficiaryType", "LOCAL_AUTHORITY", "qualiopiCertified", true),
                Map.of("population", 850),
                Map.of("individualStatus", "PHD_STUDENT"),
                Map.of("beneficiaryType", "INDIVIDUAL", "individualStatus", "PHD_STUDENT", "headcount", 3))) {
            given().contentType(ContentType.JSON).body(bad).post("/api/v1/eligibility/matches").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("beneficiaryType", "LOCAL_AUTHORITY", "population", -1))
                .post("/api/v1/eligibility/matches").then().statusCode(400).body("violations.field", hasItem("population"));
        given().contentType(ContentType.JSON).body(Map.of("beneficiaryType", "TRAINING_BODY", "population", 10))
                .post("/api/v1/eligibility/matches").then().statusCode(400)
                .body("violations.message", hasItem(containsString("population")));

        for (Map<String, Object> conditions : List.<Map<String, Object>>of(
                Map.of("beneficiaryTypes", List.of("COMPANY"), "requiresQualiopi", true),
                Map.of("beneficiaryTypes", List.of("LOCAL_AUTHORITY"), "minPopulation", 5000, "maxPopulation", 100),
                Map.of("beneficiaryTypes", List.of("INDIVIDUAL"), "companyCategories", List.of("TPE")),
                Map.of("individualStatuses", List.of("POSTDOC")),
                Map.of("ruralness", true))) {
            Map<String, Object> body = Schemes.body("Mauvaises conditions " + UUID.randomUUID());
            body.put("conditions", conditions);
            Schemes.post(body).statusCode(400).contentType("application/problem+json");
        }
    }

    private static String publish(String name, Map<String, Object> conditions) {
        Map<String, Object> body = Schemes.body(name + " " + UUID.randomUUID());
        body.put("conditions", conditions);
        return Schemes.publish(body);
    }

    private static JsonPath match(Map<String, Object> profile) {
        return given().contentType(ContentType.JSON).body(profile).queryParam("limit", 2000)
                .post("/api/v1/eligibility/matches").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath matchOrganization(String token, UUID id) {
        return given().auth().oauth2(token).queryParam("limit", 2000).get("/api/v1/eligibility/organizations/" + id + "/matches")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownOrganization.findById(id) != null);
    }

    private static Map<String, Object> item(JsonPath result, String schemeId) {
        Map<String, Object> item = result.getMap("items.find { it.schemeId == '" + schemeId + "' }");
        assertTrue(item != null, "scheme " + schemeId + " is in the result");
        return item;
    }

    private static String verdict(JsonPath result, String schemeId) {
        return (String) item(result, schemeId).get("verdict");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> outcomes(JsonPath result, String schemeId) {
        Map<String, String> outcomes = new HashMap<>();
        for (Map<String, String> check : (List<Map<String, String>>) item(result, schemeId).get("checks")) {
            outcomes.put(check.get("condition"), check.get("outcome"));
        }
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> explanations(JsonPath result, String schemeId) {
        Map<String, String> explanations = new HashMap<>();
        for (Map<String, String> check : (List<Map<String, String>>) item(result, schemeId).get("checks")) {
            explanations.put(check.get("condition"), check.get("explanation"));
        }
        return explanations;
    }
}
