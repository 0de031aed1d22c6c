package fr.sudia.funding.call;

import static fr.sudia.funding.call.Calls.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.TestClock;
import fr.sudia.funding.call.Calls.Member;
import fr.sudia.funding.directory.DirectoryEvents;
import fr.sudia.funding.directory.KnownOrganization;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The rules of applications: deadline to the second, form checks, one per organization, idempotency, privacy. */
@QuarkusTest
class CallRulesTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String openCall(String title, int maxPerApplicant) {
        clock.set(Calls.DRAFTING.toInstant());
        String call = Calls.create(Calls.call(title, false, maxPerApplicant));
        Calls.move(call, "OPEN").statusCode(200);
        return call;
    }

    @Test
    void aSubmissionAtTheDeadlineIsTakenAndOneSecondLaterRefused() {
        String call = openCall("Deadline " + UUID.randomUUID(), 1);
        Member onTime = Member.create();
        Member late = Member.create();
        String first = Calls.draft(onTime, call, Calls.application("À l'heure", Calls.COMPLETE)).statusCode(201).extract().path("id");
        String second = Calls.draft(late, call, Calls.application("En retard", Calls.COMPLETE)).statusCode(201).extract().path("id");

        clock.set(Calls.DEADLINE.toInstant());
        Calls.submit(onTime, first).statusCode(200).body("status", equalTo("SUBMITTED"));
        clock.set(Calls.DEADLINE.plusSeconds(1).toInstant());
        Calls.submit(late, second).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Too late: the deadline of call " + call + " was 2026-03-31T12:00:00+02:00 (Europe/Paris)"),
                        "detail", containsString("it is now 2026-03-31T12:00:01+02:00"));
        given().auth().oauth2(late.token()).get("/api/v1/applications/" + second).then().body("status", equalTo("DRAFT"));
        // Nor edited, withdrawn or started after the deadline.
        given().auth().oauth2(late.token()).post("/api/v1/applications/" + second + "/withdraw").then().statusCode(409);
        Calls.draft(Member.create(), call, Calls.application("Trop tard", Calls.COMPLETE)).statusCode(409);
        // The call can be closed only now.
        given().get("/api/v1/calls/" + call).then().body("acceptingApplications", equalTo(false));
        Calls.move(call, "CLOSED").statusCode(200);
    }

    @Test
    void aCallCannotBeClosedBeforeItsDeadlineNorSkipAPhase() {
        String call = openCall("Phases " + UUID.randomUUID(), 1);
        Calls.move(call, "REVIEW").statusCode(409).body("detail", containsString("can only move to CLOSED"));
        Calls.move(call, "CLOSED").statusCode(409).body("detail", containsString("cannot be closed before"));
        given().auth().oauth2(Member.create().token()).contentType(ContentType.JSON).body("{\"phase\":\"CLOSED\"}")
                .post("/api/v1/calls/" + call + "/phase").then().statusCode(403);
    }

    @Test
    void answersAreCheckedAgainstTheFormAndNothingIsStored() {
        String call = openCall("Form " + UUID.randomUUID(), 1);
        Member member = Member.create();
        String tooLong = "x".repeat(201);
        Calls.draft(member, call, Calls.application("Lycée", "{\"summary\":\"" + tooLong + "\",\"colour\":\"bleu\",\"pupils\":5000,\"level\":\"COLLEGE\"}"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("answers.colour", "answers.level", "answers.pupils", "answers.summary")),
                        "violations[3].message", containsString("201 characters long; at most 200"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> CallApplication.count("organizationId",
                UUID.fromString(member.organizationId()))));

        // A draft may be partial; the submission needs every required answer.
        String id = Calls.draft(member, call, Calls.application("Lycée", "{\"pupils\":30}")).statusCode(201).extract().path("id");
        Calls.submit(member, id).statusCode(400).body("violations.field", equalTo(List.of("answers.level", "answers.summary")));
        given().auth().oauth2(member.token()).get("/api/v1/applications/" + id).then().body("status", equalTo("DRAFT"));

        // Not open to this kind of applicant, no team allowed... the type is checked too.
        Calls.draft(Member.create(), call, """
                {"applicantType":"COMPANY","applicantName":"X","title":"Y","answers":{}}""").statusCode(400)
                .body("violations.field", equalTo(List.of("applicantType")));

        // Edited with If-Match, then submitted.
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Calls.application("Lycée", Calls.COMPLETE)).put("/api/v1/applications/" + id).then().statusCode(200);
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Calls.application("Lycée", Calls.COMPLETE)).put("/api/v1/applications/" + id).then().statusCode(412);
        Calls.submit(member, id).statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void oneApplicationPerOrganizationUnlessTheCallAllowsMore() {
        String single = openCall("Single " + UUID.randomUUID(), 1);
        Member member = Member.create();
        String first = Calls.draft(member, single, Calls.application("A", Calls.COMPLETE)).statusCode(201).extract().path("id");
        Calls.draft(member, single, Calls.application("A bis", Calls.COMPLETE)).statusCode(409)
                .body("detail", containsString("the most it allows (1)"));
        // Withdrawing frees the place.
        given().auth().oauth2(member.token()).post("/api/v1/applications/" + first + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        Calls.draft(member, single, Calls.application("A ter", Calls.COMPLETE)).statusCode(201);

        String multiple = openCall("Multiple " + UUID.randomUUID(), 2);
        Calls.draft(member, multiple, Calls.application("B", Calls.COMPLETE)).statusCode(201);
        Calls.draft(member, multiple, Calls.application("B bis", Calls.COMPLETE)).statusCode(201);
        Calls.draft(member, multiple, Calls.application("B ter", Calls.COMPLETE)).statusCode(409);
    }

    @Test
    void theIdempotencyKeyIsScopedToTheOrganization() {
        String call = openCall("Idempotency " + UUID.randomUUID(), 1);
        Member member = Member.create();
        Member other = Member.create();
        String id = given().auth().oauth2(member.token()).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(Calls.application("A", Calls.COMPLETE)).post("/api/v1/calls/" + call + "/applications")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(member.token()).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(Calls.application("A", Calls.COMPLETE)).post("/api/v1/calls/" + call + "/applications")
                .then().statusCode(200).body("id", equalTo(id));
        // Another organization may use the same key.
        given().auth().oauth2(other.token()).header("Idempotency-Key", "k-1").contentType(ContentType.JSON)
                .body(Calls.application("B", Calls.COMPLETE)).post("/api/v1/calls/" + call + "/applications")
                .then().statusCode(201).body("id", not(equalTo(id)));

        // A key already used for another request of the organization is refused, not replayed.
        given().auth().oauth2(member.token()).header("Idempotency-Key", "k-1").post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(member.token()).header("Idempotency-Key", "s-1").post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(member.token()).header("Idempotency-Key", "s-1").post("/api/v1/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(member.token()).post("/api/v1/applications/" + id + "/submit").then().statusCode(409);
        long submissions = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "entityId = ?1 and action = 'SUBMITTED'", UUID.fromString(id)));
        assertEquals(1, submissions);
    }

    @Test
    void anApplicantSeesOnlyItsOwnApplications() {
        String call = openCall("Privacy " + UUID.randomUUID(), 1);
        Member mine = Member.create();
        Member theirs = Member.create();
        String own = Calls.apply(mine, call, "Mine");
        String other = Calls.apply(theirs, call, "Theirs");

        given().auth().oauth2(mine.token()).get("/api/v1/applications/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(mine.token()).get("/api/v1/applications/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(mine.token()).get("/api/v1/calls/" + call + "/applications").then().statusCode(200)
                .body("items.id", equalTo(List.of(own)));
        given().auth().oauth2(mine.token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Calls.application("Hijack", Calls.COMPLETE)).put("/api/v1/applications/" + other).then().statusCode(404);
        given().auth().oauth2(mine.token()).post("/api/v1/applications/" + other + "/withdraw").then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/v1/calls/" + call + "/applications").then().body("items", hasSize(2));
        // Someone who is not on the jury sees nothing of it, and the public needs no token for the call only.
        given().auth().oauth2(DevTokens.forRole(Roles.JUROR)).get("/api/v1/applications/" + own).then().statusCode(404);
        given().get("/api/v1/applications/" + own).then().statusCode(401);
    }

    @Test
    void publicReadsAreBoundedAndCacheable() {
        String call = openCall("Public " + UUID.randomUUID(), 1);
        String draft = Calls.create(Calls.call("Brouillon " + UUID.randomUUID(), false, 1));
        String etag = given().get("/api/v1/calls/" + call).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/calls/" + call).then().statusCode(304);
        given().queryParam("limit", 101).get("/api/v1/calls").then().statusCode(400);
        given().queryParam("phase", "NOPE").get("/api/v1/calls").then().statusCode(400);
        given().queryParam("limit", 100).get("/api/v1/calls").then().body("items.id", hasItem(call), "items.id", not(hasItem(draft)));
        given().auth().oauth2(ADMIN).queryParam("limit", 100).queryParam("phase", "DRAFT").get("/api/v1/calls").then()
                .body("items.id", hasItem(draft));
        // Pages follow each other without overlap.
        String next = given().queryParam("limit", 1).get("/api/v1/calls").then().body("items", hasSize(1)).extract().path("nextCursor");
        String firstId = given().queryParam("limit", 1).get("/api/v1/calls").then().extract().path("items[0].id");
        given().queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/calls").then().statusCode(200)
                .body("items[0].id", not(equalTo(firstId)));
        // A call's form is frozen once open.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Calls.call("Changed", false, 1)).put("/api/v1/calls/" + call).then().statusCode(409);
        given().auth().oauth2(DevTokens.forRole(Roles.ADVISOR)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Calls.call("Changed draft", false, 1)).put("/api/v1/calls/" + draft).then().statusCode(200)
                .body("title", equalTo("Changed draft"));
    }

    @Test
    void anOrganizationAppliesOnlyAsTheBeneficiaryTypeTheDeskKnowsItAs() {
        String call = openCall("Types " + UUID.randomUUID(), 1);
        UUID startup = UUID.randomUUID();
        new KafkaTestClient(broker).send(DirectoryEvents.organization(DirectoryEvents.newId(), "registered", startup,
                "Jeune pousse IA", "STARTUP", null, null, "06", "NONE", OffsetDateTime.parse("2026-04-01T09:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownOrganization.findById(startup) != null));
        Member company = new Member(DevTokens.forOrganization(Roles.MEMBER, startup.toString()), startup.toString());

        Calls.draft(company, call, Calls.application("Jeune pousse", "{}").replace("\"SCHOOL\"", "\"TRAINING_BODY\""))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("applicantType")),
                        "violations[0].message", containsString("a company"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> CallApplication.count("organizationId", startup)));
        // A school may be any kind of organization; an organization the desk does not know yet is taken at its word.
        Calls.draft(company, call, Calls.application("Jeune pousse", "{}")).statusCode(201);
        Calls.draft(Member.create(), call, Calls.application("Organisme", "{}").replace("\"SCHOOL\"", "\"TRAINING_BODY\""))
                .statusCode(201);
    }

    @Test
    void aJuryIsBoundedSoAreTheReviewsOfAnApplication() {
        String call = openCall("Jury " + UUID.randomUUID(), 1);
        for (int i = 0; i < CallDesk.MAX_JURORS; i++) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"subject\":\"juror-bound-" + i + "\"}")
                    .post("/api/v1/calls/" + call + "/jurors").then().statusCode(201);
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"subject\":\"juror-bound-extra\"}")
                .post("/api/v1/calls/" + call + "/jurors").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get("/api/v1/calls/" + call + "/jurors").then().statusCode(200)
                .body("subject", hasSize(CallDesk.MAX_JURORS), "subject", not(hasItem("juror-bound-extra")));
        // Assigning one already on the jury is still a 200 at the bound.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"subject\":\"juror-bound-0\"}")
                .post("/api/v1/calls/" + call + "/jurors").then().statusCode(200);
    }

    @Test
    void aCallDefinitionIsChecked() {
        String body = Calls.call("Bad", false, 1)
                .replace("\"id\":\"pupils\"", "\"id\":\"summary\"")
                .replace("\"options\":[\"LYCEE\",\"ECOLE_DE_CODE\"]", "\"options\":[]")
                .replace("\"theme\":\"Lutter contre le harcèlement scolaire\"", "\"theme\":null");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/calls").then().statusCode(400)
                .body("violations.field", equalTo(List.of("form[1].id", "form[2].options", "theme")));
    }
}
