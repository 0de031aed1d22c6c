package fr.sudia.funding.call;

import static fr.sudia.funding.call.Calls.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sudia.funding.TestClock;
import fr.sudia.funding.call.Calls.JurorUser;
import fr.sudia.funding.call.Calls.Member;
import fr.sudia.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Files answering FILE questions: checked (size, declared and actual type), owned, shown to the jury, frozen at the deadline. */
@QuarkusTest
class AttachmentTest {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String openCallWithAFile() {
        clock.set(Calls.DRAFTING.toInstant());
        String body = Calls.call("Pièces " + UUID.randomUUID(), false, 1).replace("\"form\":[", """
                "form":[{"id":"budget","label":"Budget prévisionnel (PDF)","type":"FILE","required":true,"maxBytes":2048,
                         "mediaTypes":["application/pdf"]},""");
        String call = Calls.create(body);
        Calls.move(call, "OPEN").statusCode(200);
        return call;
    }

    private static io.restassured.response.ValidatableResponse upload(Member member, String application, String type, byte[] file) {
        return given().auth().oauth2(member.token()).contentType(type).body(file)
                .put("/api/v1/applications/" + application + "/attachments/budget").then();
    }

    private static long attachments(String application) {
        return QuarkusTransaction.requiringNew().call(() -> CallAttachment.count("applicationId", UUID.fromString(application)));
    }

    @Test
    void aFileIsCheckedStoredShownToTheJuryAndFrozenAtTheDeadline() throws Exception {
        String call = openCallWithAFile();
        Member member = Member.create();
        String id = Calls.draft(member, call, Calls.application("Lycée Pièces", Calls.COMPLETE)).statusCode(201).extract().path("id");
        Calls.submit(member, id).statusCode(400).body("violations.field", equalTo(List.of("answers.budget")));

        // Refused, and nothing stored: a page sent as a PDF, a type the question does not take, a file too large.
        upload(member, id, "application/pdf", HTML).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("its content is text/html"));
        upload(member, id, "text/html", HTML).statusCode(415).contentType("application/problem+json");
        byte[] large = new byte[3000];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        upload(member, id, "application/pdf", large).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 2048"));
        given().auth().oauth2(member.token()).contentType("application/pdf").body(PDF)
                .put("/api/v1/applications/" + id + "/attachments/summary").then().statusCode(404);
        assertEquals(0L, attachments(id));

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        upload(member, id, "application/pdf", PDF).statusCode(200)
                .body("questionId", equalTo("budget"), "mediaType", equalTo("application/pdf"), "sizeBytes", equalTo(PDF.length),
                        "sha256", equalTo(sha256));
        Response read = given().auth().oauth2(member.token()).get("/api/v1/applications/" + id).then().statusCode(200)
                .body("answers.budget.sha256", equalTo(sha256)).extract().response();

        // An edit cannot forge the file's answer: it keeps the upload's.
        given().auth().oauth2(member.token()).contentType(ContentType.JSON).header("If-Match", read.header("ETag"))
                .body(Calls.application("Lycée Pièces", Calls.COMPLETE.replace("}", ",\"budget\":{\"sha256\":\"forged\"}}")))
                .put("/api/v1/applications/" + id).then().statusCode(200).body("answers.budget.sha256", equalTo(sha256));

        // Another organization neither sees nor replaces it.
        Member other = Member.create();
        upload(other, id, "application/pdf", PDF).statusCode(404);
        given().auth().oauth2(other.token()).get("/api/v1/applications/" + id + "/attachments/budget").then().statusCode(404);

        Calls.submit(member, id).statusCode(200).body("status", equalTo("SUBMITTED"));
        JurorUser juror = JurorUser.of(Roles.JUROR, null);
        Calls.assign(call, juror);
        clock.set(Calls.DEADLINE.plusSeconds(1).toInstant());
        upload(member, id, "application/pdf", PDF).statusCode(409);
        Calls.move(call, "CLOSED").statusCode(200);
        Calls.move(call, "REVIEW").statusCode(200);

        Response file = given().auth().oauth2(juror.token()).get("/api/v1/applications/" + id + "/attachments/budget")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=\"budget.pdf\""))
                .header("X-Content-Type-Options", equalTo("nosniff")).extract().response();
        assertArrayEquals(PDF, file.asByteArray());
        given().auth().oauth2(ADMIN).get("/api/v1/calls/" + call + "/audit").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("ATTACHMENT_ADDED"));
    }

    @Test
    void aFileQuestionIsWrittenWithTypesTheDeskTakes() {
        String body = Calls.call("Mauvaise pièce", false, 1).replace("\"form\":[", """
                "form":[{"id":"annexe","label":"Annexe","type":"FILE","required":false,"mediaTypes":["text/html"]},
                        {"id":"note","label":"Note","type":"TEXT","required":false,"maxBytes":100},""");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/calls").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("form[0].mediaTypes[0]", "form[1].maxBytes")));
    }
}
