package fr.sudia.events;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import fr.sudia.platform.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.response.Response;

@QuarkusTest
class EventsServiceContractTest extends ServiceContractTest {

    @Override
    protected Method adminOnlyMethod() {
        return Method.POST;
    }

    @Override
    protected String adminOnlyPath() {
        // Approving an event that does not exist: 404 for an editor or admin, 401 without a valid token.
        return "/api/v1/events/" + UUID.randomUUID() + "/approval";
    }

    @Override
    protected Response createWithHost(String host) {
        return given().header("Host", host).auth().oauth2(Fixtures.EDITOR).contentType("application/json")
                .body(Fixtures.event("Host check " + UUID.randomUUID(), "2031-03-05T18:00:00+01:00",
                        "2031-03-05T20:00:00+01:00", ""))
                .when().post("/api/v1/events");
    }
}
