package fr.sudia.events.event;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.event;
import static fr.sudia.events.Fixtures.partner;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.Fixtures;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.HiddenObjects;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Submit, moderate, publish, update, cancel, unpublish: over HTTP, with the real database and broker. */
@QuarkusTest
class EventLifecycleTest {

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPartnersEventIsPublicOnlyOnceAnEditorApprovesIt() {
        UUID org = UUID.randomUUID();
        Response submitted = Fixtures.create(partner(org), event("Atelier IA et santé", "2027-05-11T16:00:00Z",
                "2027-05-11T18:00:00Z", ""));
        String id = submitted.path("id");
        assertEquals("SUBMITTED", submitted.path("moderation"));
        assertEquals(org.toString(), submitted.path("organizer.id"));

        given().get("/api/v1/events/" + id).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("q", "Atelier IA et santé").get("/api/v1/events").then().statusCode(200)
                .body("items.event.id", not(hasItem(id)));
        given().auth().oauth2(partner(org)).get("/api/v1/events/" + id).then().statusCode(200);

        given().auth().oauth2(partner(org)).header("If-Match", "\"1\"").post("/api/v1/events/" + id + "/approval")
                .then().statusCode(403);
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").post("/api/v1/events/" + id + "/approval")
                .then().statusCode(200).header("ETag", "\"2\"").body("moderation", equalTo("PUBLISHED"));

        given().get("/api/v1/events/" + id).then().statusCode(200).body("titleFr", equalTo("Atelier IA et santé"));
        given().queryParam("q", "atelier santé").queryParam("from", "2027-05-01").queryParam("to", "2027-06-01")
                .get("/api/v1/events").then().statusCode(200).body("items.event.id", hasItem(id));
        assertEquals(List.of("fr.sudia.events.event.published"), types(id, 1));
    }

    @Test
    void anEditorCanRefuseWithAReasonThePartnerSees() {
        UUID org = UUID.randomUUID();
        String id = Fixtures.create(partner(org), event("Vente de voitures", "2027-05-12T16:00:00Z",
                "2027-05-12T18:00:00Z", "")).path("id");
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").contentType("application/json")
                .body("{\"reason\":\"Pas un événement IA\"}").post("/api/v1/events/" + id + "/refusal")
                .then().statusCode(200).body("moderation", equalTo("REFUSED"));
        given().auth().oauth2(partner(org)).get("/api/v1/events/" + id).then().statusCode(200)
                .body("refusalReason", equalTo("Pas un événement IA"));
        given().get("/api/v1/events/" + id).then().statusCode(404);
    }

    @Test
    void movingAPublishedEventKeepsItsPreviousStartAndRaisesTheSequence() throws Exception {
        UUID org = UUID.randomUUID();
        String body = event("IA Dates : IA et mobilité", "2027-06-08T17:00:00Z", "2027-06-08T19:00:00Z",
                ",\"organizerId\":\"" + org + "\"");
        String id = Fixtures.create(EDITOR, body).path("id");

        String moved = body.replace("2027-06-08T17:00:00Z", "2027-06-15T17:00:00Z")
                .replace("2027-06-08T19:00:00Z", "2027-06-15T19:00:00Z");
        given().auth().oauth2(partner(org)).header("If-Match", "\"1\"").contentType("application/json").body(moved)
                .put("/api/v1/events/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("status", equalTo("RESCHEDULED"), "previousStart", equalTo("2027-06-08T17:00:00Z"),
                        "sequence", equalTo(1));

        // Same time and place, new title: no new SEQUENCE.
        given().auth().oauth2(partner(org)).header("If-Match", "\"2\"").contentType("application/json")
                .body(moved.replace("IA et mobilité", "IA et mobilités")).put("/api/v1/events/" + id)
                .then().statusCode(200).body("sequence", equalTo(1));

        given().auth().oauth2(partner(org)).header("If-Match", "\"3\"").contentType("application/json")
                .body(moved.replace("}", ",\"status\":\"CANCELLED\"}").replaceFirst("\"Biot\",", "\"Biot\","))
                .put("/api/v1/events/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"), "sequence", equalTo(2));

        given().auth().oauth2(EDITOR).header("If-Match", "\"4\"").post("/api/v1/events/" + id + "/unpublication")
                .then().statusCode(200).body("moderation", equalTo("UNPUBLISHED"));
        given().get("/api/v1/events/" + id).then().statusCode(404);

