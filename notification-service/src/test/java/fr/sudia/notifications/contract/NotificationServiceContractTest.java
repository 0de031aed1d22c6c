package fr.sudia.notifications.contract;

import static io.restassured.RestAssured.given;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class NotificationServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.GET;
    }

    @Override
    protected String adminOnlyPath() {
        return "/api/v1/emails?recipient=nobody@example.org";
    }

    @Override
    protected Response createWithHost(String host) {
        return given().header("Host", host).auth().oauth2(DevTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"url": "http://127.0.0.1:9/hook", "eventTypes": ["fr.sudia.events.event.cancelled"],
                         "ownerEmail": "tech@partner.example.org", "organizationId": "6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10"}""")
                .when().post("/api/v1/webhooks/subscriptions");
    }
}
