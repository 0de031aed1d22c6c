package fr.sudia.directory.importing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import fr.sudia.directory.organization.CompanyNumbers;
import fr.sudia.directory.organization.ModerationStatus;
import fr.sudia.directory.organization.Organization;
import fr.sudia.directory.organization.OrganizationHistory;
import fr.sudia.directory.organization.OrganizationRegistry;
import fr.sudia.platform.outbox.OutboxEvent;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
public class ImportResourceTest {

    static final String IMPORTS = "/api/v1/imports";
    public static final String HEADER = "name,kind,siren,city,department,latitude,longitude,sectors,techniques,descriptionFr\n";

    @Test
    void aFileWithGoodAndBadRowsStoresOnlyTheGoodOnesAndReportsTheBadOnes() {
        String tag = tag();
        String siren = randomSiren();
        String csv = HEADER
                + "Alpha " + tag + ",STARTUP," + siren + ",Nice,06,43.70,7.26,HEALTH|ENVIRONMENT,COMPUTER_VISION,\"Imagerie, santé\"\n" // line 2 ok
                + "Bad siren " + tag + ",STARTUP,123456789,Nice,06,,,,,\n"                                  // line 3: Luhn
                + ",STARTUP,,Nice,06,,,,,sans nom\n"                                                        // line 4: no name
                + "Unknown sector " + tag + ",STARTUP,,Marseille,13,,,SPACE_TOURISM,,\n"                    // line 5
                + "\"Broken " + tag + ",STARTUP,,Nice,06,,,,,\n"                                            // line 6: quote never closed...
                + "Beta " + tag + ",research lab,,Avignon,84,43.95,4.80,Santé,NATURAL_LANGUAGE_PROCESSING,\"Dialogue \"\"homme-machine\"\"\"\n"; // line 7 ok

        JsonPath job = finished(start(csv, "text/csv"));

        assertEquals("DONE", job.getString("status"));
        assertEquals(6, job.getInt("counts.total"));
        assertEquals(2, job.getInt("counts.accepted"));
        assertEquals(2, job.getInt("counts.created"));
        assertEquals(0, job.getInt("counts.unchanged"));
        assertEquals(4, job.getInt("counts.rejected"));
        assertEquals(1.0, job.getDouble("progress"));
        assertEquals(List.of(3, 4, 5, 6), job.getList("rejectedRows.line"));
        assertEquals("siren", job.getString("rejectedRows[0].violations[0].field"));
        assertTrue(job.getString("rejectedRows[0].violations[0].message").contains("SIREN"));
        assertEquals("name", job.getString("rejectedRows[1].violations[0].field"));
        assertEquals("sectors", job.getString("rejectedRows[2].violations[0].field"));
        assertTrue(job.getString("rejectedRows[2].violations[0].message").contains("SPACE_TOURISM"));
        assertTrue(job.getString("rejectedRows[3].violations[0].message").contains("quoting"), job.prettify());
        assertEquals(ImportService.sha256(csv.getBytes(StandardCharsets.UTF_8)), job.getString("fileSha256"));

        List<Organization> stored = ours(tag);
        assertEquals(List.of("Alpha " + tag, "Beta " + tag), stored.stream().map(o -> o.name).toList());
        Organization alpha = stored.get(0);
        assertEquals(siren, alpha.siren);
        assertEquals(List.of("ENVIRONMENT", "HEALTH"), alpha.sectors);
        assertEquals(ModerationStatus.PUBLISHED, alpha.moderationStatus, "an editor's import is public at once");
        assertTrue(alpha.createdBy.startsWith("editor-"), "registered as the importing editor: " + alpha.createdBy);
        assertEquals("Dialogue \"homme-machine\"", stored.get(1).descriptionFr);
        assertEquals(List.of("HEALTH"), stored.get(1).sectors, "French labels are accepted");
        assertEquals(1, history(alpha).size());
        assertEquals(1, events(alpha));
    }

