package fr.sudia.label.seed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.label.charter.CharterVersion;
import fr.sudia.label.label.Label;
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

/** With sudia.seed.enabled the first charter is published at start, and the Plan's places are labelled once known. */
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

    @Test
    void theCharterAndThePlacesOfThePlanAreLoadedOnceAndOnlyOnce() throws Exception {
        given().when().get("/api/v1/charters/current").then().statusCode(200)
                .body("version", equalTo(1))
                .body("textFr", containsString("Charte pour une IA éthique, fiable, industrielle et souveraine"))
                .body("questions.principle", equalTo(List.of("FAIRNESS", "INCLUSION", "RELIABILITY", "TRANSPARENCY",
                        "FRUGALITY", "SOVEREIGNTY")));

        // The directory's seed announces the places (and others): label-service labels the places by name.
        for (String name : PLACES) {
            UUID id = UUID.randomUUID();
            String data = mapper.writeValueAsString(Map.of("id", id, "name", name, "kind", "AI_AWARENESS_PLACE",
                    "city", "Sophia Antipolis", "updatedAt", OffsetDateTime.now().toString()));
            new KafkaTestClient(broker).send(KafkaCloudEvents.toRecord("directory.organizations.v1", new CloudEvent(
                    UUID.randomUUID().toString(), URI.create("urn:sud-ia:directory-service"),
                    "fr.sudia.directory.organization.registered", id.toString(), OffsetDateTime.now(), data)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("category", "AI_AWARENESS_PLACE")
                .when().get("/api/v1/labels").jsonPath().getList("items").size() == PLACES.size());
        given().queryParam("q", "terra numerica").when().get("/api/v1/labels")
                .then().body("items[0].status", equalTo("VALID")).body("items[0].holder.name", equalTo("Terra Numerica"));

        loader.load();
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> CharterVersion.count()));
        assertEquals((long) PLACES.size(), QuarkusTransaction.requiringNew().call(() -> Label.count()));
    }
}
