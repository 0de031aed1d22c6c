package fr.sudia.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import com.sun.net.httpserver.HttpServer;

/**
 * Headless Chromium for the browser tests: Debian's Chromium driven by Debian's chromedriver (nothing is downloaded),
 * a partner's site on another origin, the page's errors, and an axe-core accessibility check (axe-core pinned in
 * platform/testing/a11y, the one version every browser test uses).
 */
public final class Browsers {

    /** The WCAG 2.1 levels A and AA. */
    public static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Browsers() {
    }

    public static ChromeDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900", "--user-data-dir=" + tempDir("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    /** A partner's site: another origin (127.0.0.1, where the tested service is reached as localhost) serving one page. */
    public static HttpServer partnerSite(String page) {
        try {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page logged at SEVERE level since the last call (script errors, failed requests). */
    public static List<String> pageErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /**
     * Runs axe-core on the page (shadow roots included) for the given tags and returns its violations as
     * "rule (impact): help at target summary" lines, empty when there is none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> accessibilityViolations(WebDriver driver, List<String> tags) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map(n => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""", tags);
        return (List<String>) result;
    }

    private static String axeSource;

    /**
     * axe-core as pinned in platform/testing/a11y (npm: the axe-core WebJar stopped at 4.6.3): installed there by
     * {@code deploy/local/stack test} before the build, or here by {@code npm ci} on a machine where it was not.
     */
    private static synchronized String axeSource() {
        if (axeSource == null) {
            try {
                Path a11y = a11yFolder();
                Path axe = a11y.resolve("node_modules/axe-core/axe.min.js");
                if (!Files.exists(axe)) {
                    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                            .directory(a11y.toFile()).inheritIO().start();
                    if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                        throw new IllegalStateException("npm ci in " + a11y + " (axe-core) failed");
                    }
                }
                axeSource = Files.readString(axe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return axeSource;
    }

    /** platform/testing/a11y of the checkout the tests run in (from a module's folder or the repository's root). */
    private static Path a11yFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path a11y = dir.resolve("platform/testing/a11y");
            if (Files.exists(a11y.resolve("package-lock.json"))) {
                return a11y;
            }
        }
        throw new IllegalStateException("platform/testing/a11y not found above " + Path.of("").toAbsolutePath());
    }

    private static String tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
