package fr.sudia.funding.call;

import static fr.sudia.funding.call.Calls.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.funding.Events;
import fr.sudia.funding.Jwt;
import fr.sudia.funding.notice.FundingNotices;
import fr.sudia.funding.TestClock;
import fr.sudia.funding.call.Calls.JurorUser;
import fr.sudia.funding.call.Calls.Member;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A whole AI Challenge, draft to published results, on the real database and broker: three applicants, three
 * jurors (one excluded from their own organization's application, one stepping aside by a declared conflict),
 * anonymised review, scores hidden until the deliberation, ranking with a disagreement, decisions, laureates, the
 * CloudEvents of the results and the audit trail.
 */
@QuarkusTest
class CallFlowTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCallFromDraftToPublishedResults() throws Exception {
        clock.set(Calls.DRAFTING.toInstant());
        String call = Calls.create(Calls.call("Challenge IA 2026", true, 1));

        // A draft is invisible to the public.
        given().get("/api/v1/calls/" + call).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("limit", 100).get("/api/v1/calls").then().statusCode(200)
                .body("items.id", not(hasItems(call)));
        Calls.move(call, "OPEN").statusCode(200).body("phase", equalTo("OPEN"), "acceptingApplications", equalTo(true),
                "local.closesAt", equalTo("2026-03-31T12:00:00+02:00"), "closesAt", equalTo("2026-03-31T10:00:00Z"));
        given().get("/api/v1/calls/" + call).then().statusCode(200).body("title", equalTo("Challenge IA 2026"),
                "timeZone", equalTo("Europe/Paris"), "form", hasSize(3), "grid", hasSize(2));
        // The opening is announced once, keyed by the call, for the alerts on new calls: public data only.
        List<ConsumerRecord<String, String>> opened = Events.about(broker, CallDesk.TOPIC, call, 1);
        assertEquals(List.of(CallDesk.OPENED), Events.types(opened));
        EventContracts.assertValid(CallDesk.TOPIC, opened.get(0).value());
        EventContracts.assertCarriesExactly(CallDesk.TOPIC, "CallOpened", opened.get(0).value());
        assertEquals(List.of("SCHOOL", "TRAINING_BODY"), JsonPath.from(opened.get(0).value()).getList("applicantTypes"));
        assertEquals("2026-03-31T10:00:00Z", JsonPath.from(opened.get(0).value()).getString("closesAt"));

        Member lycee = Member.create();
        Member ecole = Member.create();
        Member campus = Member.create();
        String a = Calls.apply(lycee, call, "Lycée Les Eucalyptus");
        String b = Calls.apply(ecole, call, "École de code Simplon Marseille");
        String c = Calls.apply(campus, call, "Campus numérique Toulon");

        JurorUser j1 = JurorUser.of(Roles.JUROR, lycee.organizationId());
        JurorUser j2 = JurorUser.of(Roles.REVIEWER, null);
        JurorUser j3 = JurorUser.of(Roles.JUROR, null);
        Calls.assign(call, j1);
        Calls.assign(call, j2);
        Calls.assign(call, j3);

        // Before the review phase a juror sees nothing.
        given().auth().oauth2(j3.token()).get("/api/v1/calls/" + call + "/applications").then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(j3.token()).get("/api/v1/applications/" + a).then().statusCode(404);

        clock.set(Calls.DEADLINE.plusSeconds(1).toInstant());
        Calls.move(call, "CLOSED").statusCode(200);
        Calls.move(call, "REVIEW").statusCode(200);

        // j1 belongs to the lycée: excluded from its application without declaring anything. Review is anonymised.
        given().auth().oauth2(j1.token()).get("/api/v1/calls/" + call + "/applications").then().statusCode(200)
                .body("items.id", containsInAnyOrder(b, c), "items.organizationId", containsInAnyOrder(nullValue(), nullValue()),
                        "items.applicantName", containsInAnyOrder(nullValue(), nullValue()), "items.anonymised", hasItems(true));
        given().auth().oauth2(j1.token()).get("/api/v1/applications/" + a).then().statusCode(404);
        Calls.review(j1, a, 10, 10).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(j3.token()).get("/api/v1/applications/" + b).then().statusCode(200)
                .body("applicantName", nullValue(), "organizationId", nullValue(), "team", nullValue(),
                        "answers.level", equalTo("LYCEE"));

        // j2 steps aside from b.
        given().auth().oauth2(j2.token()).contentType(ContentType.JSON).body("{\"reason\":\"J'enseigne dans cette école.\"}")
                .post("/api/v1/applications/" + b + "/conflicts").then().statusCode(204);
        Calls.review(j2, b, 5, 5).statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(j2.token()).get("/api/v1/calls/" + call + "/applications").then()
                .body("items.id", containsInAnyOrder(a, c));

        // Scores outside the grid: 400 naming the fields, nothing stored.
        given().auth().oauth2(j3.token()).contentType(ContentType.JSON)
                .body("{\"scores\":{\"impact\":11,\"feasibility\":-1,\"style\":3}}")
                .put("/api/v1/applications/" + a + "/reviews/mine").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("scores.feasibility", "scores.impact", "scores.style"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Review.count("juror", j3.subject())));

        Calls.review(j2, a, 8, 8).statusCode(200).body("weightedScore", equalTo(80.0f));
        Calls.review(j3, a, 9, 6).statusCode(200).body("weightedScore", equalTo(80.0f));
        Calls.review(j1, b, 3, 3).statusCode(200);
        Calls.review(j3, b, 9, 9).statusCode(200);
        Calls.review(j1, c, 5, 5).statusCode(200);
        Calls.review(j2, c, 6, 3).statusCode(200);
        Calls.review(j3, c, 4, 7).statusCode(200).body("weightedScore", equalTo(50.0f));

        // Until the deliberation a juror sees only their own scores, and no ranking.
        given().auth().oauth2(j3.token()).get("/api/v1/applications/" + c + "/reviews").then().statusCode(200)
                .body("juror", equalTo(List.of(j3.subject())));
        given().auth().oauth2(j3.token()).get("/api/v1/calls/" + call + "/ranking").then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/v1/applications/" + c + "/reviews").then().body("", hasSize(3));

        Calls.move(call, "DELIBERATION").statusCode(200);
        given().auth().oauth2(j3.token()).get("/api/v1/applications/" + c + "/reviews").then().statusCode(200)
                .body("", hasSize(3));
        given().auth().oauth2(j3.token()).get("/api/v1/calls/" + call + "/ranking").then().statusCode(200)
                .body("items.applicationId", equalTo(List.of(a, b, c)), "items.rank", equalTo(List.of(1, 2, 3)),
                        "items.meanScore", equalTo(List.of(80.0f, 60.0f, 50.0f)),
                        "items.disagreement", equalTo(List.of(false, true, false)),
                        "items.standardDeviation[1]", equalTo(30.0f), "items.applicantName[0]", nullValue());

        // Deliberation; publishing before every decision is refused.
        decide(a, "{\"outcome\":\"LAUREATE\",\"reasons\":\"Meilleur score.\",\"feedback\":\"Bravo, projet clair.\",\"amountEur\":15000}")
                .statusCode(200).body("decision.outcome", equalTo("LAUREATE"));
        decide(b, "{\"outcome\":\"LAUREATE\",\"reasons\":\"Deuxième.\",\"feedback\":\"Beau projet.\",\"amountEur\":10000}").statusCode(200);
        decide(c, "{\"outcome\":\"NOT_SELECTED\",\"reasons\":\"Troisième.\",\"amountEur\":500}").statusCode(400)
                .body("violations.field", equalTo(List.of("outcome")));
        Calls.move(call, "RESULTS_PUBLISHED").statusCode(409).body("detail", containsString("1 submitted application(s)"));
        given().get("/api/v1/calls/" + call + "/results").then().statusCode(404);
        // Applicants learn nothing before the publication.
        given().auth().oauth2(lycee.token()).get("/api/v1/applications/" + a).then().statusCode(200)
                .body("result", nullValue(), "decision", nullValue());
        decide(c, "{\"outcome\":\"NOT_SELECTED\",\"reasons\":\"Troisième.\",\"feedback\":\"Précisez le public visé.\"}").statusCode(200);
        Calls.move(call, "RESULTS_PUBLISHED").statusCode(200);

        String resultsTag = given().get("/api/v1/calls/" + call + "/results").then().statusCode(200)
                .body("applicationId", equalTo(List.of(a, b)), "amountEur", equalTo(List.of(15000, 10000)),
                        "applicantName[0]", equalTo("Lycée Les Eucalyptus"), "awardTitle[0]", equalTo("Lauréat Challenge IA 2026"))
                .extract().header("ETag");
        given().header("If-None-Match", resultsTag).get("/api/v1/calls/" + call + "/results").then().statusCode(304);
        given().auth().oauth2(lycee.token()).get("/api/v1/applications/" + a).then().statusCode(200)
                .body("result.outcome", equalTo("LAUREATE"), "result.amountEur", equalTo(15000),
                        "result.feedback", equalTo("Bravo, projet clair."), "decision", nullValue());
        given().auth().oauth2(campus.token()).get("/api/v1/applications/" + c).then().statusCode(200)
                .body("result.outcome", equalTo("NOT_SELECTED"), "result.feedback", equalTo("Précisez le public visé."));

        // One CloudEvent per laureate, matching the published contract, without personal data.
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>(Events.about(broker, CallDesk.TOPIC, a, 1));
        records.addAll(Events.about(broker, CallDesk.TOPIC, b, 1));
        assertEquals(List.of(CallDesk.RESULT_PUBLISHED, CallDesk.RESULT_PUBLISHED), Events.types(records));
        assertEquals(List.of(call, call), records.stream().map(r -> JsonPath.from(r.value()).getString("callId")).toList());
        // Nothing about the application not selected.
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> fr.sudia.platform.outbox.OutboxEvent.count(
                "topic = ?1 and aggregateId in ?2", CallDesk.TOPIC, List.of(a, b, c))));
        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<String, String> record : records) {
            EventContracts.assertValid(CallDesk.TOPIC, record.value());
            EventContracts.assertCarriesExactly(CallDesk.TOPIC, "CallResultPublished", record.value());
        }
        JsonNode first = json.readTree(records.get(0).value());
        assertEquals(lycee.organizationId(), first.get("organizationId").asText());
        assertEquals("Lauréat Challenge IA 2026", first.get("awardTitle").asText());
        assertEquals(1, first.get("rank").asInt());
        assertEquals(15000, first.get("amountEur").asInt());

        // Each juror is told of their assignment, each applicant of their own result, by token subject only.
        for (JurorUser juror : List.of(j1, j2, j3)) {
            List<ConsumerRecord<String, String>> notices = Events.about(broker, FundingNotices.TOPIC, juror.subject(), 1);
            assertEquals(List.of(FundingNotices.JURY_ASSIGNED), Events.types(notices));
            EventContracts.assertValid(FundingNotices.TOPIC, notices.get(0).value());
            assertEquals(call, JsonPath.from(notices.get(0).value()).getString("call.id"));
        }
        for (Map.Entry<Member, String> applicant : Map.of(lycee, "LAUREATE", ecole, "LAUREATE", campus, "NOT_SELECTED").entrySet()) {
            List<ConsumerRecord<String, String>> notices = Events.about(broker, FundingNotices.TOPIC,
                    Jwt.subject(applicant.getKey().token()), 1);
            assertEquals(List.of(FundingNotices.CALL_RESULT), Events.types(notices));
            EventContracts.assertValid(FundingNotices.TOPIC, notices.get(0).value());
            EventContracts.assertCarriesExactly(FundingNotices.TOPIC, notices.get(0).value());
            assertEquals(applicant.getValue(), JsonPath.from(notices.get(0).value()).getString("application.outcome"));
            assertEquals("Challenge IA 2026", JsonPath.from(notices.get(0).value()).getString("call.title"));
        }

        // The audit trail: who changed what, when; admins only.
        List<String> actions = given().auth().oauth2(ADMIN).queryParam("limit", 100).get("/api/v1/calls/" + call + "/audit")
                .then().statusCode(200).extract().path("items.action");
        org.hamcrest.MatcherAssert.assertThat(actions, hasItems("CREATED", "PHASE_CHANGED", "DRAFTED", "SUBMITTED",
                "JUROR_ASSIGNED", "CONFLICT_DECLARED", "SCORED", "DECIDED", "RESULTS_PUBLISHED"));
        given().auth().oauth2(ADMIN).queryParam("limit", 100).get("/api/v1/calls/" + call + "/audit").then()
                .body("items.find { it.action == 'CONFLICT_DECLARED' }.actor", equalTo(j2.subject()))
                .body("items.find { it.action == 'CONFLICT_DECLARED' }.details.reason", equalTo("J'enseigne dans cette école."));
        given().auth().oauth2(lycee.token()).get("/api/v1/calls/" + call + "/audit").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse decide(String application, String body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .put("/api/v1/applications/" + application + "/decision").then();
    }
}
