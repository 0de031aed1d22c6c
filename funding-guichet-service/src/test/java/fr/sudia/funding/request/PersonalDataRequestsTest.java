package fr.sudia.funding.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.funding.Jwt;
import fr.sudia.funding.request.Desk.Advisor;
import fr.sudia.funding.request.Desk.Member;
import fr.sudia.platform.privacy.PrivacyRequested;
import fr.sudia.platform.privacy.Pseudonyms;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.PrivacyRequests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The desk answers access and erasure requests (issue 21) on the real broker and database: a member who wrote a
 * request and commented on it, and the advisor who answered it, whose routing rule names them.
 */
@QuarkusTest
class PersonalDataRequestsTest {

    private static final String SERVICE = "funding-guichet-service";

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager em;

    @Test
    void aMembersWordsGoAndTheRequestStaysAnAdvisorsRuleStopsRouting() {
        Advisor advisor = Advisor.create();
        String rule = Desk.rule(advisor, "Bpifrance", List.of("FINANCIAL"), "975", Map.of());
        Member member = Member.create();
        String subject = Jwt.subject(member.token());
        Map<String, Object> body = Desk.request(List.of("FINANCIAL"), "975");
        body.put("need", "Financer le poste de Mme Rossi, notre data scientist.");
        String id = Desk.submitted(member, body);
        Desk.answer(advisor, id, "take-in-charge", null).statusCode(200);
        Desk.answer(advisor, id, "close", "{\"outcome\":\"NOT_HELPED\",\"reason\":\"Le dossier de Mme Rossi est incomplet\"}")
                .statusCode(200);
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).body("{\"score\":2,\"comment\":\"Mme Rossi attend\"}")
                .put("/api/v1/requests/" + id + "/satisfaction").then().statusCode(200);
        PrivacyRequests desk = new PrivacyRequests(broker);

        UUID access = UUID.randomUUID();
        desk.publish(access, PrivacyRequested.Kind.ACCESS, "membre@example.org", subject);
        JsonNode exported = desk.answers(access, SERVICE, 1).get(0);
        assertEquals("DONE", exported.path("outcome").asText());
        assertTrue(exported.path("records").asLong() >= 1, exported.toString());
        JsonNode request = exported.path("export").path("funding-requests").path(0);
        assertEquals("Financer le poste de Mme Rossi, notre data scientist.", request.path("need").asText());
        assertEquals("Mme Rossi attend", request.path("satisfactionComment").asText());
        assertTrue(request.path("wrote").asBoolean());

        UUID erasure = UUID.randomUUID();
        desk.publish(erasure, PrivacyRequested.Kind.ERASURE, "membre@example.org", subject);
        JsonNode erased = desk.answers(erasure, SERVICE, 1).get(0);
        assertEquals("DONE", erased.path("outcome").asText());
        assertTrue(erased.path("records").asLong() >= 1);
        // The request stays for the organization and the desk's figures; her words and the reason about it are gone.
        given().auth().oauth2(Desk.ADMIN).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("need", equalTo("")).body("status", equalTo("NOT_HELPED"))
                .body("satisfaction.score", equalTo(2)).body("satisfaction.comment", nullValue())
                .body("assignments[0].reason", nullValue());
        assertEquals(Pseudonyms.of(subject), single("select submitted_by from funding_request where id = ?1", UUID.fromString(id)));

        String before = single("select concat_ws('|', submitted_by, need, satisfaction_comment, version) from funding_request where id = ?1",
                UUID.fromString(id));
        desk.publish(erasure, PrivacyRequested.Kind.ERASURE, "membre@example.org", subject);
        JsonNode replayed = desk.answers(erasure, SERVICE, 2).get(1);
        assertEquals(0, replayed.path("records").asLong());
        assertEquals(before, single("select concat_ws('|', submitted_by, need, satisfaction_comment, version) from funding_request where id = ?1",
                UUID.fromString(id)));

        // The advisor: their answer stays under the pseudonym, their rule no longer routes anything.
        UUID advisorErasure = UUID.randomUUID();
        desk.publish(advisorErasure, PrivacyRequested.Kind.ERASURE, null, advisor.subject());
        assertEquals(2, desk.answers(advisorErasure, SERVICE, 1).get(0).path("records").asLong(), "the assignment and the rule");
        given().auth().oauth2(Desk.ADMIN).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("assignments[0].advisor", equalTo(Pseudonyms.of(advisor.subject())))
                .body("assignments[0].status", equalTo("CLOSED"));
        assertEquals(Pseudonyms.of(advisor.subject()) + "|false",
                single("select advisor || '|' || active from routing_rule where id = ?1", UUID.fromString(rule)));
    }

    private String single(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()));
    }
}
