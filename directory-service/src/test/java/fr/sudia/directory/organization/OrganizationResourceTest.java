package fr.sudia.directory.organization;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class OrganizationResourceTest {

    private static final String ORGANIZATIONS = "/api/v1/organizations";

    @Test
    void anEditorRegistersAnOrganizationThatAnyoneCanRead() {
        String siren = randomSiren();
        Response created = given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(organization("Therapixel", siren, "Nice"))
                .when().post(ORGANIZATIONS)
                .then().statusCode(201)
                .header("Location", containsString(ORGANIZATIONS + "/"))
                .header("ETag", notNullValue())
                .body("name", equalTo("Therapixel"), "kind", equalTo("STARTUP"), "siren", equalTo(siren),
                        "city", equalTo("Nice"), "id", notNullValue())
                .extract().response();

        given().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("id", equalTo(created.path("id")), "name", equalTo("Therapixel"));
    }

    @Test
    void invalidInputIsA400ProblemListingEachFieldAndChangesNothing() {
        long before = countOrganizations();

        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body("{\"name\":\" \",\"siren\":\"12ab\",\"city\":\"Nice\"}")
                .when().post(ORGANIZATIONS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400), "title", equalTo("Bad Request"), "instance", equalTo(ORGANIZATIONS))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("siren"))
                .body("violations.field", hasItem("kind"))
                .body("violations.find { it.field == 'siren' }.message", containsString("SIREN"));

        assertEquals(before, countOrganizations());
    }

    @Test
    void malformedJsonAndUnknownValuesAre400Problems() {
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body("{\"name\": \"Therapixel\",")
                .when().post(ORGANIZATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));

        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body("{\"name\":\"Therapixel\",\"kind\":\"SPACESHIP\",\"city\":\"Nice\"}")
                .when().post(ORGANIZATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("kind"));
    }

    @Test
    void theSameSirenCannotBeRegisteredTwice() {
        String siren = randomSiren();
        register("Hiphen", siren);
        long before = countOrganizations();

        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(organization("Hiphen bis", siren, "Avignon"))
                .when().post(ORGANIZATIONS)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(siren));

        assertEquals(before, countOrganizations());
    }

    @Test
    void registeringNeedsAValidTokenOfAnAllowedRole() {
        given().contentType(ContentType.JSON).body(organization("Anon", randomSiren(), "Nice"))
                .when().post(ORGANIZATIONS)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");

        given().auth().oauth2(DevTokens.forgedToken(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(organization("Forged", randomSiren(), "Nice"))
                .when().post(ORGANIZATIONS)
                .then().statusCode(401).contentType("application/problem+json");

        given().auth().oauth2(DevTokens.forRole(Roles.REVIEWER)).contentType(ContentType.JSON)
                .body(organization("Wrong role", randomSiren(), "Nice"))
                .when().post(ORGANIZATIONS)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownOrganizationsAndRoutesAre404Problems() {
        given().when().get(ORGANIZATIONS + "/6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10"));

        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404), "instance", equalTo("/api/v1/no-such-thing"));

        given().when().delete(ORGANIZATIONS)
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void theListPagesThroughEveryOrganizationByNameWithACursor() {
        String prefix = "Paging " + ThreadLocalRandom.current().nextInt(1_000_000) + " ";
        for (String suffix : List.of("c", "a", "e", "b", "d")) {
            register(prefix + suffix, randomSiren());
        }

        List<String> seen = new ArrayList<>();
        List<String> seenIds = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(ORGANIZATIONS).then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2)).extract().response();
            seen.addAll(page.<List<String>>path("items.name"));
            seenIds.addAll(page.<List<String>>path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);

        List<String> ours = seen.stream().filter(name -> name.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "a", prefix + "b", prefix + "c", prefix + "d", prefix + "e"), ours);
        assertEquals(seenIds.size(), seenIds.stream().distinct().count(), "no organization appears twice");
        assertTrue(pages >= 3);
    }

    @Test
    void badPagingParametersAre400Problems() {
        given().queryParam("limit", 0).when().get(ORGANIZATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(1), "violations[0].field", equalTo("limit"));

        given().queryParam("limit", 101).when().get(ORGANIZATIONS)
                .then().statusCode(400).contentType("application/problem+json");

        given().queryParam("cursor", "forged").when().get(ORGANIZATIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor"), "violations", nullValue());
    }

    static String register(String name, String siren) {
        return given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(organization(name, siren, "Sophia Antipolis"))
                .when().post(ORGANIZATIONS)
                .then().statusCode(201).extract().path("id");
    }

    static String organization(String name, String siren, String city) {
        return "{\"name\":\"" + name + "\",\"kind\":\"STARTUP\",\"siren\":\"" + siren + "\",\"city\":\"" + city + "\"}";
    }

    /** A random SIREN with a correct Luhn check digit. */
    static String randomSiren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        for (int check = 0; check <= 9; check++) {
            if (CompanyNumbers.isValidSiren(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no check digit for " + body);
    }

    private static long countOrganizations() {
        return QuarkusTransaction.requiringNew().call(() -> Organization.count());
    }
}
