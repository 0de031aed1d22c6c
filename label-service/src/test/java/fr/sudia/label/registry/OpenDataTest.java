package fr.sudia.label.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import fr.sudia.label.support.Fixtures;
import fr.sudia.platform.testing.OpenDataDownloads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The label register as open data: licence headers, caching, and files that parse whatever a holder is called. */
@QuarkusTest
class OpenDataTest {

    static final String HOSTILE = "=cmd|' /C calc'!A0 \"Labo\", Nice\nsuite\u0007";

    @Inject
    LabelIndex index;

    @Test
    void theRegisterDownloadsParseCarryTheLicenceAndKeepAHostileNameInert() {
        String number = Fixtures.labelledOrganization(HOSTILE, "@Nice");
        Fixtures.labelAction(Fixtures.labelledOrganization("Open data suspended", "Biot"), "suspension", Map.of("reason", "Contrôle"));
        index.refresh();

        List<CSVRecord> rows = OpenDataDownloads.csv("/api/v1/open-data/labels.csv", OpenDataResource.LABELS.header());
        CSVRecord hostile = rows.stream().filter(r -> r.get("labelNumber").equals(number)).findFirst().orElseThrow();
        assertEquals("'=cmd|' /C calc'!A0 \"Labo\", Nice\nsuite", hostile.get("holderName"));
        assertEquals("'@Nice", hostile.get("holderCity"));
        assertEquals("VALID", hostile.get("status"));
        assertTrue(rows.stream().anyMatch(r -> r.get("status").equals("SUSPENDED")), "every status is in the register");

        JsonPath json = OpenDataDownloads.json("/api/v1/open-data/labels.json");
        assertEquals(rows.size(), json.getList("items").size());
        assertTrue(json.getList("items.labelNumber").contains(number));
    }
}
