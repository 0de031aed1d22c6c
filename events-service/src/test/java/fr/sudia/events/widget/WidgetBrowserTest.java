package fr.sudia.events.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import fr.sudia.events.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The widget as a partner uses it: a page served from another origin embeds it in two lines, and headless
 * Chromium (Debian's, driven by Debian's chromedriver: nothing is downloaded) shows the events.
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
        HttpServer partner = partnerSite(page);
        ChromeDriver driver = chromium();
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
        HttpServer partner = partnerSite(page);
        ChromeDriver driver = chromium();
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

    /** A partner's site: another origin (127.0.0.1, where the widget comes from localhost) serving one page. */
    private static HttpServer partnerSite(String page) throws java.io.IOException {
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partner.start();
        return partner;
    }

    private static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=900,700",
                "--user-data-dir=" + tempDir("chromium-profile"));
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    private static String tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
