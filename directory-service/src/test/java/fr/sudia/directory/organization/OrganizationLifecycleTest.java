package fr.sudia.directory.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

/** Changes, moderation, history and removal of organizations, with their access rules. */
@QuarkusTest
class OrganizationLifecycleTest {

    private static final String ORGANIZATIONS = "/api/v1/organizations";

    @Test
    void anEditorChangesAProfileWithTheVersionItRead() {
        Response created = registerAs(editor(), "Avicenna AI", "La Ciotat");
        String id = created.path("id");
        String etag = created.header("ETag");

        Response changed = editor().header("If-Match", etag).body(profile("Avicenna.AI", "La Ciotat"))
                .when().put(ORGANIZATIONS + "/" + id)
                .then().statusCode(200).body("name", equalTo("Avicenna.AI")).extract().response();
        assertNotEquals(etag, changed.header("ETag"));

        // A second writer still holding the first version is refused, and nothing changes.
        editor().header("If-Match", etag).body(profile("Stale write", "La Ciotat"))
                .when().put(ORGANIZATIONS + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        editor().body(profile("No precondition", "La Ciotat"))
                .when().put(ORGANIZATIONS + "/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        editor().header("If-Match", "\"not-a-version\"").body(profile("Bad precondition", "La Ciotat"))
                .when().put(ORGANIZATIONS + "/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(200).body("name", equalTo("Avicenna.AI"));
    }

    @Test
    void aMembersNewEntryIsHiddenUntilAnEditorApprovesIt() {
        String id = registerAs(member(UUID.randomUUID().toString()), "Hivenet", "Nice").path("id");

        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(404);
        editor().when().get(ORGANIZATIONS + "/" + id).then().statusCode(200).body("moderationStatus", equalTo("PENDING"));
        editor().when().get("/api/v1/moderation/organizations").then().statusCode(200)
                .body("items.organization.id", hasItem(id));

        editor().when().post("/api/v1/moderation/organizations/" + id + "/approval").then().statusCode(200)
                .body("moderationStatus", equalTo("PUBLISHED"));

        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(200).body("name", equalTo("Hivenet"));
        editor().when().get("/api/v1/moderation/organizations").then().statusCode(200)
                .body("items.organization.id", not(hasItem(id)));
    }

    @Test
    void aMembersChangeToItsPublicProfileWaitsForAnEditor() {
        Response created = registerAs(editor(), "Videtics", "Sophia Antipolis");
        String id = created.path("id");
        RequestSpecification itsMember = member(id);

        Response proposed = itsMember.header("If-Match", created.header("ETag")).body(profile("Videtics SAS", "Sophia Antipolis"))
                .when().put(ORGANIZATIONS + "/" + id)
                .then().statusCode(202).body("changePending", equalTo(true), "name", equalTo("Videtics"))
                .extract().response();
        given().when().get(ORGANIZATIONS + "/" + id).then().body("name", equalTo("Videtics"));

        editor().when().post("/api/v1/moderation/organizations/" + id + "/approval").then().statusCode(200);

        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(200)
                .body("name", equalTo("Videtics SAS"), "changePending", equalTo(false));
        assertNotEquals(created.header("ETag"), proposed.header("ETag"));
    }

    @Test
    void anEditorRejectsAPendingEntryWithAReason() {
        String id = registerAs(member(UUID.randomUUID().toString()), "Not an AI actor", "Gap").path("id");

        editor().body(Map.of("reason", " ")).when().post("/api/v1/moderation/organizations/" + id + "/rejection")
                .then().statusCode(400).contentType("application/problem+json");
        editor().body(Map.of("reason", "Not an AI actor of the region"))
                .when().post("/api/v1/moderation/organizations/" + id + "/rejection")
                .then().statusCode(200).body("moderationStatus", equalTo("REJECTED"));

        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(404);
        editor().when().get(ORGANIZATIONS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", equalTo(List.of("REGISTERED", "REJECTED")))
                .body("items[1].changes.reason", equalTo("Not an AI actor of the region"));
        editor().when().post("/api/v1/moderation/organizations/" + id + "/approval").then().statusCode(409);
    }

    @Test
    void aMemberCannotChangeOrSeeTheHistoryOfAnotherOrganization() {
        Response created = registerAs(editor(), "Bioceanor", "Valbonne");
        String id = created.path("id");
        RequestSpecification stranger = member(UUID.randomUUID().toString());

        stranger.header("If-Match", created.header("ETag")).body(profile("Hijacked", "Valbonne"))
                .when().put(ORGANIZATIONS + "/" + id).then().statusCode(403).contentType("application/problem+json");
        member(UUID.randomUUID().toString()).header("If-Match", created.header("ETag"))
                .when().delete(ORGANIZATIONS + "/" + id).then().statusCode(403);
        member(UUID.randomUUID().toString()).when().get(ORGANIZATIONS + "/" + id + "/history").then().statusCode(403);
        member(UUID.randomUUID().toString()).when().post("/api/v1/moderation/organizations/" + id + "/approval")
                .then().statusCode(403);

        given().when().get(ORGANIZATIONS + "/" + id).then().body("name", equalTo("Bioceanor"));
        member(id).when().get(ORGANIZATIONS + "/" + id + "/history").then().statusCode(200);
    }

    @Test
    void anotherOrganizationsPendingEntryIsAnsweredAsAMissingOne() {
        Response created = registerAs(member(UUID.randomUUID().toString()), "Entrée en attente", "Nice");
        String id = created.path("id");
        String missing = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        HiddenObjects.assertAnsweredAsMissing(
                member(stranger).header("If-Match", created.header("ETag")).body(profile("Hijacked", "Nice"))
                        .when().put(ORGANIZATIONS + "/" + id), id,
                member(stranger).header("If-Match", created.header("ETag")).body(profile("Hijacked", "Nice"))
                        .when().put(ORGANIZATIONS + "/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(
                member(stranger).header("If-Match", created.header("ETag")).when().delete(ORGANIZATIONS + "/" + id), id,
                member(stranger).header("If-Match", created.header("ETag")).when().delete(ORGANIZATIONS + "/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(member(stranger).when().get(ORGANIZATIONS + "/" + id), id,
                member(stranger).when().get(ORGANIZATIONS + "/" + missing), missing);
        editor().when().get(ORGANIZATIONS + "/" + id).then().statusCode(200).body("name", equalTo("Entrée en attente"));
    }

    @Test
    void theHistoryKeepsWhoChangedWhatAndWhen() {
        Response created = registerAs(editor(), "IADYS", "Aubagne");
        String id = created.path("id");
        editor().header("If-Match", created.header("ETag")).body(profile("IADYS", "Roquevaire"))
                .when().put(ORGANIZATIONS + "/" + id).then().statusCode(200);

        editor().when().get(ORGANIZATIONS + "/" + id + "/history")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("REGISTERED", "UPDATED")))
                .body("items[1].changes.city.from", equalTo("Aubagne"))
                .body("items[1].changes.city.to", equalTo("Roquevaire"))
                .body("items[1].changes.name", equalTo(null))
                .body("items[1].actor", org.hamcrest.Matchers.startsWith("editor-"))
                .body("items[1].at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRemovedOrganizationDisappearsButItsHistoryStays() {
        Response created = registerAs(editor(), "Phocea DC", "Marseille");
        String id = created.path("id");

        editor().when().delete(ORGANIZATIONS + "/" + id).then().statusCode(428);
        editor().header("If-Match", created.header("ETag")).when().delete(ORGANIZATIONS + "/" + id).then().statusCode(204);

        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(404);
        editor().when().get(ORGANIZATIONS + "/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItem("REMOVED"));
    }

    @Test
    void aLikelyDuplicateIsReportedToTheEditor() {
        String city = "Saint-Laurent-du-Var " + UUID.randomUUID();
        String original = registerAs(editor(), "AI Verse", city).path("id");
        String twin = registerAs(member(UUID.randomUUID().toString()), "ai-versé", city.toUpperCase()).path("id");

        editor().when().get("/api/v1/moderation/organizations").then().statusCode(200)
                .body("items.find { it.organization.id == '" + twin + "' }.likelyDuplicates.id", hasItem(original));
    }

    @Test
    void theSameSirenCannotBeTakenByAChange() {
        String siren = OrganizationResourceTest.randomSiren();
        OrganizationResourceTest.register("Volta Medical", siren);
        Response other = registerAs(editor(), "Volta Twin", "Marseille");

        Map<String, Object> withTakenSiren = new java.util.HashMap<>(profile("Volta Twin", "Marseille"));
        withTakenSiren.put("siren", siren);
        editor().header("If-Match", other.header("ETag")).body(withTakenSiren)
                .when().put(ORGANIZATIONS + "/" + other.path("id")).then().statusCode(409);
        given().when().get(ORGANIZATIONS + "/" + other.path("id")).then().body("siren", equalTo(null));
    }

    private static Response registerAs(RequestSpecification who, String name, String city) {
        return who.body(profile(name, city)).when().post(ORGANIZATIONS).then().statusCode(201).extract().response();
    }

    private static Map<String, Object> profile(String name, String city) {
        return Map.of("name", name, "kind", "STARTUP", "city", city, "sectors", List.of("HEALTH"),
                "techniques", List.of("COMPUTER_VISION"));
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON);
    }

    private static RequestSpecification member(String organizationId) {
        return given().auth().oauth2(DevTokens.forOrganization(Roles.MEMBER, organizationId)).contentType(ContentType.JSON);
    }
}
