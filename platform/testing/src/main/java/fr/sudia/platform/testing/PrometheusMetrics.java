package fr.sudia.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the running application shows Prometheus at {@code /q/metrics}, read as a scraper would. */
public final class PrometheusMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)",
            Pattern.MULTILINE);

    private final String text;

    private PrometheusMetrics(String text) {
        this.text = text;
    }

    public static PrometheusMetrics scrape() {
        return new PrometheusMetrics(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The names of every sample exposed. */
    public Set<String> names() {
        return SAMPLE.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /** The sum of the samples of this name whose labels contain {@code labelFilter} (empty: all). */
    public double sum(String name, String labelFilter) {
        double total = 0;
        boolean found = false;
        Matcher m = SAMPLE.matcher(text);
        while (m.find()) {
            String labels = m.group(2) == null ? "" : m.group(2);
            if (m.group(1).equals(name) && labels.contains(labelFilter)) {
                total += Double.parseDouble(m.group(3));
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("no sample " + name + labelFilter + " at /q/metrics");
        }
        return total;
    }

    public double value(String name) {
        return sum(name, "");
    }

    public String text() {
        return text;
    }
}
