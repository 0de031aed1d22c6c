package fr.sudia.funding.request;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.sudia.funding.Jwt;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Actors of the desk in tests. Every rule a test adds names a department of its own, and its requests give that
 * department, so that rules of other tests (which run against the same database) never route them.
 */
final class Desk {

    /** An advisor's token and the subject routing rules name. */
    record Advisor(String token, String subject) {
        static Advisor create() {
            String token = DevTokens.forRole(Roles.ADVISOR);
            return new Advisor(token, Jwt.subject(token));
        }
    }

    /** A member's token for a new organization. */
    record Member(String token, UUID organization) {
        static Member create() {
            UUID organization = UUID.randomUUID();
            return new Member(DevTokens.forOrganization(Roles.MEMBER, organization.toString()), organization);
        }
    }

    static final String ADMIN = DevTokens.forRole(Roles.ADMIN);

    private Desk() {
    }

    static String rule(Advisor advisor, String partner, List<String> pillars, String department, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("partner", partner);
        body.put("advisor", advisor.subject());
        body.put("pillars", pillars);
        body.put("departments", List.of(department));
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/routing-rules")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> request(List<String> pillars, String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("need", "Nous cherchons un financement pour industrialiser notre modèle de vision.");
        body.put("pillars", pillars);
        body.put("department", department);
        return body;
    }

    static ValidatableResponse submit(Member member, Map<String, Object> body) {
        return given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(body).post("/api/v1/requests").then();
    }

    static String submitted(Member member, Map<String, Object> body) {
        return submit(member, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse answer(Advisor advisor, String id, String action, String body) {
        return given().auth().oauth2(advisor.token()).contentType(ContentType.JSON).body(body == null ? "{}" : body).post("/api/v1/requests/" + id + "/" + action).then();
    }
}
