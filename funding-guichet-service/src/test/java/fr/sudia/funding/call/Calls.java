package fr.sudia.funding.call;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.UUID;

import fr.sudia.funding.Jwt;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Test helpers: tokens, a call's JSON, and the calls' API. */
final class Calls {

    static final OffsetDateTime OPENS = OffsetDateTime.parse("2026-01-15T09:00:00+01:00");
    static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2026-03-31T12:00:00+02:00");
    static final OffsetDateTime DRAFTING = OffsetDateTime.parse("2026-02-10T10:00:00+01:00");

    static final String ADMIN = DevTokens.forRole(Roles.ADMIN);

    private Calls() {
    }

    record Member(String token, String organizationId) {
        static Member create() {
            String organization = UUID.randomUUID().toString();
            return new Member(DevTokens.forOrganization(Roles.MEMBER, organization), organization);
        }
    }

    record JurorUser(String token, String subject) {
        static JurorUser of(String role, String organization) {
            String token = organization == null ? DevTokens.forRole(role) : DevTokens.forOrganization(role, organization);
            return new JurorUser(token, Jwt.subject(token));
        }
    }

    static String call(String title, boolean anonymised, int maxPerApplicant) {
        return """
                {"kind":"AI_CHALLENGE","title":"%s","editionYear":2026,"theme":"Lutter contre le harcèlement scolaire",
                 "opensAt":"%s","closesAt":"%s","reviewFrom":"2026-04-15T09:00:00+02:00",
                 "form":[{"id":"summary","label":"Résumé du projet","type":"LONG_TEXT","required":true,"maxLength":200},
                         {"id":"pupils","label":"Élèves impliqués","type":"NUMBER","required":false,"min":1,"max":2000},
                         {"id":"level","label":"Public","type":"CHOICE","required":true,"options":["LYCEE","ECOLE_DE_CODE"]}],
                 "grid":[{"id":"impact","label":"Impact","weight":2,"maxScore":10},
                         {"id":"feasibility","label":"Faisabilité","weight":1,"maxScore":10}],
                 "applicantTypes":["SCHOOL","TRAINING_BODY"],"teamsAllowed":true,"maxApplicationsPerApplicant":%d,
                 "anonymisedReview":%s,"totalAmountEur":30000,"disagreementThreshold":15}"""
                .formatted(title, OPENS, DEADLINE, maxPerApplicant, anonymised);
    }

    static String application(String name, String answers) {
        return """
                {"applicantType":"SCHOOL","applicantName":"%s","title":"Projet de %s","answers":%s}""".formatted(name, name, answers);
    }

    static final String COMPLETE = "{\"summary\":\"Un assistant qui repère les signaux faibles.\",\"level\":\"LYCEE\",\"pupils\":120}";

    static String create(String body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/calls")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse move(String callId, String phase) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"phase\":\"" + phase + "\"}")
                .post("/api/v1/calls/" + callId + "/phase").then();
    }

    static ValidatableResponse draft(Member member, String callId, String body) {
        return given().auth().oauth2(member.token()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/calls/" + callId + "/applications").then();
    }

    static ValidatableResponse submit(Member member, String applicationId) {
        return given().auth().oauth2(member.token()).post("/api/v1/applications/" + applicationId + "/submit").then();
    }

    static String apply(Member member, String callId, String name) {
        String id = draft(member, callId, application(name, COMPLETE)).statusCode(201).extract().path("id");
        submit(member, id).statusCode(200);
        return id;
    }

    static void assign(String callId, JurorUser juror) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"subject\":\"" + juror.subject() + "\"}")
                .post("/api/v1/calls/" + callId + "/jurors").then().statusCode(201);
    }

    static ValidatableResponse review(JurorUser juror, String applicationId, double impact, double feasibility) {
        return given().auth().oauth2(juror.token()).contentType(ContentType.JSON)
                .body("{\"scores\":{\"impact\":" + impact + ",\"feasibility\":" + feasibility + "},\"comment\":\"Avis.\"}")
                .put("/api/v1/applications/" + applicationId + "/reviews/mine").then();
    }
}
