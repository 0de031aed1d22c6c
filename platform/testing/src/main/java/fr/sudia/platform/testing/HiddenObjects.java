package fr.sudia.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;

/**
 * Checks that another organization's private object is answered exactly as a missing one: same status (404), same
 * media type, and the same problem body once each answer's own id is blanked out.
 */
public final class HiddenObjects {

    private HiddenObjects() {
    }

    public static void assertAnsweredAsMissing(Response hidden, String hiddenId, Response missing, String missingId) {
        assertEquals(404, missing.statusCode(), "a missing id is a 404");
        assertEquals(404, hidden.statusCode(), "another organization's object is a 404: " + hidden.asString());
        assertEquals(missing.contentType(), hidden.contentType());
        assertEquals(missing.asString().replace(missingId, "{id}"), hidden.asString().replace(hiddenId, "{id}"),
                "the problem body is the one a missing id gets");
    }
}
