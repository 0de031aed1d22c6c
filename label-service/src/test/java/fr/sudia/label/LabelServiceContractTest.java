package fr.sudia.label;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class LabelServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.GET;
    }

    @Override
    protected String adminOnlyPath() {
        return "/api/v1/audit";
    }

    @Override
    protected Response createWithHost(String host) {
        UUID organization = Fixtures.knownOrganization("Host check", "Nice");
        return given().header("Host", host).auth().oauth2(Fixtures.member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), Fixtures.fullAnswers()))
                .when().post("/api/v1/applications");
    }
}
