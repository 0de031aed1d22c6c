package fr.sudia.funding.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.sudia.funding.scheme.Scheme;
import fr.sudia.funding.scheme.SchemeInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** With sudia.seed.enabled=true the service starts on a fresh database with the real schemes of the plan. */
@QuarkusTest
@TestProfile(SeedLoaderTest.SeedEnabled.class)
class SeedLoaderTest {

    public static class SeedEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sudia.seed.enabled", "true");
        }
    }

    @Inject
    SeedLoader loader;

    @Test
    void theRealSchemesAreLoadedAtStartWithTheFiguresOfTheDocumentsOnly() {
        int expected = loader.read().size();
        JsonPath catalogue = given().queryParam("limit", 100).get("/api/v1/schemes").then().statusCode(200).extract().jsonPath();
        assertEquals(expected, catalogue.getInt("total"));

        Map<String, Object> assistant = byName(catalogue, "Mon assistant IA");
        assertEquals(300_000, assistant.get("envelopeEur"));
        assertEquals(List.of("TPE"), ((Map<?, ?>) assistant.get("conditions")).get("companyCategories"));
        assertEquals(2_000_000, byName(catalogue, "Fonds d'Innovation pour la Formation (FIF) — formations en IA").get("envelopeEur"));
        Map<String, Object> excellence = byName(catalogue, "Fonds « excellence IA »");
        assertEquals(100_000, excellence.get("envelopeEur"));
        assertEquals(true, excellence.get("envelopePerYear"));
        assertEquals(25_000_000, byName(catalogue, "IA Booster").get("envelopeEur"));
        assertEquals(24, byName(catalogue, "Sud Accélérateur — module de formation et de transformation par les IA").get("durationMonths"));
        assertEquals(List.of("INDIVIDUAL"), ((Map<?, ?>) excellence.get("conditions")).get("beneficiaryTypes"));
        // The schemes of Mesures 4 and 17 and the national calls the plan's annex cites.
        Map<String, Object> territories = byName(catalogue, "Parcours Sud, territoires intelligents innovants et durables");
        assertEquals(List.of("LOCAL_AUTHORITY"), ((Map<?, ?>) territories.get("conditions")).get("beneficiaryTypes"));
        assertEquals(List.of("RESEARCH_ORGANIZATION"), ((Map<?, ?>) byName(catalogue, "AAP recherche régional").get("conditions")).get("beneficiaryTypes"));
        byName(catalogue, "Plateau d'accélération des OIR");
        byName(catalogue, "AAP Démonstrateurs d'IA frugale pour la transition écologique des territoires");
        assertEquals(40_000_000, byName(catalogue, "AAP Communs numériques pour l'IA générative").get("envelopeEur"));
        assertEquals(40_000_000, byName(catalogue, "AAP IA embarquée").get("envelopeEur"));
        for (Map<String, Object> scheme : catalogue.<Map<String, Object>>getList("items")) {
            assertNull(scheme.get("amountMinEur"), "no per-company amount is given by the documents");
            assertNull(scheme.get("amountMaxEur"));
            assertNull(scheme.get("fundingRatePercent"));
        }
    }

    @Test
    void loadingAgainAddsNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Scheme.count());
        assertEquals(0, loader.loadIfEmpty());
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Scheme.count()));
    }

    @Test
    void everySeedSchemeHasTheLevelsOfThePlan() {
        List<SchemeInput> schemes = loader.read();
        assertTrue(schemes.stream().anyMatch(s -> s.level().name().equals("REGION")));
        assertTrue(schemes.stream().anyMatch(s -> s.level().name().equals("STATE")));
        assertTrue(schemes.stream().anyMatch(s -> s.level().name().equals("EUROPE")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byName(JsonPath catalogue, String name) {
        return (Map<String, Object>) catalogue.getList("items", Map.class).stream()
                .filter(item -> name.equals(item.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is in the catalogue"));
    }
}
