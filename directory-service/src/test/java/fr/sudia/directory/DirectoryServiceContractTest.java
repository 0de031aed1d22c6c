package fr.sudia.directory;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class DirectoryServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.GET;
    }

    @Override
    protected String adminOnlyPath() {
        return "/api/v1/moderation/organizations";
    }

    @Override
    protected Response createWithHost(String host) {
        return given().header("Host", host).auth().oauth2(DevTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("name", "Host check " + UUID.randomUUID(), "kind", "STARTUP", "city", "Nice"))
                .when().post("/api/v1/organizations");
    }
}