    @Test
    void reImportingTheSameFileChangesNothingAndAChangedRowUpdates() {
        String tag = tag();
        String csv = HEADER
                + "Gamma " + tag + ",STARTUP,,Toulon,83,43.12,5.93,DEFENCE_SECURITY,EMBEDDED_AI,Drones\n"
                + "Delta " + tag + ",SME_ETI," + randomSiren() + ",Marseille,13,,,,,\n";
        JsonPath first = finished(start(csv, "text/csv"));
        assertEquals(2, first.getInt("counts.created"));
        List<Organization> before = ours(tag);
        Map<String, Long> versions = Map.of(before.get(0).name, before.get(0).version, before.get(1).name, before.get(1).version);
        long historyBefore = before.stream().mapToLong(o -> history(o).size()).sum();
        long eventsBefore = before.stream().mapToLong(ImportResourceTest::events).sum();

        JsonPath second = finished(start(csv, "text/csv"));
        assertEquals(0, second.getInt("counts.created"));
        assertEquals(0, second.getInt("counts.updated"));
        assertEquals(2, second.getInt("counts.unchanged"));
        assertEquals(0, second.getInt("counts.rejected"));
        assertEquals(first.getString("fileSha256"), second.getString("fileSha256"));
        List<Organization> after = ours(tag);
        assertEquals(2, after.size());
        after.forEach(o -> assertEquals(versions.get(o.name), o.version, "no new version of " + o.name));
        assertEquals(historyBefore, after.stream().mapToLong(o -> history(o).size()).sum(), "no new history");
        assertEquals(eventsBefore, after.stream().mapToLong(ImportResourceTest::events).sum(), "no new event");

        // One row differs (a new description), matched by name and city although its case and accents differ.
        JsonPath third = finished(start(csv.replace("Drones", "Drones et IA embarquée").replace("Gamma " + tag, "GAMMA " + tag),
                "text/csv"));
        assertEquals(1, third.getInt("counts.updated"));
        assertEquals(1, third.getInt("counts.unchanged"));
        Organization gamma = ours(tag).stream().filter(o -> o.name.equals("GAMMA " + tag)).findFirst().orElseThrow();
        assertEquals("Drones et IA embarquée", gamma.descriptionFr);
        assertEquals(2, history(gamma).size());
        assertEquals(2, events(gamma));
    }

    @Test
    void aJsonImportUsesTheApiFieldsAndReportsRowsByLine() {
        String tag = tag();
        String json = """
                [
                  {"name": "Epsilon %1$s", "kind": "STARTUP", "city": "Marseille", "department": "13",
                   "sectors": ["HEALTH"], "techniques": ["MACHINE_LEARNING"], "fundsRaisedEur": 36000000,
                   "id": "%2$s", "label": {"status": "NONE"}, "createdAt": "2026-11-22T09:30:00Z"},
                  {"name": "Zeta %1$s", "kind": "STARTUP", "city": "Nice", "sectors": ["SPACE"]},
                  {"name": "Eta %1$s", "kind": "STARTUP", "city": "Nice", "latitude": 43.7}
                ]""".formatted(tag, java.util.UUID.randomUUID());
        JsonPath job = finished(start(json, "application/json"));
        assertEquals("JSON", job.getString("format"));
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(2, job.getInt("counts.rejected"));
        assertEquals(List.of(5, 6), job.getList("rejectedRows.line"));
        assertEquals("sectors", job.getString("rejectedRows[0].violations[0].field"));
        assertEquals("latitude", job.getString("rejectedRows[1].violations[0].field"));
        Organization epsilon = ours(tag).get(0);
        assertEquals(36_000_000L, epsilon.fundsRaisedEur);
    }

