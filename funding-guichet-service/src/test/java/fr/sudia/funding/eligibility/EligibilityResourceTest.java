package fr.sudia.funding.eligibility;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.directory.DirectoryEvents;
import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.funding.scheme.Scheme;
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
 * Matching through the API, on the three profiles of the issue: a 5-person startup in Nice without the label,
 * a 300-person ETI in Marseille with it, and a company outside the region.
 */
@QuarkusTest
class EligibilityResourceTest {

    private static final int THIS_YEAR = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    private String tpeInRegion;
    private String labelledPmeEti;
    private String youngSas;

    @BeforeEach
    void catalogue() {
        tpeInRegion = publish("TPE de la région", Map.of("companyCategories", List.of("TPE"), "inRegion", true));
        labelledPmeEti = publish("PME et ETI labellisées", Map.of("companyCategories", List.of("PME", "ETI"),
                "requiresLabel", true, "inRegion", true));
        youngSas = publish("Jeunes SAS", Map.of("maxAgeYears", 5, "legalForms", List.of("SAS", "SASU")));
    }

    @Test
    void aFivePersonStartupInNiceWithoutTheLabel() {
        Map<String, Object> startup = profile(5, 300_000L, THIS_YEAR - 2, "06", false);
        startup.put("legalForm", "SAS");
        JsonPath result = match(startup);

        assertEquals("ELIGIBLE", verdict(result, tpeInRegion));
        assertEquals("ELIGIBLE", verdict(result, youngSas));
        assertEquals("NOT_ELIGIBLE", verdict(result, labelledPmeEti));
        assertEquals(Map.of("companyCategories", "FAIL", "requiresLabel", "FAIL", "inRegion", "PASS"), outcomes(result, labelledPmeEti));
        assertTrue(explanation(result, labelledPmeEti, "companyCategories").contains("TPE"));
        assertTrue(position(result, tpeInRegion) < position(result, labelledPmeEti), "eligible schemes come first");
    }

    @Test
    void aThreeHundredPersonEtiInMarseilleWithTheLabel() {
        JsonPath result = match(profile(300, 80_000_000L, 1998, "13", true));

        assertEquals("ELIGIBLE", verdict(result, labelledPmeEti));
        assertEquals(Map.of("companyCategories", "PASS", "requiresLabel", "PASS", "inRegion", "PASS"), outcomes(result, labelledPmeEti));
        assertEquals("NOT_ELIGIBLE", verdict(result, tpeInRegion));
        assertEquals(Map.of("age", "FAIL", "legalForms", "UNKNOWN"), outcomes(result, youngSas));
        assertTrue(explanation(result, tpeInRegion, "companyCategories").contains("ETI"));
    }

    @Test
    void aCompanyOutsideTheRegion() {
        Map<String, Object> lyon = profile(20, 2_500_000L, null, "69", null);
        JsonPath result = match(lyon);

        assertEquals(Map.of("companyCategories", "FAIL", "inRegion", "FAIL"), outcomes(result, tpeInRegion));
        assertEquals(Map.of("companyCategories", "PASS", "requiresLabel", "UNKNOWN", "inRegion", "FAIL"), outcomes(result, labelledPmeEti));
        assertEquals("POSSIBLY_ELIGIBLE", verdict(result, youngSas), "age and legal form are not known");
        assertTrue(explanation(result, tpeInRegion, "inRegion").contains("69 is not in the Région Sud"));
    }

    @Test
    void theSameProfileAlwaysGetsTheSameAnswer() {
        Map<String, Object> startup = profile(5, 300_000L, THIS_YEAR - 2, "06", false);
        String first = given().contentType(ContentType.JSON).body(startup).queryParam("limit", 2000)
                .post("/api/v1/eligibility/matches").then().statusCode(200).extract().asString();
        for (int i = 0; i < 3; i++) {
            assertEquals(first, given().contentType(ContentType.JSON).body(startup).queryParam("limit", 2000)
                    .post("/api/v1/eligibility/matches").then().statusCode(200).extract().asString());
        }
    }

