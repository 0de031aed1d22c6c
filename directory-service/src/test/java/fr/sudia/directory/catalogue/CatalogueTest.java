package fr.sudia.directory.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.HiddenObjects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Solutions and trainings: owned by an organization, moderated, versioned, listed. */
@QuarkusTest
class CatalogueTest {

    @Test
    void aMembersSolutionIsPublicOnceAnEditorApprovesIt() {
        String organization = organization("Therapixel");
        Response added = member(organization).body(solution(organization, "MammoScreen"))
                .when().post("/api/v1/solutions")
                .then().statusCode(201).body("moderationStatus", equalTo("PENDING"),
                        "useCases", equalTo(List.of("MEDICAL_IMAGING_DIAGNOSIS")))
                .extract().response();
        String id = added.path("id");

        given().when().get("/api/v1/solutions/" + id).then().statusCode(404);
        given().queryParam("organizationId", organization).when().get("/api/v1/solutions")
                .then().statusCode(200).body("items", equalTo(List.of()));
        Map<String, Object> waiting = queued("solutions", "solution", id);
        assertEquals("MammoScreen", ((Map<?, ?>) waiting.get("solution")).get("name"));
        assertNull(waiting.get("proposedChange"), "a new solution proposes no change");
        member(organization).when().get("/api/v1/moderation/solutions").then().statusCode(403);

        editor().when().post("/api/v1/moderation/solutions/" + id + "/approval").then().statusCode(200);
        assertNull(queued("solutions", "solution", id), "an approved solution leaves the queue");

        given().when().get("/api/v1/solutions/" + id).then().statusCode(200).body("name", equalTo("MammoScreen"));
        given().queryParam("organizationId", organization).when().get("/api/v1/solutions")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        editor().when().get("/api/v1/organizations/" + organization + "/history").then()
                .body("items.action", hasItems("SOLUTION_ADDED", "SOLUTION_APPROVED"));
    }

    @Test
    void aMemberCannotAddToOrChangeAnotherOrganizationsCatalogue() {
        String organization = organization("Avicenna AI");
        String stranger = UUID.randomUUID().toString();
        member(stranger).body(solution(organization, "Not mine")).when().post("/api/v1/solutions")
                .then().statusCode(403).contentType("application/problem+json");

        Response added = editor().body(solution(organization, "CINA")).when().post("/api/v1/solutions")
                .then().statusCode(201).body("moderationStatus", equalTo("PUBLISHED")).extract().response();
        member(stranger).header("If-Match", added.header("ETag")).body(solution(organization, "Hijacked"))
                .when().put("/api/v1/solutions/" + added.path("id")).then().statusCode(403);
        member(stranger).header("If-Match", added.header("ETag"))
                .when().delete("/api/v1/solutions/" + added.path("id")).then().statusCode(403);
        given().when().get("/api/v1/solutions/" + added.path("id")).then().body("name", equalTo("CINA"));
    }

    @Test
    void aMembersChangeToAPublishedSolutionWaitsForAnEditorWhileThePublicSeeTheApprovedOne() {
        String organization = organization("Pending changes SAS");
        Response added = editor().body(solution(organization, "Approuvée")).when().post("/api/v1/solutions")
                .then().statusCode(201).body("moderationStatus", equalTo("PUBLISHED")).extract().response();
        String path = "/api/v1/solutions/" + added.path("id");

        Response proposed = member(organization).header("If-Match", added.header("ETag"))
                .body(solution(organization, "Proposée")).when().put(path)
                .then().statusCode(202).body("name", equalTo("Approuvée"), "changePending", equalTo(true),
                        "moderationStatus", equalTo("PUBLISHED")).extract().response();
        given().when().get(path).then().statusCode(200).body("name", equalTo("Approuvée"));
        Map<String, Object> waiting = queued("solutions", "solution", added.path("id"));
        assertEquals("Approuvée", ((Map<?, ?>) waiting.get("solution")).get("name"), "the queue shows the public version");
        assertEquals("Proposée", ((Map<?, ?>) waiting.get("proposedChange")).get("name"), "and the proposed one");
        given().queryParam("q", "Proposée").queryParam("organizationId", organization).when().get("/api/v1/solutions")
                .then().body("items", equalTo(List.of()));
        // moving it to another organization is refused now, not when an editor approves
        member(organization).header("If-Match", proposed.header("ETag"))
                .body(solution(organization("Elsewhere"), "Ailleurs")).when().put(path)
                .then().statusCode(400).contentType("application/problem+json");

        editor().when().post("/api/v1/moderation/solutions/" + added.path("id") + "/approval").then().statusCode(200)
                .body("name", equalTo("Proposée"), "changePending", equalTo(false));
        given().when().get(path).then().statusCode(200).body("name", equalTo("Proposée"));

        // a refused change leaves the approved version as it is
        Response current = given().when().get(path).then().extract().response();
        member(organization).header("If-Match", current.header("ETag")).body(solution(organization, "Refusée"))
                .when().put(path).then().statusCode(202);
        editor().body(Map.of("reason", "Nom trompeur")).when().post("/api/v1/moderation/solutions/" + added.path("id") + "/rejection")
                .then().statusCode(200).body("name", equalTo("Proposée"), "changePending", equalTo(false));
        given().when().get(path).then().statusCode(200).body("name", equalTo("Proposée"));
        editor().body(Map.of("reason", "Rien")).when().post("/api/v1/moderation/solutions/" + added.path("id") + "/rejection")
                .then().statusCode(409);
        editor().when().get("/api/v1/organizations/" + organization + "/history").then()
                .body("items.action", hasItems("SOLUTION_CHANGE_PROPOSED", "SOLUTION_CHANGE_APPROVED", "SOLUTION_CHANGE_REJECTED"));
    }

