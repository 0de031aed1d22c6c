package fr.sudia.events.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import fr.sudia.events.Fixtures;
import fr.sudia.platform.testing.Browsers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The widget as a partner uses it: a page served from another origin embeds it in two lines, and headless
 * Chromium (platform-testing {@link Browsers}: Debian's, nothing is downloaded) shows the events; axe-core checks
 * WCAG 2.1 levels A and AA (the RGAA 4 follows WCAG 2.1 AA).
 */
@QuarkusTest
class WidgetBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void theWidgetIsSmall() throws Exception {
        byte[] script = given().get("/feeds/widget.js").then().statusCode(200).contentType("text/javascript")
                .extract().asByteArray();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(script);
        }
        assertTrue(gzipped.size() < 10 * 1024, gzipped.size() + " bytes gzipped");
        given().get("/feeds/embed.html").then().statusCode(200).contentType("text/html");
        given().get("/feeds/widget.html").then().statusCode(200).contentType("text/html");
    }

    @Test
    void aPartnerPageOnAnotherOriginShowsTheUpcomingEvents() throws Exception {
        String tag = "w" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.published("WAICF 2027", "2027-02-11T08:00:00Z", "2027-02-12T17:00:00Z", ",\"tags\":[\"" + tag + "\"]");
        Fixtures.published("IA Dates : IA et santé", "2027-01-12T17:30:00Z", "2027-01-12T19:30:00Z",
                ",\"tags\":[\"" + tag + "\"]");
        String base = service.toString().replace("127.0.0.1", "localhost");
        String page = """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title></head>
                <body><h1>Site partenaire</h1>
                <script src="%sfeeds/widget.js" async></script>
                <sudia-events count="5" tag="%s" theme="#c1121f"></sudia-events>
                </body></html>""".formatted(base, tag);
        HttpServer partner = Browsers.partnerSite(page);
        ChromeDriver driver = Browsers.chromium();
        try {
            driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
            SearchContext shadow = driver.findElement(By.tagName("sudia-events")).getShadowRoot();
            List<WebElement> items = new WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(d -> {
                        List<WebElement> found = shadow.findElements(By.cssSelector("li"));
                        return found.size() == 2 ? found : null;
                    });
            assertTrue(items.get(0).getText().contains("IA Dates : IA et santé"), items.get(0).getText());
            assertTrue(items.get(1).getText().contains("WAICF 2027"), items.get(1).getText());
            assertTrue(items.get(1).getText().contains("Biot"), items.get(1).getText());
            assertEquals(0, driver.findElements(By.cssSelector("li")).size(), "the list lives in the shadow DOM only");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path artifact = Path.of("target", "widget-screenshot.png");
            Files.copy(shot.toPath(), artifact, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(artifact) > 1000);
        } finally {
            driver.quit();
            partner.stop(0);
        }
    }

    @Test
    void aVisitorBooksASeatFromAPartnerPageWithTheKeyboard() throws Exception {
        UUID organization = UUID.randomUUID();
        String tag = "b" + UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant start = java.time.Instant.now().plus(3, java.time.temporal.ChronoUnit.DAYS)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String eventId = Fixtures.published("Atelier IA pour tous", start.toString(),
                start.plus(2, java.time.temporal.ChronoUnit.HOURS).toString(),
                ",\"tags\":[\"" + tag + "\"],\"organizerId\":\"" + organization + "\"").path("id");
        given().auth().oauth2(Fixtures.partner(organization)).contentType("application/json")
                .body("{\"capacity\":2,\"groupsAllowed\":false,\"waitlist\":true,\"measures\":[7]}")
                .put("/api/v1/events/" + eventId + "/registration").then().statusCode(200);
        String base = service.toString().replace("127.0.0.1", "localhost");
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
                <style>sudia-events { --sudia-accent: rgb(0, 100, 0); }</style></head>
                <body><h1>Partner site</h1>
                <script src="%sfeeds/widget.js" async></script>
                <sudia-events count="5" tag="%s" lang="en"></sudia-events>
                </body></html>""".formatted(base, tag);
        HttpServer partner = Browsers.partnerSite(page);
        ChromeDriver driver = Browsers.chromium();
        try {
            driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
            SearchContext shadow = driver.findElement(By.tagName("sudia-events")).getShadowRoot();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            WebElement book = wait.until(d -> shadow.findElements(By.cssSelector("button[part='book-button']")).stream()
                    .findFirst().orElse(null));
            assertEquals("2 seats left", shadow.findElement(By.cssSelector("[part='seats']")).getText());
            // English content, themed by the partner's CSS custom property, a link that says it opens a new window.
            assertEquals("en", shadow.findElement(By.cssSelector("section")).getAttribute("lang"));
            assertEquals("rgba(0, 100, 0, 1)", shadow.findElement(By.cssSelector("h2")).getCssValue("color"));
            assertEquals("Atelier IA pour tous (opens in a new window)",
                    shadow.findElement(By.cssSelector("li a")).getAttribute("aria-label"));
            assertEquals("Book", book.getText());
            book.sendKeys(org.openqa.selenium.Keys.ENTER);
            WebElement name = wait.until(d -> shadow.findElements(By.cssSelector("form input[name='name']")).stream()
                    .findFirst().orElse(null));
            assertEquals("true", book.getAttribute("aria-expanded"));
            name.sendKeys("Léa Visiteuse");
            shadow.findElement(By.cssSelector("input[name='email']")).sendKeys("lea@example.org");
            shadow.findElement(By.cssSelector("input[name='postcode']")).sendKeys("06410");
            shadow.findElement(By.cssSelector("input[name='consent']")).sendKeys(org.openqa.selenium.Keys.SPACE);
            shadow.findElement(By.cssSelector("input[name='postcode']")).sendKeys(org.openqa.selenium.Keys.ENTER);
            WebElement result = wait.until(d -> shadow.findElements(By.cssSelector(".result")).stream()
                    .filter(r -> r.getText().startsWith("Booking confirmed")).findFirst().orElse(null));
            assertTrue(result.getText().matches("(?s)Booking confirmed\\. Your code: [2-9A-Z]{8}\\..*"), result.getText());
            assertEquals("polite", result.getAttribute("aria-live"));
            given().auth().oauth2(Fixtures.partner(organization)).get("/api/v1/events/" + eventId + "/occurrences/" + start + "/registrants")
                    .then().statusCode(200).body("items.name", org.hamcrest.Matchers.equalTo(List.of("Léa Visiteuse")))
                    .body("items.status", org.hamcrest.Matchers.equalTo(List.of("CONFIRMED")))
                    .body("items.audience", org.hamcrest.Matchers.equalTo(List.of("PUPIL")));
        } finally {
            driver.quit();
            partner.stop(0);
        }
    }

    @Test
    void axeFindsNoLevelAOrAAViolationInFrenchEnglishAndACustomTheme() throws Exception {
        String tag = bookableAndPlainEvents("a", 5, "Atelier accessible");
        String base = service.toString().replace("127.0.0.1", "localhost");
        // French by the page's language (no lang attribute on the widget), English by its attribute on a French page,
        // English by the page's language, and a partner's theme (custom properties and ::part()).
        String[][] pages = {
                { "fr", "", "", "fr", "Réserver" },
                { "fr", "lang=\"en\"", "", "en", "Book" },
                { "en", "", "", "en", "Book" },
                { "fr", "", """
                        sudia-events { --sudia-accent: #6a1b9a; --sudia-text: #1b1b1b; --sudia-muted: #3d3d3d;
                          --sudia-background: #fdf6e3; --sudia-border: #6a1b9a; --sudia-font: 16px/1.5 Georgia, serif;
                          --sudia-focus: #000; }
                        sudia-events::part(heading) { text-transform: uppercase; }
                        sudia-events::part(item) { padding: 12px 0; }""", "fr", "Réserver" } };
        for (String[] variant : pages) {
            String page = """
                    <!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>Partenaire</title>
                    <style>%s</style></head>
                    <body><main><h1>Site partenaire</h1>
                    <script src="%sfeeds/widget.js" async></script>
                    <sudia-events count="5" tag="%s" %s></sudia-events>
                    </main></body></html>""".formatted(variant[0], variant[2], base, tag, variant[1]);
            HttpServer partner = Browsers.partnerSite(page);
            ChromeDriver driver = Browsers.chromium();
            try {
                driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
                SearchContext shadow = driver.findElement(By.tagName("sudia-events")).getShadowRoot();
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                WebElement book = wait.until(d -> shadow.findElements(By.cssSelector("button[part='book-button']")).stream()
                        .findFirst().orElse(null));
                assertEquals(variant[3], shadow.findElement(By.cssSelector("section")).getAttribute("lang"));
                assertEquals(variant[4], book.getText());
                String dates = shadow.findElements(By.cssSelector("time")).get(1).getText();
                assertTrue(dates.contains(variant[3].equals("fr") ? "février" : "February"), dates);
                assertEquals(List.of(), Browsers.accessibilityViolations(driver, Browsers.WCAG_A_AA), "list, " + String.join(" ", variant));
                // The booking form, open, is checked too.
                book.click();
                wait.until(d -> shadow.findElements(By.cssSelector("form input[name='name']")).stream().findFirst().orElse(null));
                assertEquals(List.of(), Browsers.accessibilityViolations(driver, Browsers.WCAG_A_AA), "booking form, " + String.join(" ", variant));
                if (!variant[2].isEmpty()) {
                    assertEquals("rgba(106, 27, 154, 1)", shadow.findElement(By.cssSelector("h2")).getCssValue("color"));
                    assertEquals("rgba(253, 246, 227, 1)",
                            shadow.findElement(By.cssSelector("section")).getCssValue("background-color"));
                    assertEquals("uppercase", shadow.findElement(By.cssSelector("h2")).getCssValue("text-transform"));
                }
            } finally {
                driver.quit();
                partner.stop(0);
            }
        }
    }

    @Test
    void theEmptyAndLoadingStatesAreAnnouncedAndAxeFindsNoViolation() throws Exception {
        String base = service.toString().replace("127.0.0.1", "localhost");
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
                <body><main><h1>Partner site</h1>
                <script src="%sfeeds/widget.js" async></script>
                <sudia-events tag="none-%s"></sudia-events>
                </main></body></html>""".formatted(base, UUID.randomUUID());
        HttpServer partner = Browsers.partnerSite(page);
        ChromeDriver driver = Browsers.chromium();
        try {
            driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
            SearchContext shadow = driver.findElement(By.tagName("sudia-events")).getShadowRoot();
            WebElement empty = new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> shadow
                    .findElements(By.cssSelector("section p[role='status']")).stream().findFirst().orElse(null));
            assertEquals("No upcoming event.", empty.getText());
            assertEquals(List.of(), Browsers.accessibilityViolations(driver, Browsers.WCAG_A_AA));
        } finally {
            driver.quit();
            partner.stop(0);
        }
    }

    @Test
    void theKeyboardReachesEveryLinkAndButtonWithAVisibleFocus() throws Exception {
        String tag = bookableAndPlainEvents("k", 4, "Atelier clavier");
        String base = service.toString().replace("127.0.0.1", "localhost");
        String page = """
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title></head>
                <body><main><h1>Site partenaire</h1>
                <script src="%sfeeds/widget.js" async></script>
                <sudia-events count="5" tag="%s"></sudia-events>
                </main></body></html>""".formatted(base, tag);
        HttpServer partner = Browsers.partnerSite(page);
        ChromeDriver driver = Browsers.chromium();
        try {
            driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
            SearchContext shadow = driver.findElement(By.tagName("sudia-events")).getShadowRoot();
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> shadow
                    .findElements(By.cssSelector("button[part='book-button']")).stream().findFirst().orElse(null));
            // Tab after Tab from the top of the page: the event link, its Book button, the next event's link, the
            // subscription link; each with a focus ring drawn (an outline of at least 2px).
            List<String> reached = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> focused = (java.util.Map<String, Object>) driver.executeScript("""
                        var host = document.activeElement;
                        var e = host && host.shadowRoot ? host.shadowRoot.activeElement : host;
                        if (!e) return {};
                        var style = getComputedStyle(e);
                        return { tag: e.tagName, text: e.textContent, outline: style.outlineStyle,
                                 width: parseFloat(style.outlineWidth), visible: e.matches(':focus-visible') };""");
                reached.add(focused.get("tag") + " " + focused.get("text"));
                assertEquals(Boolean.TRUE, focused.get("visible"), "focus visible on " + focused);
                assertEquals("solid", focused.get("outline"), "outline on " + focused);
                assertTrue(((Number) focused.get("width")).doubleValue() >= 2, "outline width on " + focused);
            }
            assertEquals(List.of("A Atelier clavier", "BUTTON Réserver", "A WAICF 2027", "A S'abonner (iCal)"), reached);
        } finally {
            driver.quit();
            partner.stop(0);
        }
    }

    /**
     * Under a fresh tag: a bookable event (10 seats, waitlist) {@code days} from now and WAICF 2027 without
     * registration; returns the tag.
     */
    private static String bookableAndPlainEvents(String prefix, int days, String title) {
        UUID organization = UUID.randomUUID();
        String tag = prefix + UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant start = java.time.Instant.now().plus(days, java.time.temporal.ChronoUnit.DAYS)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String bookable = Fixtures.published(title, start.toString(),
                start.plus(2, java.time.temporal.ChronoUnit.HOURS).toString(),
                ",\"tags\":[\"" + tag + "\"],\"organizerId\":\"" + organization + "\"").path("id");
        given().auth().oauth2(Fixtures.partner(organization)).contentType("application/json")
                .body("{\"capacity\":10,\"groupsAllowed\":false,\"waitlist\":true,\"measures\":[7]}")
                .put("/api/v1/events/" + bookable + "/registration").then().statusCode(200);
        Fixtures.published("WAICF 2027", "2027-02-11T08:00:00Z", "2027-02-12T17:00:00Z", ",\"tags\":[\"" + tag + "\"]");
        return tag;
    }
}
