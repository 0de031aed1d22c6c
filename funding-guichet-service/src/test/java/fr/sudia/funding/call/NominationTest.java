package fr.sudia.funding.call;

import static fr.sudia.funding.call.Calls.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.TestClock;
import fr.sudia.funding.call.Calls.JurorUser;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Nominations for the prize of the year: anyone authenticated nominates with a reason, the jury shortlists. */
@QuarkusTest
class NominationTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String prize(String title) {
        return Calls.call(title, false, 1).replace("\"kind\":\"AI_CHALLENGE\"", "\"kind\":\"PRIZE_OF_THE_YEAR\"")
                .replace("\"theme\":\"Lutter contre le harcèlement scolaire\"",
                        "\"theme\":null,\"categories\":[\"Personnalité IA de l'année\",\"Projet IA de l'année\"]");
    }

    @Test
    void anyoneAuthenticatedNominatesAndTheJuryShortlists() {
        clock.set(Calls.DRAFTING.toInstant());
        String call = Calls.create(prize("Prix IA de l'année " + UUID.randomUUID()));
        Calls.move(call, "OPEN").statusCode(200);
        String partner = DevTokens.forOrganization(Roles.PARTNER, UUID.randomUUID().toString());
        String someoneElse = DevTokens.forRole(Roles.EDITOR);
        String body = """
                {"nomineeKind":"PROJECT","nomineeName":"HarcèlementStop","category":"Projet IA de l'année","reason":"Un projet lycéen exemplaire."}""";

        given().contentType(ContentType.JSON).body(body).post("/api/v1/calls/" + call + "/nominations").then().statusCode(401);
        String nomination = given().auth().oauth2(partner).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls/" + call + "/nominations").then().statusCode(201)
                .body("shortlisted", equalTo(false)).extract().path("id");
        given().auth().oauth2(someoneElse).contentType(ContentType.JSON)
                .body(body.replace("Projet IA de l'année", "Meilleur robot")).post("/api/v1/calls/" + call + "/nominations")
                .then().statusCode(400).body("violations.field", equalTo(List.of("category")));
        given().auth().oauth2(someoneElse).contentType(ContentType.JSON)
                .body(body.replace("PROJECT", "PERSON").replace("HarcèlementStop", "Une chercheuse"))
                .post("/api/v1/calls/" + call + "/nominations").then().statusCode(201);

        // Each nominator sees only their own nominations; staff see all.
        given().auth().oauth2(partner).get("/api/v1/calls/" + call + "/nominations").then().statusCode(200)
                .body("items.id", equalTo(List.of(nomination)));
        given().auth().oauth2(ADMIN).get("/api/v1/calls/" + call + "/nominations").then().body("items", hasSize(2));

        JurorUser juror = JurorUser.of(Roles.JUROR, null);
        Calls.assign(call, juror);
        given().auth().oauth2(juror.token()).put("/api/v1/nominations/" + nomination + "/shortlist").then().statusCode(409)
                .body("detail", containsString("between the close of nominations and the results"));

        clock.set(Calls.DEADLINE.plusSeconds(1).toInstant());
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(body).post("/api/v1/calls/" + call + "/nominations")
                .then().statusCode(409);
        Calls.move(call, "CLOSED").statusCode(200);
        given().auth().oauth2(juror.token()).put("/api/v1/nominations/" + nomination + "/shortlist").then().statusCode(200)
                .body("shortlisted", equalTo(true));
        given().auth().oauth2(JurorUser.of(Roles.JUROR, null).token()).put("/api/v1/nominations/" + nomination + "/shortlist")
                .then().statusCode(404);
        given().auth().oauth2(juror.token()).queryParam("shortlisted", true).get("/api/v1/calls/" + call + "/nominations").then()
                .body("items.nomineeName", equalTo(List.of("HarcèlementStop")));
        given().auth().oauth2(ADMIN).queryParam("limit", 100).get("/api/v1/calls/" + call + "/audit").then()
                .body("items.action", hasItem("SHORTLISTED"), "items.action", hasItem("NOMINATED"));
    }

    @Test
    void onlyThePrizeTakesNominations() {
        clock.set(Calls.DRAFTING.toInstant());
        String call = Calls.create(Calls.call("Challenge " + UUID.randomUUID(), false, 1));
        Calls.move(call, "OPEN").statusCode(200);
        given().auth().oauth2(DevTokens.forRole(Roles.EDITOR)).contentType(ContentType.JSON)
                .body("{\"nomineeKind\":\"PERSON\",\"nomineeName\":\"X\",\"reason\":\"Y\"}")
                .post("/api/v1/calls/" + call + "/nominations").then().statusCode(409)
                .body("detail", containsString("nominations are for the prize of the year"));
    }
}
