package fr.sudia.label.seed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.directory.KnownOrganization;
import fr.sudia.label.label.Label;
import fr.sudia.label.label.LabelCategory;
import fr.sudia.label.label.LabelLifecycle;
import fr.sudia.label.label.LabelStatus;
import fr.sudia.platform.security.Roles;
import fr.sudia.platform.testing.DevTokens;
import fr.sudia.platform.events.CloudEvent;
import fr.sudia.platform.events.KafkaCloudEvents;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import fr.sudia.platform.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** With sudia.seed.enabled the first charter is published at start, once, and no organization is labelled. */
@QuarkusTest
@TestProfile(SeedTest.SeedEnabled.class)
class SeedTest {

    public static class SeedEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sudia.seed.enabled", "true");
        }
    }

    private static final List<String> PLACES = List.of("Maison de l'Intelligence Artificielle (MIA)", "Terra Numerica",
            "LICA – Laboratoire d'Intelligence Collective et Artificielle", "rAIlity Lab");

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    SeedLoader loader;

    @Inject
    ObjectMapper mapper;

    @Inject
    LabelLifecycle labels;

    @Test
    void theCharterIsLoadedOnceAndThePlacesOfThePlanAreNotLabelled() throws Exception {
        given().when().get("/api/v1/charters/current").then().statusCode(200)
                .body("version", equalTo(1))
                .body("textFr", containsString("Charte pour une IA éthique, fiable, industrielle et souveraine"))
                .body("questions.principle", equalTo(List.of("FAIRNESS", "INCLUSION", "RELIABILITY", "TRANSPARENCY",
                        "FRUGALITY", "SOVEREIGNTY")));

        // The directory's seed announces the places the Plan names (Mesure 7): the sources do not say they hold the
        // label, so label-service learns of them and labels none.
        List<UUID> ids = new ArrayList<>();
        for (String name : PLACES) {
            ids.add(announce(name));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownOrganization.count("id in ?1", ids)) == PLACES.size());

        loader.load();
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> CharterVersion.count()));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Label.count("status", LabelStatus.VALID)));
        given().queryParam("q", "terra numerica").queryParam("status", "VALID").when().get("/api/v1/labels")
                .then().statusCode(200).body("items", empty());
        given().queryParam("category", "AI_AWARENESS_PLACE").queryParam("status", "VALID").when().get("/api/v1/labels")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void aLabelAnEarlierSeedGrantedIsWithdrawnWhenTheSeedLoads() throws Exception {
        UUID place = announce("Terra Numerica");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> KnownOrganization.count("id", place)) == 1);
        // What the earlier seed did to a place the directory announced: a label without application or signature.
        String number = QuarkusTransaction.requiringNew().call(() -> labels.grant(place, null,
                LabelCategory.AI_AWARENESS_PLACE, CharterVersion.<CharterVersion>findAll().firstResult().version,
                SeedLoader.ACTOR, "Seed: a place of AI awareness the Plan Sud IA names for the Sud IA network (Mesure 7).").number);
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("VALID"));

        loader.load();
        given().when().get("/api/v1/labels/" + number + "/verification").then().body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).queryParam("subjectId", number).when().get("/api/v1/audit")
                .then().body("items[0].action", equalTo("WITHDRAWN"))
                .body("items[0].actor", equalTo(SeedLoader.ACTOR))
                .body("items[0].reason", equalTo(SeedLoader.UNSUPPORTED_SEED_LABEL));
        loader.load();
        given().auth().oauth2(DevTokens.forRole(Roles.ADMIN)).queryParam("subjectId", number).when().get("/api/v1/audit")
                .then().body("items.size()", equalTo(2));
    }

    /** The directory announces an organization of this name, as its seed import does. */
    private UUID announce(String name) throws Exception {
        UUID id = UUID.randomUUID();
        String data = mapper.writeValueAsString(Map.of("id", id, "name", name, "kind", "AI_AWARENESS_PLACE",
                "city", "Sophia Antipolis", "updatedAt", OffsetDateTime.now().toString()));
        new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord("directory.organizations.v1", new CloudEvent(
                UUID.randomUUID().toString(), URI.create("urn:sud-ia:directory-service"),
                "fr.sudia.directory.organization.registered", id.toString(), OffsetDateTime.now(), data)));
        return id;
    }
}
