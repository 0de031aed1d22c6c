package fr.sudia.events.feed;

import static fr.sudia.events.Fixtures.EDITOR;
import static fr.sudia.events.Fixtures.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.sudia.events.Fixtures;
import fr.sudia.events.event.Event;
import fr.sudia.events.organizer.Organizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Links and texts that would break a document: refused when submitted, and written safely (or left out alone) when
 * a row already holds them, as rows stored before the checks may.
 */
@QuarkusTest
class HostileValuesTest {

    /** Links java.net.URI refuses, or that are not http(s). */
    static final List<String> BAD_URLS = List.of("https://example.org/a|b", "https://example.org/a b",
            "https://example.org/\"quoted\"", "https://example.org/<script>", "javascript:alert(1)", "https:///nohost",
            "https://example.org/\u0001");

    /** Text with control characters, as JSON escapes. */
    static final List<String> BAD_TEXTS = List.of("nul\\u0000byte", "bell\\u0007", "unit\\u001fsep", "lone\\rcr",
            "vtab\\u000b", "escape\\u001b[31m");

    @Test
    void hostileLinksAndTextsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> Event.count());
        Map<String, String> cases = new LinkedHashMap<>();
        for (String url : BAD_URLS) {
            String json = url.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0001", "\\u0001");
            cases.put("url|" + url, ",\"url\":\"" + json + "\"");
            cases.put("onlineUrl|" + url, ",\"onlineUrl\":\"" + json + "\"");
            cases.put("registrationUrl|" + url, ",\"registrationUrl\":\"" + json + "\"");
        }
        for (String text : BAD_TEXTS) {
            cases.put("descriptionFr|" + text, ",\"descriptionFr\":\"" + text + "\"");
            cases.put("tags[1]|" + text, ",\"tags\":[\"ok\",\"" + text + "\"]");
            cases.put("venue.city|" + text, ",\"venue\":{\"city\":\"" + text + "\"}");
            cases.put("titleEn|" + text, ",\"titleEn\":\"" + text + "\"");
        }
        cases.forEach((key, extra) -> {
            String field = key.substring(0, key.indexOf('|'));
            given().auth().oauth2(EDITOR).contentType("application/json")
                    .body(event("Hostile", "2027-06-08T16:00:00Z", "2027-06-08T18:00:00Z", extra))
                    .post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(field));
        });
        // A title with the control character in the first member, and a series' website, on another resource.
        given().auth().oauth2(EDITOR).contentType("application/json")
                .body(event("Titre\\u0000nul", "2027-06-08T16:00:00Z", "2027-06-08T18:00:00Z", ""))
                .post("/api/v1/events").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("titleFr"));
        given().auth().oauth2(EDITOR).contentType("application/json")
                .body("{\"name\":\"Série\",\"website\":\"https://example.org/a|b\"}")
                .post("/api/v1/series").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("website"));
        // A raw NUL byte is not JSON at all: still a 400 problem, naming the field it stood in.
        given().auth().oauth2(EDITOR).contentType("application/json")
                .body(event("Titre\u0000brut", "2027-06-08T16:00:00Z", "2027-06-08T18:00:00Z", "")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("titleFr"));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> Event.count()));
        // Outside a body too: a NUL in a search never reaches PostgreSQL as a 500.
        for (String path : List.of("/api/v1/events", "/feeds/events.json")) {
            given().queryParam("q", "ia\u0000sant\u00e9").get(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }

        // Tab, line feed and CRLF are text: a multi-line description goes through.
        Fixtures.published("Multi-ligne", "2027-06-08T16:00:00Z", "2027-06-08T18:00:00Z",
                ",\"descriptionFr\":\"Programme :\\r\\n\\t- accueil\\n\\t- ateliers\"");
    }

    @Test
    void feedsStayValidWhenStoredRowsHoldHostileValues() throws Exception {
        String tag = IcsFeedTest.tag();
        String tags = ",\"tags\":[\"" + tag + "\"]";
        UUID organizer = UUID.randomUUID();
        String good = Fixtures.published("Un bon événement", "2027-07-06T16:00:00Z", "2027-07-06T18:00:00Z", tags)
                .path("id");
        List<String> hostile = new ArrayList<>();
        for (int i = 0; i < BAD_URLS.size(); i++) {
            hostile.add(Fixtures.published("Hostile " + i, "2027-07-07T16:00:00Z", "2027-07-07T18:00:00Z", tags)
                    .path("id"));
        }
        String unwritable = Fixtures.published("Zone perdue", "2027-07-08T16:00:00Z", "2027-07-08T18:00:00Z", tags)
                .path("id");
        String longText = "Rencontre « IA et santé » à Nice — ".repeat(12) + "🤖".repeat(30);
        // Stored as a row written before today's checks would hold them.
        QuarkusTransaction.requiringNew().run(() -> {
            Organizer org = new Organizer();
            org.id = organizer;
            org.name = "Org\u0001 </script><!-- \r";
            org.website = "javascript:alert(1)";
            org.updatedAt = OffsetDateTime.now();
            org.persist();
            for (int i = 0; i < hostile.size(); i++) {
                Event e = Event.findById(UUID.fromString(hostile.get(i)));
                e.url = BAD_URLS.get(i);
                e.onlineUrl = BAD_URLS.get((i + 1) % BAD_URLS.size());
                e.registrationUrl = BAD_URLS.get((i + 2) % BAD_URLS.size());
                e.titleFr = "Titre\u0001\u0007 </script> " + i + "\r" + (i == 0 ? longText : "");
                e.titleEn = "Title\u001b[31m " + i;
                e.descriptionFr = "Ligne\rseule\u000b\u000c; virgule, antislash \\ " + longText;
                e.venueName = "Salle\u0002 <b>&amp;</b>";
                e.tags = new ArrayList<>(List.of(tag, "mauvais\u0007tag", "\u0003"));
                e.organizerId = organizer;
            }
            Event.<Event>findById(UUID.fromString(unwritable)).timeZone = "Mars/Olympus_Mons";
        });

        for (String lang : List.of("fr", "en")) {
            String ics = given().queryParam("tag", tag).queryParam("from", "2027-07-01").queryParam("lang", lang)
                    .get("/feeds/events.ics").then().statusCode(200).contentType("text/calendar").extract().asString();
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            ValidationResult result = calendar.validate();
            assertFalse(result.hasErrors(), result + "\n" + ics);
            for (String line : ics.split("\r\n")) {
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
                assertFalse(line.chars().anyMatch(c -> c < 0x20 && c != '\t'), line);
            }
            assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
            assertTrue(ics.replaceAll("\r\n", "").indexOf('\r') < 0 && ics.replaceAll("\r\n", "").indexOf('\n') < 0);
            List<String> uids = calendar.<VEvent>getComponents("VEVENT").stream()
                    .map(v -> v.getProperty(Property.UID).orElseThrow().getValue()).toList();
            List<String> expected = new ArrayList<>(List.of(good));
            expected.addAll(hostile);
            assertEquals(expected.stream().map(id -> id + "@events.sud-ia.fr").sorted().toList(), uids.stream().sorted().toList(),
                    "every event but the one whose zone no longer exists");
            VEvent first = calendar.<VEvent>getComponents("VEVENT").stream()
                    .filter(v -> v.getProperty(Property.UID).orElseThrow().getValue().startsWith(hostile.get(0)))
                    .findFirst().orElseThrow();
            // Unfolded and unescaped, the title is the stored one without its control characters.
            if (lang.equals("fr")) {
                assertEquals("Titre </script> 0 " + longText, first.getProperty(Property.SUMMARY).orElseThrow().getValue());
                assertEquals("Ligne\nseule; virgule, antislash \\ " + longText,
                        first.getProperty(Property.DESCRIPTION).orElseThrow().getValue());
            }
            // A link java.net.URI refuses gives way to the event's page.
            assertTrue(first.getProperty(Property.URL).orElseThrow().getValue()
                    .matches("https?://[^|\\s\"<>]+/api/events/v1/events/" + hostile.get(0)));
        }

        for (String lang : List.of("fr", "en")) {
            byte[] atom = given().queryParam("tag", tag).queryParam("from", "2027-07-01").queryParam("lang", lang)
                    .get("/feeds/events.atom").then().statusCode(200).contentType("application/atom+xml").extract()
                    .asByteArray();
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setNamespaceAware(true);
            Document document = xml.newDocumentBuilder().parse(new ByteArrayInputStream(atom));
            NodeList entries = document.getElementsByTagNameNS("*", "entry");
            assertEquals(1 + hostile.size(), entries.getLength(), new String(atom, StandardCharsets.UTF_8));
            assertFalse(new String(atom, StandardCharsets.UTF_8).contains("javascript:"));

            byte[] rss = given().queryParam("tag", tag).queryParam("from", "2027-07-01").queryParam("lang", lang)
                    .get("/feeds/events.rss").then().statusCode(200).contentType("application/rss+xml").extract()
                    .asByteArray();
            Document channel = xml.newDocumentBuilder().parse(new ByteArrayInputStream(rss));
            assertEquals("2.0", channel.getDocumentElement().getAttribute("version"));
            assertEquals(List.of("title", "link", "description"), List.of("title", "link", "description").stream()
                    .filter(name -> channel.getElementsByTagName(name).getLength() > 0).toList(),
                    "a channel needs its title, link and description");
            assertEquals(texts(document, "id").subList(1, entries.getLength() + 1), texts(channel, "guid"),
                    "RSS carries the same items as Atom, in the same order");
            assertFalse(new String(rss, StandardCharsets.UTF_8).contains("javascript:"));
        }

        ObjectMapper json = new ObjectMapper();
        for (String lang : List.of("fr", "en")) {
            byte[] body = given().queryParam("tag", tag).queryParam("from", "2027-07-01").queryParam("lang", lang)
                    .get("/feeds/events.json").then().statusCode(200).contentType("application/feed+json").extract()
                    .asByteArray();
            JsonNode feed = json.readTree(body);
            // The JSON feed has no use for the lost zone's name: that event is there too.
            assertEquals(2 + hostile.size(), feed.get("items").size());
            for (JsonNode item : feed.get("items")) {
                assertTrue(item.get("url").asText().startsWith("http"), item.toString());
                assertFalse(item.toString().matches("(?s).*\\\\u000[0-8bcef].*"), item.toString());
                item.get("tags").forEach(t -> assertFalse(t.asText().isBlank()));
            }
        }
    }

    @Test
    void jsonLdCannotCloseTheScriptElementItIsEmbeddedIn() throws Exception {
        UUID organizer = UUID.randomUUID();
        String id = Fixtures.published("IA Dates </script><script>alert(1)</script>", "2027-07-09T16:00:00Z",
                "2027-07-09T18:00:00Z", ",\"descriptionFr\":\"<!-- & 'quotes' \\u2028 line\"").path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Organizer org = new Organizer();
            org.id = organizer;
            org.name = "Org\u0001 </SCRIPT >";
            org.website = "https://example.org/a|b";
            org.updatedAt = OffsetDateTime.now();
            org.persist();
            Event.<Event>findById(UUID.fromString(id)).organizerId = organizer;
        });

        byte[] body = given().get("/api/v1/events/" + id + "/jsonld").then().statusCode(200)
                .contentType("application/ld+json").extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String forbidden : List.of("<", ">", "&", "'", "\u2028")) {
            assertFalse(text.contains(forbidden), forbidden + " in " + text);
        }
        assertTrue(text.contains("\\u003C/script\\u003E") || text.contains("\\u003c/script\\u003e"), text);
        JsonNode document = new ObjectMapper().readTree(body);
        assertEquals("IA Dates </script><script>alert(1)</script>", document.get("name").asText());
        assertEquals("<!-- & 'quotes' \u2028 line", document.get("description").asText());
        assertEquals("Org </SCRIPT >", document.get("organizer").get("name").asText());
        assertFalse(document.get("organizer").has("url"), "a link java.net.URI refuses is left out");
    }

    private static List<String> texts(Document document, String element) {
        NodeList nodes = document.getElementsByTagNameNS("*", element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
