package fr.sudia.funding.scheme;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds scheme bodies and publishes them through the API, as an editor would. */
public final class Schemes {

    /** The directory organization the test advisors work for: the provider of the schemes they publish. */
    public static final String PROVIDER = "5b0e8f4a-2c1d-4e6f-9a7b-3c2d1e0f9a8b";

    private Schemes() {
    }

    /** An advisor of {@link #PROVIDER}. */
    public static String advisor() {
        return DevTokens.forOrganization(Roles.ADVISOR, PROVIDER);
    }

    /** A valid, ongoing regional grant; tests change what they need. */
    public static Map<String, Object> body(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("provider", "Région Sud");
        body.put("level", "REGION");
        body.put("kind", "GRANT");
        body.put("pillars", List.of("FINANCIAL"));
        body.put("descriptionFr", "Une subvention pour les entreprises de l'intelligence artificielle.");
        body.put("ongoing", true);
        return body;
    }

    public static ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(advisor()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/schemes").then();
    }

    /** Publishes and returns the new scheme's id. */
    public static String publish(Map<String, Object> body) {
        return post(body).statusCode(201).extract().path("id");
    }
}