        assertEquals(List.of("fr.sudia.events.event.published", "fr.sudia.events.event.updated",
                "fr.sudia.events.event.updated", "fr.sudia.events.event.cancelled", "fr.sudia.events.event.unpublished"),
                types(id, 5));
        ConsumerRecord<String, String> first = records(id, 5).get(0);
        assertEquals("urn:sud-ia:events-service", header(first, "ce_source"));
        JsonNode data = json.readTree(first.value());
        assertEquals("IA Dates : IA et mobilité", data.get("titleFr").asText());
        assertEquals("2027-06-08T17:00:00Z", data.get("startsAt").asText());
        // Each carries the event's own contract, not the REST view.
        records(id, 5).forEach(r -> EventContracts.assertValid(EventCatalogue.TOPIC, r.value()));
        EventContracts.assertCarriesExactly(EventCatalogue.TOPIC, first.value());
        assertEquals("CANCELLED", json.readTree(records(id, 5).get(3).value()).get("status").asText());
    }

    @Test
    void writesNeedTheCurrentVersion() {
        String body = event("Conférence versionnée", "2027-06-09T17:00:00Z", "2027-06-09T19:00:00Z", "");
        String id = Fixtures.create(EDITOR, body).path("id");
        given().auth().oauth2(EDITOR).contentType("application/json").body(body).put("/api/v1/events/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).header("If-Match", "\"7\"").contentType("application/json").body(body)
                .put("/api/v1/events/" + id).then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void aPartnerCannotEditAnotherOrganizationsEvent() {
        UUID owner = UUID.randomUUID();
        String body = event("Événement d'un autre", "2027-06-10T17:00:00Z", "2027-06-10T19:00:00Z", "");
        String id = Fixtures.create(partner(owner), body).path("id");
        String intruder = partner(UUID.randomUUID());

        String missing = UUID.randomUUID().toString();
        HiddenObjects.assertAnsweredAsMissing(
                given().auth().oauth2(intruder).header("If-Match", "\"1\"").contentType("application/json")
                        .body(body.replace("Événement d'un autre", "Piraté")).put("/api/v1/events/" + id), id,
                given().auth().oauth2(intruder).header("If-Match", "\"1\"").contentType("application/json")
                        .body(body.replace("Événement d'un autre", "Piraté")).put("/api/v1/events/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(given().auth().oauth2(intruder).get("/api/v1/events/" + id), id,
                given().auth().oauth2(intruder).get("/api/v1/events/" + missing), missing);
        HiddenObjects.assertAnsweredAsMissing(given().auth().oauth2(intruder).get("/api/v1/events/" + id + "/history"), id,
                given().auth().oauth2(intruder).get("/api/v1/events/" + missing + "/history"), missing);
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").post("/api/v1/events/" + id + "/approval")
                .then().statusCode(200);
        given().auth().oauth2(intruder).header("If-Match", "\"2\"").contentType("application/json")
                .body(body.replace("Événement d'un autre", "Piraté")).put("/api/v1/events/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(intruder).contentType("application/json")
                .body(body.replace("}", ",\"organizerId\":\"" + owner + "\"}").replaceFirst("\\}\\}", "}}"))
                .post("/api/v1/events").then().statusCode(403);
        given().get("/api/v1/events/" + id).then().statusCode(200).body("titleFr", equalTo("Événement d'un autre"));
    }

    @Test
    void everyEditIsRecordedAndAnEditorCanRollAPartnersEditBack() throws Exception {
        UUID org = UUID.randomUUID();
        String partner = partner(org);
        String body = event("Meetup IA Toulon", "2027-09-14T16:00:00Z", "2027-09-14T18:00:00Z", "");
        String id = Fixtures.create(partner, body).path("id");
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").post("/api/v1/events/" + id + "/approval")
                .then().statusCode(200).header("ETag", "\"2\"");
        // the trusted partner's edit of its published event stays published, and is recorded
        given().auth().oauth2(partner).header("If-Match", "\"2\"").contentType("application/json")
                .body(body.replace("Meetup IA Toulon", "Casino en ligne")).put("/api/v1/events/" + id)
                .then().statusCode(200).header("ETag", "\"3\"").body("moderation", equalTo("PUBLISHED"));
        given().get("/api/v1/events/" + id).then().body("titleFr", equalTo("Casino en ligne"));

        Response history = given().auth().oauth2(EDITOR).get("/api/v1/events/" + id + "/history")
                .then().statusCode(200).extract().response();
        assertEquals(List.of(1, 2, 3), history.path("items.version"));
        assertEquals(List.of("SUBMITTED", "APPROVED", "UPDATED"), history.path("items.action"));
        assertEquals(subject(partner), history.path("items[2].actor"));
        assertEquals(Map.of("from", "Meetup IA Toulon", "to", "Casino en ligne"), history.path("items[2].changes.titleFr"));
        assertEquals(Map.of("from", "SUBMITTED", "to", "PUBLISHED"), history.path("items[1].changes.moderation"));
        given().auth().oauth2(partner).get("/api/v1/events/" + id + "/history").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2, 3)));
        given().auth().oauth2(EDITOR).queryParam("limit", 2).get("/api/v1/events/" + id + "/history")
                .then().body("items.version", equalTo(List.of(1, 2)), "nextCursor", notNullValue());

        // only an editor rolls back, with the current version
        given().auth().oauth2(partner).header("If-Match", "\"3\"").post("/api/v1/events/" + id + "/history/2/restore")
                .then().statusCode(403);
        given().auth().oauth2(EDITOR).post("/api/v1/events/" + id + "/history/2/restore").then().statusCode(428);
        given().auth().oauth2(EDITOR).header("If-Match", "\"2\"").post("/api/v1/events/" + id + "/history/2/restore")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).header("If-Match", "\"3\"").post("/api/v1/events/" + id + "/history/9/restore")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(EDITOR).header("If-Match", "\"3\"").post("/api/v1/events/" + id + "/history/2/restore")
                .then().statusCode(200).header("ETag", "\"4\"")
                .body("titleFr", equalTo("Meetup IA Toulon"), "moderation", equalTo("PUBLISHED"));
        given().get("/api/v1/events/" + id).then().body("titleFr", equalTo("Meetup IA Toulon"));
        given().auth().oauth2(EDITOR).get("/api/v1/events/" + id + "/history").then()
                .body("items[3].action", equalTo("RESTORED"), "items[3].restoredFrom", equalTo(2),
                        "items[3].changes.titleFr.to", equalTo("Meetup IA Toulon"));
        List<String> announced = types(id, 3);
        assertEquals("fr.sudia.events.event.updated", announced.get(announced.size() - 1));
        assertEquals("Meetup IA Toulon", json.readTree(records(id, 3).get(2).value()).get("titleFr").asText());
    }

    @Test
    void deltaSyncGivesChangesAndDeletionMarkers() {
        // Not a second earlier: the other tests of this class change events just before this one runs.
        String since = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        String kept = Fixtures.published("Gardé", "2027-07-01T08:00:00Z", "2027-07-01T10:00:00Z", "").path("id");
        String removed = Fixtures.published("Retiré", "2027-07-02T08:00:00Z", "2027-07-02T10:00:00Z", "").path("id");
        given().auth().oauth2(EDITOR).header("If-Match", "\"1\"").post("/api/v1/events/" + removed + "/unpublication")
                .then().statusCode(200);

        Response page = given().queryParam("updatedSince", since).queryParam("limit", 1).get("/api/v1/events/changes")
                .then().statusCode(200).extract().response();
        String cursor = page.path("nextCursor");
        Response rest = given().queryParam("updatedSince", since).queryParam("cursor", cursor).get("/api/v1/events/changes")
                .then().statusCode(200).body("nextCursor", nullValue()).extract().response();
        List<String> ids = List.of(page.path("items[0].id"), rest.path("items[0].id"));
        assertEquals(List.of(kept, removed), ids);
        assertEquals(Boolean.FALSE, page.path("items[0].deleted"));
        assertEquals(Boolean.TRUE, rest.path("items[0].deleted"));
    }

    private List<ConsumerRecord<String, String>> records(String id, int count) {
        return new KafkaTestClient(broker).readUntil("events.events.v1", Duration.ofSeconds(30),
                records -> records.stream().filter(r -> id.equals(r.key())).count() >= count)
                .stream().filter(r -> id.equals(r.key())).toList();
    }

    private List<String> types(String id, int count) {
        return records(id, count).stream().map(r -> header(r, "ce_type")).collect(Collectors.toList());
    }

    private String subject(String token) throws Exception {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
