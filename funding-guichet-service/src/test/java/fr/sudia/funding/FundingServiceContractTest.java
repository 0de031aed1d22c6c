package fr.sudia.funding;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import fr.sudia.funding.scheme.Schemes;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class FundingServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.GET;
    }

    @Override
    protected String adminOnlyPath() {
        return "/api/v1/requests/dashboard";
    }

    @Override
    protected Response createWithHost(String host) {
        return given().header("Host", host).auth().oauth2(DevTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(Schemes.body("Host check " + UUID.randomUUID())).when().post("/api/v1/schemes");
    }
}
