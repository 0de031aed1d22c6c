package fr.sudia.label.application;

import static fr.sudia.label.support.Fixtures.member;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.sudia.label.audit.AuditEntry;
import fr.sudia.label.charter.CharterSignature;
import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Control characters in a body and an organization claim that is not an id: 4xx problems, nothing stored. */
@QuarkusTest
class HostileInputTest {

    @Test
    void nulAndControlCharactersInABodyAre400sNamingTheField() {
        UUID organization = Fixtures.knownOrganization("Caractères de contrôle", "Nice");
        String signatures = "/api/v1/charters/" + Fixtures.currentVersion() + "/signatures";
        Fixtures.sign(organization);
        long before = stored(organization);
        for (String name : List.of("Camille\\u0000Martin", "Camille\\u0008", "Camille\\rMartin", "\\u001b[2J")) {
            given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                    .body("{\"organizationId\":\"" + organization + "\",\"signerName\":\"" + name
                            + "\",\"signerRole\":\"Présidente\"}")
                    .when().post(signatures)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("signerName"));
        }
        // Unescaped, a NUL is not JSON: still a 400 problem naming where it stood.
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(("{\"organizationId\":\"" + organization + "\",\"signerName\":\"Camille Martin\","
                        + "\"signerRole\":\"Prési\u0000dente\"}").getBytes(StandardCharsets.UTF_8))
                .when().post(signatures)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("signerRole"));
        // Deep in a list of the body.
        List<Map<String, Object>> answers = new java.util.ArrayList<>(Fixtures.fullAnswers());
        Map<String, Object> first = new java.util.HashMap<>(answers.get(0));
        first.put("justification", "Pratique\u0000documentée");
        answers.set(0, first);
        given().auth().oauth2(member(organization)).contentType(ContentType.JSON)
                .body(Fixtures.form(organization, "COMPANY_OR_PROJECT", Fixtures.currentVersion(), answers))
                .when().post("/api/v1/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("answers[0].justification"));
        assertEquals(before, stored(organization));
    }

    @Test
    void anOrganizationClaimThatIsNotAnIdIs401() {
        UUID organization = Fixtures.knownOrganization("Claim invalide", "Nice");
        for (String claim : List.of("not-a-uuid", "' or 1=1 --", organization + "x")) {
            String token = DevTokens.forOrganization(Roles.MEMBER, claim);
            given().auth().oauth2(token).when().get("/api/v1/applications")
                    .then().statusCode(401).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("organizationId", organization, "signerName", "A", "signerRole", "B"))
                    .when().post("/api/v1/charters/" + Fixtures.currentVersion() + "/signatures")
                    .then().statusCode(401).contentType("application/problem+json");
        }
        assertEquals(0, stored(organization));
    }

    private static long stored(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> LabelApplication.count("organizationId", organization)
                + CharterSignature.count("organizationId", organization)
                + AuditEntry.count("organizationId", organization));
    }
}
