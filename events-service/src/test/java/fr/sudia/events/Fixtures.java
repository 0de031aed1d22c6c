package fr.sudia.events;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.restassured.response.Response;

/** Events as the API's users would send them. */
public final class Fixtures {

    public static final String EDITOR = DevTokens.forRole(Roles.EDITOR);

    private Fixtures() {
    }

    public static String partner(UUID organization) {
        return DevTokens.forOrganization(Roles.PARTNER, organization.toString());
    }

    /** An evening talk at the Maison de l'IA; {@code extra} adds or overrides JSON members (leading comma). */
    public static String event(String title, String startsAt, String endsAt, String extra) {
        return """
                {"titleFr":"%s","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Paris",
                 "venue":{"name":"Maison de l'Intelligence Artificielle","city":"Biot","latitude":43.6163,"longitude":7.0686},
                 "audiences":["GRAND_PUBLIC"],"tags":["santé"]%s}""".formatted(title, startsAt, endsAt, extra);
    }

    public static Response create(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/events").then().statusCode(201).extract().response();
    }

    /** Created by an editor, hence published at once. */
    public static Response published(String title, String startsAt, String endsAt, String extra) {
        return create(EDITOR, event(title, startsAt, endsAt, extra));
    }
}
