package fr.sudia.impact.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import fr.sudia.impact.support.Sources;
import fr.sudia.platform.testing.Browsers;
import fr.sudia.platform.testing.EmbeddedKafkaBroker;
import fr.sudia.platform.testing.InjectKafkaBroker;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The public dashboard and the embeddable indicator in headless Chromium: the numbers shown are the API's. */
@QuarkusTest
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL service;

    @InjectKafkaBroker
    EmbeddedKafkaBroker broker;

    @Inject
    EntityManager entityManager;

    @Test
    void theDashboardShowsTheApisFiguresInEnglishAndPassesTheAccessibilityCheck() {
        Sources sources = new Sources(broker, entityManager);
        sources.awaitProcessed(sources.attendance(UUID.randomUUID(), "2041-03-03T08:00:00Z", 1, 20, 15, "06088", "06", null));
        sources.awaitProcessed(sources.attendance(UUID.randomUUID(), "2041-05-05T08:00:00Z", 1, 9, 4, "83137", "83", null));

        ChromeDriver driver = Browsers.chromium();
        try {
            driver.get(service + "impact/?lang=en");
            new WebDriverWait(driver, PATIENCE).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
            assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals("AI indicators of the Région Sud", driver.getTitle());
            assertEquals("Indicators loaded.", driver.findElement(By.id("status")).getText());

            JsonPath dataset = given().get("/api/v1/open-data/indicators.json").then().statusCode(200).extract().jsonPath();
            List<String> ids = dataset.getList("indicators.indicator.id");
            List<WebElement> cards = driver.findElements(By.cssSelector("article.figure"));
            assertEquals(ids, cards.stream().map(card -> card.getDomAttribute("data-indicator")).toList());
            for (int i = 0; i < ids.size(); i++) {
                WebElement card = cards.get(i);
                long measured = dataset.getLong("indicators[" + i + "].figures.measured.value");
                WebElement shown = card.findElement(By.cssSelector(".measured data"));
                assertEquals(Long.toString(measured), shown.getDomAttribute("value"), ids.get(i));
                assertEquals(Long.toString(measured), shown.getText().replaceAll("\\D", ""), ids.get(i));
                assertEquals(dataset.getString("indicators[" + i + "].indicator.name.en"), card.findElement(By.tagName("h3")).getText());
                boolean hasTarget = dataset.get("indicators[" + i + "].figures.progress") != null;
                assertEquals(hasTarget, !card.findElements(By.tagName("progress")).isEmpty(), ids.get(i));
                assertEquals(dataset.getList("indicators[" + i + "].figures.declared").size(),
                        card.findElements(By.cssSelector(".declared")).size(), ids.get(i));
            }

            // The first indicator is charted; its table and the table by department say what the API says.
            String first = ids.get(0);
            JsonPath series = given().get("/api/v1/indicators/" + first + "/series?period=year").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(series.getList("points.value", Long.class).stream().map(String::valueOf).toList(),
                    driver.findElements(By.cssSelector("#series-table tbody td")).stream().map(td -> td.getDomAttribute("data-value")).toList());
            assertTrue(driver.findElement(By.cssSelector("#chart svg")).isDisplayed(), "ECharts drew the chart");
            assertEquals(departmentTotals(first), shownDepartments(driver));
            assertTrue(departmentTotals(first).get("06") >= 20, departmentTotals(first).toString());

            // Another indicator chosen with the keyboard redraws the tables from the API.
            WebElement select = driver.findElement(By.id("indicator"));
            select.sendKeys(Keys.END);
            String last = ids.get(ids.size() - 1);
            new WebDriverWait(driver, PATIENCE).until(d -> new Select(select).getFirstSelectedOption().getDomAttribute("value").equals(last)
                    && d.findElement(By.id("series-table-caption")).getText().startsWith(dataset.getString("indicators[" + (ids.size() - 1) + "].indicator.name.en")));

            assertEquals(List.of(), Browsers.pageErrors(driver));
            assertEquals(List.of(), Browsers.accessibilityViolations(driver, Browsers.WCAG_A_AA));
        } finally {
            driver.quit();
        }
    }

    @Test
    void theDashboardSpeaksTheVisitorsLanguageFrenchByDefault() {
        given().header("Accept-Language", "de-DE, en;q=0.8").get("/impact/").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<html lang=\"en\">"));
        given().get("/impact/").then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .body(org.hamcrest.Matchers.containsString("<html lang=\"fr\">"),
                        org.hamcrest.Matchers.containsString("Les indicateurs de l’IA en Région Sud"));
        given().header("Accept-Language", "&&&;q=x").get("/impact/?lang=xx").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<html lang=\"fr\">"));
        given().get("/impact/echarts-0.0.1.min.js").then().statusCode(404);
    }

    @Test
    void aPartnerPageShowsOneIndicatorWithTheEmbeddableElement() {
        Sources sources = new Sources(broker, entityManager);
        sources.awaitProcessed(sources.attendance(UUID.randomUUID(), "2042-02-02T08:00:00Z", 1, 7, 7, "13055", "13", null));
        JsonPath figures = given().get("/api/v1/open-data/indicators/pupils-made-aware.json").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*").extract().jsonPath();
        given().get("/api/v1/open-data/indicators/no-such-indicator.json").then().statusCode(404);
        long measured = figures.getLong("measured.value");
        String base = service.toString().replace("127.0.0.1", "localhost");
        HttpServer partner = Browsers.partnerSite("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
                <style>sudia-indicator { --sudia-accent: rgb(0, 90, 40); }</style></head>
                <body><main><h1>Partner site</h1>
                <sudia-indicator indicator="pupils-made-aware" api="%sapi/v1"></sudia-indicator></main>
                <script src="%simpact/indicator.js"></script>
                </body></html>""".formatted(base, base));
        ChromeDriver driver = Browsers.chromium();
        try {
            driver.get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
            SearchContext shadow = driver.findElement(By.tagName("sudia-indicator")).getShadowRoot();
            WebElement value = new WebDriverWait(driver, PATIENCE)
                    .until(d -> shadow.findElements(By.cssSelector("data")).stream().findFirst().orElse(null));
            assertEquals(Long.toString(measured), value.getDomAttribute("value"));
            assertEquals(figures.getString("name.en"), shadow.findElement(By.cssSelector("h2")).getText());
            assertEquals("en", shadow.findElement(By.cssSelector("section")).getDomAttribute("lang"));
            assertEquals("rgba(0, 90, 40, 1)", shadow.findElement(By.cssSelector("h2")).getCssValue("color"));
            assertTrue(shadow.findElement(By.cssSelector("a")).getText().contains("(new window)"));
            assertEquals(List.of(), Browsers.pageErrors(driver));
            assertEquals(List.of(), Browsers.accessibilityViolations(driver, Browsers.WCAG_A_AA));
        } finally {
            driver.quit();
            partner.stop(0);
        }
    }

    private Map<String, Long> departmentTotals(String indicator) {
        JsonPath byDepartment = given().get("/api/v1/indicators/" + indicator + "/series?period=year&breakdown=department")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Long> totals = new HashMap<>();
        for (Map<String, Object> point : byDepartment.<Map<String, Object>>getList("points")) {
            String key = point.get("key") == null ? "Not given" : point.get("key").toString();
            totals.merge(key, ((Number) point.get("value")).longValue(), Long::sum);
        }
        return totals;
    }

    private static Map<String, Long> shownDepartments(ChromeDriver driver) {
        Map<String, Long> shown = new HashMap<>();
        for (WebElement row : driver.findElements(By.cssSelector("#departments-table tbody tr"))) {
            shown.put(row.findElement(By.tagName("th")).getText(), Long.parseLong(row.findElement(By.tagName("td")).getDomAttribute("data-value")));
        }
        return shown;
    }
}