    @Test
    void aJobOfThousandsOfRowsRunsInTheBackgroundAndItsProgressCanBeFollowed() {
        String tag = tag();
        int rows = 3000;
        StringBuilder csv = new StringBuilder("nom;type;ville;code_postal;secteurs\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Bulk ").append(tag).append(' ').append(i).append(";startup;Marseille;13001;INDUSTRY|ENERGY\n");
        }
        Response started = start(csv.toString(), "text/csv");
        String location = started.header("Location");
        List<Integer> progress = new ArrayList<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath job = job(location);
            progress.add(job.getInt("processed"));
            return job.getString("status").equals("DONE");
        });
        JsonPath job = job(location);
        assertEquals(rows, job.getInt("counts.total"));
        assertEquals(rows, job.getInt("counts.created"));
        assertEquals(rows, job.getInt("processed"));
        assertTrue(progress.stream().distinct().count() >= 2, "progress moves: " + progress);
        assertEquals(rows, QuarkusTransaction.requiringNew().call(() -> Organization.count("name like ?1", "Bulk " + tag + " %")));
        // Other tests page through the whole directory: take these thousands of rows out of it again.
        QuarkusTransaction.requiringNew().run(() -> Organization.update("deletedAt = ?1 where name like ?2",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), "Bulk " + tag + " %"));
    }

    /** A file of many bad rows: the job shows the first hundred, and every one can be read a page at a time. */
    @Test
    void everyRejectedRowCanBeReadAPageAtATime() {
        StringBuilder csv = new StringBuilder("nom;type;ville\n");
        for (int i = 0; i < 130; i++) {
            csv.append(";startup;Nice\n"); // no name
        }
        JsonPath job = finished(start(csv.toString(), "text/csv"));
        assertEquals(130, job.getInt("counts.rejected"));
        assertEquals(100, job.getList("rejectedRows").size());

        String rejections = IMPORTS + "/" + job.getString("id") + "/rejections";
        List<Integer> lines = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).queryParam("limit", 50);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(rejections).then().statusCode(200).extract().jsonPath();
            lines.addAll(page.getList("items.line", Integer.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(java.util.stream.IntStream.rangeClosed(2, 131).boxed().toList(), lines);
        assertEquals(job.getList("rejectedRows.line", Integer.class), lines.subList(0, 100));

        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).queryParam("cursor", "bm90LWEtY3Vyc29y").get(rejections)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.MEMBER)).get(rejections).then().statusCode(403);
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).get(IMPORTS + "/" + java.util.UUID.randomUUID() + "/rejections")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unreadableFilesAre400ProblemsAndStoreNothing() {
        long jobs = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        long organizations = QuarkusTransaction.requiringNew().call(() -> Organization.count());

        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType("text/csv").body("")
                .when().post(IMPORTS).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("empty"));
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType("text/csv").body("foo,bar\n1,2\n")
                .when().post(IMPORTS).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("name"));
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType("text/csv").body(HEADER)
                .when().post(IMPORTS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType("text/csv")
                .body(new byte[] { 'n', 'a', 'm', 'e', (byte) 0xff, (byte) 0xfe, '\n' })
                .when().post(IMPORTS).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON).body("[{\"name\": ")
                .when().post(IMPORTS).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON"));
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().post(IMPORTS).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("array"));
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType("application/xml").body("<a/>")
                .when().post(IMPORTS).then().statusCode(415).contentType("application/problem+json");

        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()));
        assertEquals(organizations, QuarkusTransaction.requiringNew().call(() -> Organization.count()));
    }

    @Test
    void onlyEditorsAndAdminsImport() {
        String csv = HEADER + "Member row " + tag() + ",STARTUP,,Nice,06,,,,,\n";
        given().contentType("text/csv").body(csv).when().post(IMPORTS)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.MEMBER)).contentType("text/csv").body(csv).when().post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.MEMBER)).when().get(IMPORTS + "/6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).when().get(IMPORTS + "/6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).when().get(IMPORTS + "/not-a-uuid")
                .then().statusCode(404);
    }

    @Test
    void duplicatesInsideOneFileAreRejected() {
        String tag = tag();
        String csv = HEADER + "Theta " + tag + ",STARTUP,,Nice,06,,,,,\n" + "THÉTA " + tag + ",STARTUP,,nice,06,,,,,\n";
        JsonPath job = finished(start(csv, "text/csv"));
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(1, job.getInt("counts.rejected"));
        assertTrue(job.getString("rejectedRows[0].violations[0].message").contains("line 2"));
    }

    // --- helpers ---

    public static Response start(String body, String contentType) {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(IMPORTS)
                .then().statusCode(202).header("Location", containsString(IMPORTS + "/"))
                .body("id", notNullValue(), "status", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "DONE"))
                .extract().response();
    }

    static JsonPath job(String location) {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).when().get(location)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath finished(Response started) {
        String location = started.header("Location");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> List.of("DONE", "FAILED").contains(job(location).getString("status")));
        return job(location);
    }

    public static String tag() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000), 36) + "x";
    }

    static List<Organization> ours(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> Organization.<Organization>list(
                "lower(name) like ?1 and deletedAt is null order by lower(name)", "% " + tag.toLowerCase()));
    }

    static List<OrganizationHistory> history(Organization o) {
        return QuarkusTransaction.requiringNew().call(() -> OrganizationHistory.<OrganizationHistory>list("organizationId", o.id));
    }

    static long events(Organization o) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId = ?1 and topic = ?2",
                o.id.toString(), OrganizationRegistry.TOPIC));
    }

    static String randomSiren() {
        while (true) {
            String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            for (int check = 0; check <= 9; check++) {
                if (CompanyNumbers.isValidSiren(body + check)) {
                    return body + check;
                }
            }
        }
    }
}
