package fr.sudia.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.sudia.platform.security.ProductionSecretsGuard;

/**
 * The services run their prod profile in every overlay, where ProductionSecretsGuard refuses development settings at
 * start: what the manifests give them (environment, ConfigMap, secrets) on top of the services' own properties must
 * pass it, or the pods would never start.
 */
class ProductionConfigTest {

    static final List<String> SERVICES = List.of("directory-service", "events-service", "funding-guichet-service",
            "label-service", "impact-service", "notification-service");

    static List<String> overlays() {
        return Manifests.overlays();
    }

    /**
     * A service's configuration as Quarkus would resolve it in the pod, for the settings the guard reads: the
     * environment first (MP_JWT_VERIFY_ISSUER for mp.jwt.verify.issuer), then the service's application.properties,
     * then platform/core's defaults, each with %prod first. A value from a secret stands for itself.
     */
    static Function<String, Optional<String>> configOf(List<ObjectNode> documents, String service) {
        JsonNode container = Manifests.find(documents, "Deployment", service).orElseThrow()
                .at("/spec/template/spec/containers/0");
        Map<String, String> env = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.at("/configMapRef/name").asText();
            Manifests.find(documents, "ConfigMap", configMap).orElseThrow().path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.at("/valueFrom/secretKeyRef");
            env.put(variable.path("name").asText(), secret.isMissingNode() ? variable.path("value").asText()
                    : "<secret " + secret.path("name").asText() + "/" + secret.path("key").asText() + ">");
        }
        Properties own = properties(Repository.ROOT.resolve(service + "/src/main/resources/application.properties"));
        Properties platform = properties(
                Repository.ROOT.resolve("platform/core/src/main/resources/META-INF/microprofile-config.properties"));
        return name -> {
            String variable = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
            if (env.containsKey(variable)) {
                return Optional.of(env.get(variable));
            }
            for (Properties source : List.of(own, platform)) {
                String value = Optional.ofNullable(source.getProperty("%prod." + name)).orElse(source.getProperty(name));
                if (value != null) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        };
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceStartsWithWhatTheOverlayGivesIt(String overlay) {
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            Function<String, Optional<String>> config = configOf(Manifests.render(overlay), service);
            assertEquals(Optional.of("true"), config.apply("sudia.production-guard.enabled"), service);
            ProductionSecretsGuard.problems(config).forEach(p -> problems.add(service + ": " + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theDatabasePasswordAndTheCredentialKeyComeFromSecrets() {
        List<ObjectNode> documents = Manifests.render("prod");
        for (String service : SERVICES) {
            assertTrue(configOf(documents, service).apply("quarkus.datasource.password").orElseThrow().startsWith("<secret "),
                    service);
        }
        assertEquals(Optional.of("/etc/sudia/label-credential/key.jwk"),
                configOf(documents, "label-service").apply("sudia.label.credential.key-file"));
    }

    @Test
    void anHttpJwksUrlOrADevelopmentIssuerInTheOverlayWouldStopTheServices() {
        List<ObjectNode> documents = Manifests.copy(Manifests.render("prod"));
        ObjectNode data = (ObjectNode) Manifests.find(documents, "ConfigMap", "platform-config").orElseThrow().path("data");
        data.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://keycloak.keycloak.svc:8080/realms/sudia/protocol/openid-connect/certs");
        data.put("MP_JWT_VERIFY_ISSUER", "urn:sud-ia:dev");
        List<String> problems = ProductionSecretsGuard.problems(configOf(documents, "events-service"));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("MP_JWT_VERIFY_ISSUER") && problems.get(1).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                problems.toString());
    }
}
