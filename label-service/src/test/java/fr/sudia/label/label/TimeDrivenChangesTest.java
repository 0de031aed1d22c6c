package fr.sudia.label.label;

import static fr.sudia.label.support.Fixtures.ADMIN;
import static fr.sudia.label.support.Fixtures.member;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.label.support.Fixtures;
import fr.sudia.label.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Expiry, end of suspensions and charter re-signature, with the service's clock moved forward. */
@QuarkusTest
class TimeDrivenChangesTest {

    @Inject
    TestClock clock;

    @Inject
    LabelJobs jobs;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aLabelNotRenewedExpiresAfterTwoYearsAndNeverLooksValidMeanwhile() {
        String number = Fixtures.labelledOrganization("Expiring", "Nice");
        LocalDate validUntil = LocalDate.now(ZoneOffset.UTC).plusYears(2).minusDays(1);

        clock.advance(Duration.ofDays(365 * 2 + 2));
        // Before the job has run, the registry already reads the date.
        given().when().get("/api/v1/labels/" + number + "/verification")
                .then().body("status", equalTo("EXPIRED"))
                .body("since", startsWith(validUntil.plusDays(1).toString()));
        jobs.run();
        given().auth().oauth2(Fixtures.REVIEWER).when().get("/api/v1/labels/" + number)
                .then().body("status", equalTo("EXPIRED"));
        given().auth().oauth2(ADMIN).queryParam("subjectId", number).when().get("/api/v1/audit")
                .then().body("items[0].action", equalTo("EXPIRED")).body("items[0].actor", equalTo("system:label-service"));
        given().auth().oauth2(Fixtures.REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "trop tard"))
                .when().post("/api/v1/labels/" + number + "/renewal").then().statusCode(409);
    }

    @Test
    void aSuspensionWithAnEndDateEndsByItself() {
        String number = Fixtures.labelledOrganization("Suspended a while", "Nice");
        LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        Fixtures.labelAction(number, "suspension", Map.of("reason", "Contrôle", "until", until.toString()));
        given().when().get("/api/v1/labels/" + number + "/verification")
                .then().body("status", equalTo("SUSPENDED")).body("suspendedUntil", equalTo(until.toString()));

        clock.advance(Duration.ofDays(5));
        jobs.run();
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("SUSPENDED"));
        clock.advance(Duration.ofDays(6));
        jobs.run();
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("VALID"));
    }

    @Test
    void aNewCharterVersionNotSignedWithinItsGracePeriodSuspendsTheLabelUntilSigned() {
        UUID organization = Fixtures.knownOrganization("Late signer", "Nice");
        String number = Fixtures.labelFor(organization);
        UUID punctual = Fixtures.knownOrganization("Punctual signer", "Nice");
        String punctualNumber = Fixtures.labelFor(punctual);

        int next = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Fixtures.charterDraft("Charte révisée " + UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), 30))
                .when().post("/api/v1/charters").then().statusCode(201).extract().path("version");
        given().when().get("/api/v1/charters/current").then().body("version", equalTo(next));
        Fixtures.sign(punctual);

        clock.advance(Duration.ofDays(29));
        jobs.run();
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("VALID"));

        clock.advance(Duration.ofDays(2));
        jobs.run();
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("SUSPENDED"));
        given().when().get("/api/v1/labels/" + punctualNumber + "/verification").then().body("status", equalTo("VALID"));
        given().auth().oauth2(member(organization)).when().get("/api/v1/labels/" + number)
                .then().body("suspensionKind", equalTo("CHARTER_NOT_SIGNED"));
        // Only the signature lifts this suspension.
        given().auth().oauth2(Fixtures.REVIEWER).contentType(ContentType.JSON).body(Map.of("reason", "non"))
                .when().post("/api/v1/labels/" + number + "/restoration").then().statusCode(409);

        Fixtures.sign(organization);
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("VALID"));
        given().auth().oauth2(member(organization)).when().get("/api/v1/labels/" + number)
                .then().body("charterVersion", equalTo(next));
        given().auth().oauth2(member(organization)).queryParam("organizationId", organization.toString())
                .when().get("/api/v1/charters/signatures")
                .then().body("items.charterVersion", equalTo(java.util.List.of(next, next - 1)))
                .body("items[0].supersedes", equalTo(given().auth().oauth2(member(organization))
                        .queryParam("organizationId", organization.toString())
                        .when().get("/api/v1/charters/signatures").path("items[1].id")));
        // One signature a page: the newest, then the one it superseded, then no further page.
        String next1 = given().auth().oauth2(member(organization)).queryParam("organizationId", organization.toString())
                .queryParam("limit", 1).when().get("/api/v1/charters/signatures").then().statusCode(200)
                .body("items.charterVersion", equalTo(java.util.List.of(next))).extract().path("nextCursor");
        given().auth().oauth2(member(organization)).queryParam("organizationId", organization.toString())
                .queryParam("limit", 1).queryParam("cursor", next1).when().get("/api/v1/charters/signatures").then()
                .statusCode(200).body("items.charterVersion", equalTo(java.util.List.of(next - 1)));
        // The charter's versions, newest first, a page at a time.
        String versionsCursor = given().queryParam("limit", 1).when().get("/api/v1/charters").then().statusCode(200)
                .body("items.version", equalTo(java.util.List.of(next))).extract().path("nextCursor");
        given().queryParam("limit", 1).queryParam("cursor", versionsCursor).when().get("/api/v1/charters").then()
                .statusCode(200).body("items.version", equalTo(java.util.List.of(next - 1)));
        given().queryParam("limit", 101).when().get("/api/v1/charters").then().statusCode(400);
    }
}