    @Test
    void aMembersChangeToAPublishedTrainingWaitsForAnEditor() {
        String school = organization("École en attente");
        Map<String, Object> training = Map.of("organizationId", school, "name", "Bootcamp IA",
                "institution", "École", "city", "Marseille");
        Response added = editor().body(training).when().post("/api/v1/trainings").then().statusCode(201).extract().response();
        String path = "/api/v1/trainings/" + added.path("id");
        Map<String, Object> changed = new HashMap<>(training);
        changed.put("name", "Bootcamp IA générative");
        member(school).header("If-Match", added.header("ETag")).body(changed).when().put(path)
                .then().statusCode(202).body("name", equalTo("Bootcamp IA"), "changePending", equalTo(true));
        given().when().get(path).then().body("name", equalTo("Bootcamp IA"));
        Map<String, Object> waiting = queued("trainings", "training", added.path("id"));
        assertEquals("Bootcamp IA générative", ((Map<?, ?>) waiting.get("proposedChange")).get("name"));
        editor().when().post("/api/v1/moderation/trainings/" + added.path("id") + "/approval").then().statusCode(200);
        assertNull(queued("trainings", "training", added.path("id")), "an applied change leaves the queue");
        given().when().get(path).then().body("name", equalTo("Bootcamp IA générative"), "changePending", equalTo(false));
    }

