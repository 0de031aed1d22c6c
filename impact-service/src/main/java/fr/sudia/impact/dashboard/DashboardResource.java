package fr.sudia.impact.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The public dashboard page (its script and style are static files beside it, under {@code /impact/}). The page is
 * rendered here only for what the server knows: the visitor's language (so that {@code lang} is right before any
 * script runs), where the API is (through the gateway or not) and which ECharts version the build brought.
 */
@Path("/impact")
@ApplicationScoped
@PermitAll
public class DashboardResource {

    private static final String ECHARTS_POM = "META-INF/maven/org.mvnpm/echarts/pom.properties";

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "fr", Map.of("title", "Les indicateurs de l’IA en Région Sud",
                    "intro", "Ce que la plateforme Sud IA mesure du Plan Sud pour des intelligences artificielles, à côté des chiffres déclarés par leurs sources.",
                    "languageLabel", "Langue", "otherLanguage", "English",
                    "figuresTitle", "Chiffres clés", "seriesTitle", "Évolution", "indicatorLabel", "Indicateur",
                    "tableSummary", "Les mêmes données en tableau", "departmentsTitle", "Par département",
                    "licence", "Données sous Licence Ouverte / Open Licence 2.0"),
            "en", Map.of("title", "AI indicators of the Région Sud",
                    "intro", "What the Sud IA platform measures of the regional AI plan, beside the figures their sources declare.",
                    "languageLabel", "Language", "otherLanguage", "Français",
                    "figuresTitle", "Key figures", "seriesTitle", "Over time", "indicatorLabel", "Indicator",
                    "tableSummary", "The same data as a table", "departmentsTitle", "By department",
                    "licence", "Data under the Licence Ouverte / Open Licence 2.0"));

    private final String template;
    private final String apiBase;
    private final String echarts;

    DashboardResource(@ConfigProperty(name = "sudia.impact.dashboard.api-base") String apiBase) {
        this.apiBase = apiBase;
        this.template = resource("dashboard/index.html");
        this.echarts = "echarts-" + echartsVersion() + ".min.js";
    }

    @GET
    @Path("/")
    @Produces("text/html;charset=utf-8")
    @Operation(hidden = true)
    public Response page(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        String html = template;
        for (Map.Entry<String, String> text : TEXTS.get(language).entrySet()) {
            html = html.replace("${" + text.getKey() + "}", text.getValue());
        }
        String other = language.equals("fr") ? "en" : "fr";
        html = html.replace("${lang}", language).replace("${otherLang}", other).replace("${apiBase}", apiBase)
                .replace("${echarts}", echarts);
        return Response.ok(html).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).cacheControl(shortly()).build();
    }

    /** The charting library, under a name that changes with its version: cached for a year. */
    @GET
    @Path("/echarts-{version}.min.js")
    @Produces("text/javascript")
    @Operation(hidden = true)
    public Response echarts(@jakarta.ws.rs.PathParam("version") String version) {
        if (!echarts.equals("echarts-" + version + ".min.js")) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        InputStream script = getClass().getClassLoader()
                .getResourceAsStream("META-INF/resources/_static/echarts/" + version + "/dist/echarts.min.js");
        CacheControl year = new CacheControl();
        year.setMaxAge(365 * 24 * 3600);
        year.setNoTransform(false);
        return Response.ok(script).cacheControl(year).build();
    }

    /** {@code ?lang=} first, then the browser's preference, French by default. */
    static String language(String lang, String acceptLanguage) {
        if (lang != null && TEXTS.containsKey(lang)) {
            return lang;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (TEXTS.containsKey(primary)) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return "fr";
            }
        }
        return "fr";
    }

    private static CacheControl shortly() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge(300);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }

    private static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream(ECHARTS_POM)) {
            if (in == null) {
                throw new IllegalStateException("ECharts (org.mvnpm:echarts) is missing from the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = DashboardResource.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
