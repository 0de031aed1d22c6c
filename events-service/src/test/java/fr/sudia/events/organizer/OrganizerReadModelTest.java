package fr.sudia.events.organizer;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.events.Fixtures;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.EventContracts;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;

/** Organizer names from {@code directory.organizations.v1} and Sud IA labels from {@code label.labels.v1}, on a real broker. */
@QuarkusTest
class OrganizerReadModelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Test
    void anEventShowsItsOrganizerFromTheDirectoryAndItsSudIaLabel() {
        UUID org = UUID.randomUUID();
        String id = Fixtures.create(EDITOR, event("Journée IA et territoires", "2027-04-20T07:00:00Z",
                "2027-04-20T16:00:00Z", ",\"organizerId\":\"" + org + "\"")).path("id");
        given().get("/api/v1/events/" + id).then().statusCode(200)
                .body("organizer.id", equalTo(org.toString()), "organizer.name", nullValue(),
                        "organizer.sudIaLabel", equalTo(false));

        send("directory.organizations.v1", "fr.sudia.directory.organization.registered", org, """
                {"id":"%s","name":"Maison de l'Intelligence Artificielle","kind":"AWARENESS_PLACE","city":"Biot",
                 "website":"https://maison-intelligence-artificielle.com","label":{"status":"NONE","number":null,"since":null},
                 "updatedAt":"2026-03-01T10:00:00Z"}""".formatted(org));
        awaitOrganizer(id, "organizer.name", "Maison de l'Intelligence Artificielle");

        send("label.labels.v1", "fr.sudia.label.label.granted", org, """
                {"labelNumber":"SUDIA-2026-0007","organizationId":"%s","status":"VALID","category":"PLACE",
                 "changedAt":"2026-03-02T10:00:00Z"}""".formatted(org));
        awaitOrganizer(id, "organizer.sudIaLabel", true);
        given().get("/api/v1/events/" + id).then().body("organizer.labelNumber", equalTo("SUDIA-2026-0007"));

        // An older label event arriving late changes nothing; a newer suspension removes the label.
        send("label.labels.v1", "fr.sudia.label.label.withdrawn", org, """
                {"labelNumber":"SUDIA-2026-0007","organizationId":"%s","status":"WITHDRAWN","category":"PLACE",
                 "changedAt":"2026-03-01T09:00:00Z"}""".formatted(org));
        send("directory.organizations.v1", "fr.sudia.directory.organization.updated", org, """
                {"id":"%s","name":"Maison de l'IA","kind":"AWARENESS_PLACE","city":"Biot","updatedAt":"2026-03-03T10:00:00Z"}"""
                .formatted(org));
        awaitOrganizer(id, "organizer.name", "Maison de l'IA");
        given().get("/api/v1/events/" + id).then().body("organizer.sudIaLabel", equalTo(true));

        send("label.labels.v1", "fr.sudia.label.label.suspended", org, """
                {"labelNumber":"SUDIA-2026-0007","organizationId":"%s","status":"SUSPENDED","category":"PLACE",
                 "changedAt":"2026-04-01T09:00:00Z"}""".formatted(org));
        awaitOrganizer(id, "organizer.sudIaLabel", false);
    }

    @Test
    void aLabelChangeChangesTheFeedsEtag() {
        UUID org = UUID.randomUUID();
        String tag = "l" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.create(EDITOR, event("Atelier labellisé", "2027-04-21T07:00:00Z", "2027-04-21T09:00:00Z",
                ",\"organizerId\":\"" + org + "\",\"tags\":[\"" + tag + "\"]"));
        String etag = given().queryParam("tag", tag).get("/feeds/events.json").then().statusCode(200).extract().header("ETag");

        send("label.labels.v1", "fr.sudia.label.label.granted", org, """
                {"labelNumber":"SUDIA-2026-0008","organizationId":"%s","status":"VALID","category":"PLACE",
                 "changedAt":"2026-03-02T10:00:00Z"}""".formatted(org));
        // Other tests' changes also move the calendar's version: wait for this label to show, then compare ETags.
        await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(given().queryParam("tag", tag).get("/feeds/events.json")
                .path("items[0]._event.organizer.sudIaLabel")));
        given().header("If-None-Match", etag).queryParam("tag", tag).get("/feeds/events.json").then().statusCode(200)
                .header("ETag", not(equalTo(etag)));
    }

    /** A partner mirroring the calendar by delta sync learns that an event's organizer got the label. */
    @Test
    void aLabelChangeBringsTheOrganizersEventsIntoTheDeltaSync() {
        UUID org = UUID.randomUUID();
        String id = Fixtures.create(EDITOR, event("Conférence d'un futur labellisé", "2027-05-19T16:00:00Z",
                "2027-05-19T18:00:00Z", ",\"organizerId\":\"" + org + "\"")).path("id");
        String synced = java.time.Instant.now().toString();

        send("label.labels.v1", "fr.sudia.label.label.granted", org, """
                {"labelNumber":"SUDIA-2026-0009","organizationId":"%s","status":"VALID","category":"PLACE",
                 "changedAt":"2026-03-03T10:00:00Z"}""".formatted(org));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("updatedSince", synced).queryParam("limit", 100)
                .get("/api/v1/events/changes").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.event.organizer.labelNumber", equalTo("SUDIA-2026-0009")));
    }

    /**
     * The producers' own examples (contracts/directory.organizations.v1.json, contracts/label.labels.v1.json), each
     * about a fresh organizer: the names and labels they carry show on its events; a charter signature is ignored.
     */
    @Test
    void theDirectorysAndLabelServicesExamplesAreUnderstood() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String example : EventContracts.examples("directory.organizations.v1")) {
            UUID org = UUID.randomUUID();
            String id = organizedBy(org);
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("id", org.toString());
            send("directory.organizations.v1", "fr.sudia.directory.organization.registered", org, data.toString());
            awaitOrganizer(id, "organizer.name", data.get("name").asText());
        }
        for (String example : EventContracts.examples("label.labels.v1", "LabelChanged")) {
            UUID org = UUID.randomUUID();
            String id = organizedBy(org);
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("organizationId", org.toString());
            String status = data.get("status").asText();
            if (!"VALID".equals(status)) {
                // A label that was valid before the example's change: the change must remove the banner.
                ObjectNode valid = data.deepCopy();
                valid.put("status", "VALID");
                valid.put("changedAt", java.time.OffsetDateTime.parse(data.get("changedAt").asText()).minusDays(1).toString());
                send("label.labels.v1", "fr.sudia.label.label.granted", org, valid.toString());
                awaitOrganizer(id, "organizer.sudIaLabel", true);
            }
            send("label.labels.v1", "VALID".equals(status) ? "fr.sudia.label.label.granted"
                    : "fr.sudia.label.label." + status.toLowerCase(java.util.Locale.ROOT), org, data.toString());
            awaitOrganizer(id, "organizer.sudIaLabel", "VALID".equals(status));
            if ("VALID".equals(status)) {
                given().get("/api/v1/events/" + id).then().body("organizer.labelNumber", equalTo(data.get("labelNumber").asText()));
            }
        }
        UUID signer = UUID.randomUUID();
        String signed = organizedBy(signer);
        for (String example : EventContracts.examples("label.labels.v1", "CharterSigned")) {
            ObjectNode data = (ObjectNode) json.readTree(example);
            data.put("organizationId", signer.toString());
            send("label.labels.v1", "fr.sudia.label.charter.signed", signer, data.toString());
        }
        UUID marker = UUID.randomUUID();
        String marked = organizedBy(marker);
        send("label.labels.v1", "fr.sudia.label.label.granted", marker, """
                {"labelNumber":"SUD-IA-2026-0099","organizationId":"%s","status":"VALID","category":"COMPANY_OR_PROJECT",
                 "changedAt":"2026-03-02T10:00:00Z","grantedOn":"2026-03-02","validUntil":"2028-03-01","reason":null}"""
                .formatted(marker));
        awaitOrganizer(marked, "organizer.sudIaLabel", true);
        given().get("/api/v1/events/" + signed).then().body("organizer.sudIaLabel", equalTo(false));
    }

    private static String organizedBy(UUID org) {
        return Fixtures.create(EDITOR, event("Atelier " + org, "2027-06-10T07:00:00Z", "2027-06-10T09:00:00Z",
                ",\"organizerId\":\"" + org + "\"")).path("id");
    }

    private void send(String topic, String type, UUID org, String data) {
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord(topic, new CloudEvent(UUID.randomUUID().toString(),
                URI.create("urn:sud-ia:test"), type, org.toString(), java.time.OffsetDateTime.now(), data)));
    }

    private static void awaitOrganizer(String eventId, String path, Object expected) {
        await().atMost(PATIENCE).until(() -> expected.equals(given().get("/api/v1/events/" + eventId).path(path)));
    }

}