    @Test
    void anotherOrganizationsUnpublishedSolutionIsAnsweredAsAMissingOne() {
        String owner = organization("Owner of a draft");
        String stranger = organization("Stranger");
        Response added = member(owner).body(solution(owner, "Brouillon")).when().post("/api/v1/solutions")
                .then().statusCode(201).body("moderationStatus", equalTo("PENDING")).extract().response();
        String id = added.path("id");
        String missing = UUID.randomUUID().toString();
        HiddenObjects.assertAnsweredAsMissing(member(stranger).when().get("/api/v1/solutions/" + id), id,
                member(stranger).when().get("/api/v1/solutions/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(
                member(stranger).header("If-Match", added.header("ETag")).body(solution(stranger, "X")).when().put("/api/v1/solutions/" + id), id,
                member(stranger).header("If-Match", added.header("ETag")).body(solution(stranger, "X")).when().put("/api/v1/solutions/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(
                member(stranger).header("If-Match", added.header("ETag")).when().delete("/api/v1/solutions/" + id), id,
                member(stranger).header("If-Match", added.header("ETag")).when().delete("/api/v1/solutions/" + missing), missing);
        member(owner).when().get("/api/v1/solutions/" + id).then().statusCode(200).body("name", equalTo("Brouillon"));
    }

    @Test
    void aSolutionChangesWithTheVersionReadAndCanBeRemoved() {
        String organization = organization("Videtics");
        Response added = editor().body(solution(organization, "Videtics Retail")).when().post("/api/v1/solutions")
                .then().statusCode(201).extract().response();
        String path = "/api/v1/solutions/" + added.path("id");

        Response changed = editor().header("If-Match", added.header("ETag")).body(solution(organization, "Videtics Analytics"))
                .when().put(path).then().statusCode(200).body("name", equalTo("Videtics Analytics")).extract().response();
        editor().header("If-Match", added.header("ETag")).body(solution(organization, "Stale"))
                .when().put(path).then().statusCode(412).contentType("application/problem+json");
        editor().body(solution(organization, "No precondition")).when().put(path).then().statusCode(428);

        editor().header("If-Match", changed.header("ETag")).when().delete(path).then().statusCode(204);
        given().when().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badSolutionsAreRejectedAndNothingIsStored() {
        String organization = organization("AI Verse");
        Map<String, Object> unknownUseCase = new HashMap<>(solution(organization, "Bad use case"));
        unknownUseCase.put("useCases", List.of("TIME_TRAVEL"));
        editor().body(unknownUseCase).when().post("/api/v1/solutions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("useCases"));

        editor().body(Map.of("organizationId", organization, "name", " ")).when().post("/api/v1/solutions")
                .then().statusCode(400).body("violations.field", hasItem("name"));
        editor().body(solution(UUID.randomUUID().toString(), "Orphan")).when().post("/api/v1/solutions")
                .then().statusCode(400).body("detail", containsString("not in the directory"));

        given().queryParam("organizationId", organization).when().get("/api/v1/solutions")
                .then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void trainingsAreListedAndFoundByText() {
        String school = organization("Université Côte d'Azur");
        String marker = "Master IA " + UUID.randomUUID().toString().substring(0, 8);
        editor().body(Map.of("organizationId", school, "name", marker, "level", "bac+5",
                        "institution", "Université Côte d'Azur", "city", "Sophia Antipolis"))
                .when().post("/api/v1/trainings").then().statusCode(201).body("level", equalTo("bac+5"));
        editor().body(Map.of("organizationId", school, "name", "Licence informatique", "institution", "UniCA",
                        "city", "Nice", "website", "not a url"))
                .when().post("/api/v1/trainings").then().statusCode(400).body("violations.field", hasItem("website"));

        given().queryParam("q", marker.toLowerCase()).when().get("/api/v1/trainings")
                .then().statusCode(200).body("items.name", equalTo(List.of(marker)));
        // Case and accents do not matter: "Université" is found as "UNIVERSITE" (with the marker, to be unique).
        String accented = "Éducation numérique " + UUID.randomUUID().toString().substring(0, 8);
        editor().body(Map.of("organizationId", school, "name", accented, "institution", "Université Côte d'Azur",
                        "city", "Nice")).when().post("/api/v1/trainings").then().statusCode(201);
        given().queryParam("q", "EDUCATION NUMERIQUE " + accented.substring(accented.length() - 8)).when().get("/api/v1/trainings")
                .then().statusCode(200).body("items.name", equalTo(List.of(accented)));
        given().queryParam("organizationId", school).when().get("/api/v1/trainings")
                .then().statusCode(200).body("items.name", not(hasItem("Licence informatique")));
    }

    private static String organization(String name) {
        return editor().body(Map.of("name", name, "kind", "STARTUP", "city", "Nice")).when()
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> solution(String organization, String name) {
        return Map.of("organizationId", organization, "name", name, "descriptionFr", "Détection par IA",
                "useCases", List.of("MEDICAL_IMAGING_DIAGNOSIS"), "targetCustomers", List.of("HEALTHCARE_PROVIDER"),
                "sectors", List.of("HEALTH"));
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON);
    }

    private static RequestSpecification member(String organization) {
        return given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, organization)).contentType(ContentType.JSON);
    }

    /** The queue entry of {@code id}, walking every page of the editors' queue (null when it is not there). */
    private static Map<String, Object> queued(String kind, String field, String id) {
        String cursor = null;
        List<String> waitingSince = new java.util.ArrayList<>();
        Map<String, Object> found = null;
        do {
            var request = editor().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/moderation/" + kind).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                waitingSince.add((String) item.get("waitingSince"));
                if (id.equals(((Map<?, ?>) item.get(field)).get("id"))) {
                    found = item;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        List<java.time.Instant> times = waitingSince.stream().map(t -> java.time.OffsetDateTime.parse(t).toInstant()).toList();
        assertEquals(times.stream().sorted().toList(), times, "the longest-waiting first, across pages");
        return found;
    }
}