    @Test
    void badProfilesAreA400() {
        Map<String, Object> negative = profile(-1, null, null, null, null);
        given().contentType(ContentType.JSON).body(negative).post("/api/v1/eligibility/matches")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> naf = profile(5, null, null, null, null);
        naf.put("nafCode", "04.11Z");
        given().contentType(ContentType.JSON).body(naf).post("/api/v1/eligibility/matches")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"headcount\":5,\"turnover\":3}").post("/api/v1/eligibility/matches")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").queryParam("limit", 0).post("/api/v1/eligibility/matches")
                .then().statusCode(400).contentType("application/problem+json");
        // the call runs on the event loop: a body that is not JSON, or no body, is still a 400 problem
        given().contentType(ContentType.JSON).body("{\"headcount\":").post("/api/v1/eligibility/matches")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/v1/eligibility/matches")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anOrganizationIsMatchedFromTheDirectoryAndItsLabel() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2026-04-01T09:00:00Z");
        KafkaTestClient kafka = new KafkaTestClient(broker);
        kafka.send(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", id, "Therapixel", "FROM_10_TO_49", 2013, "06", "NONE", at));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id));
        String member = DevTokens.forOrganization(Roles.MEMBER, id.toString());

        JsonPath before = matchOrganization(member, id);
        assertEquals("10-49 people, founded 2013, in 06", "10-49 people, founded " + before.getInt("profile.foundedYear")
                + ", in " + before.getString("profile.department"));
        // 10-49 people with unknown finances: a PME, unless its figures make it an ETI
        assertEquals(Map.of("companyCategories", "UNKNOWN", "requiresLabel", "FAIL", "inRegion", "PASS"), outcomes(before, labelledPmeEti));

        kafka.send(DirectoryEvents.label(DirectoryEvents.newId(), "granted", id, "VALID", at.plusDays(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PASS".equals(outcomes(matchOrganization(member, id), labelledPmeEti).get("requiresLabel")));

        given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, UUID.randomUUID().toString()))
                .get("/api/v1/eligibility/organizations/" + id + "/matches").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.ADVISOR)).get("/api/v1/eligibility/organizations/" + id + "/matches")
                .then().statusCode(200);
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).get("/api/v1/eligibility/organizations/" + UUID.randomUUID() + "/matches")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/eligibility/organizations/" + id + "/matches").then().statusCode(401);
    }

    @Test
    void closedSchemesAreNotMatchedAndOpenOnlyDropsClosedOnes() {
        Map<String, Object> body = Schemes.body("Bientôt ouvert " + UUID.randomUUID());
        body.put("opensOn", LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30).toString());
        String notYetOpen = Schemes.publish(body);

        JsonPath all = match(profile(5, 300_000L, null, "06", false));
        assertEquals(false, item(all, notYetOpen).get("open"));
        JsonPath openOnly = given().contentType(ContentType.JSON).body(profile(5, 300_000L, null, "06", false))
                .queryParam("limit", 2000).queryParam("openOnly", true).post("/api/v1/eligibility/matches")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(openOnly.getList("items.schemeId").stream().noneMatch(notYetOpen::equals));

        String etag = given().get("/api/v1/schemes/" + tpeInRegion).then().extract().header("ETag");
        given().auth().oauth2(Schemes.advisor()).header("If-Match", etag)
                .post("/api/v1/schemes/" + tpeInRegion + "/close").then().statusCode(200);
        assertTrue(match(profile(5, 300_000L, null, "06", false)).getList("items.schemeId").stream().noneMatch(tpeInRegion::equals));
    }

    /** A short list is the head of the long one: the same ranking, whatever the limit. */
    @Test
    void aSmallLimitGivesTheFirstOfTheWholeRanking() {
        Map<String, Object> profile = profile(5, 300_000L, THIS_YEAR - 2, "06", false);
        List<String> all = match(profile).getList("items.schemeId");
        List<String> firstFive = given().contentType(ContentType.JSON).body(profile).queryParam("limit", 5)
                .post("/api/v1/eligibility/matches").then().statusCode(200).extract().jsonPath().getList("items.schemeId");
        assertEquals(all.subList(0, 5), firstFive);
    }

    /** Another instance changes a scheme (SQL behind this one's back): matching shows it within seconds. */
    @Test
    void aChangeMadeByAnotherInstanceShowsWithinSeconds() {
        String id = publish("Avant", Map.of("inRegion", true));
        String renamed = "Renommé ailleurs " + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Scheme.getEntityManager()
                .createNativeQuery("update scheme set name = ?1, version = version + 1, updated_at = now() where id = ?2")
                .setParameter(1, renamed).setParameter(2, UUID.fromString(id)).executeUpdate());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertEquals(renamed, item(match(profile(5, 300_000L, null, "06", false)), id).get("name")));
    }

    private static String publish(String name, Map<String, Object> conditions) {
        Map<String, Object> body = Schemes.body(name + " " + UUID.randomUUID());
        body.put("conditions", conditions);
        return Schemes.publish(body);
    }

    private static Map<String, Object> profile(Integer headcount, Long turnover, Integer foundedYear, String department, Boolean label) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("headcount", headcount);
        profile.put("annualTurnoverEur", turnover);
        profile.put("foundedYear", foundedYear);
        profile.put("department", department);
        profile.put("holdsLabel", label);
        return profile;
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
        return result.getMap("items.find { it.schemeId == '" + schemeId + "' }");
    }

    private static String verdict(JsonPath result, String schemeId) {
        return (String) item(result, schemeId).get("verdict");
    }

    private static int position(JsonPath result, String schemeId) {
        return result.getList("items.schemeId").indexOf(schemeId);
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
    private static String explanation(JsonPath result, String schemeId, String condition) {
        return ((List<Map<String, String>>) item(result, schemeId).get("checks")).stream()
                .filter(check -> condition.equals(check.get("condition"))).findFirst().orElseThrow().get("explanation");
    }
}
