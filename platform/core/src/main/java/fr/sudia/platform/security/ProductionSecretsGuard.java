package fr.sudia.platform.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses to start a service that runs in production with what only development may use: the development
 * token issuer, a verification key that is not fetched over HTTPS (the local stack's PEM file, the tests'
 * inline key), no audience check, a default database password, a setting the service needs in production
 * left unset (label-service: its credential-signing key), the development pseudonym key of erased people
 * ({@code sudia.privacy.pseudonym-key}) or a public URL on plain HTTP or localhost.
 *
 * <p>On when {@code sudia.production-guard.enabled} is true: the {@code prod} profile sets it; the {@code local}
 * profile ({@code QUARKUS_PROFILE=prod,local}, used by deploy/local/stack and the benches) turns it off.
 */
@ApplicationScoped
public class ProductionSecretsGuard {

    static final String ENABLED = "sudia.production-guard.enabled";
    static final String DEVELOPMENT_ISSUERS = "sudia.production-guard.development-issuers";
    static final String DEVELOPMENT_PASSWORDS = "sudia.production-guard.development-passwords";
    static final String REQUIRED = "sudia.production-guard.required";
    static final String PUBLIC_URLS = "sudia.production-guard.public-urls";

    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String SMALLRYE_KEY_LOCATION = "smallrye.jwt.verify.key.location";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String DATABASE_PASSWORD = "quarkus.datasource.password";
    static final String CORS_ORIGINS = "quarkus.http.cors.origins";
    static final String TRUST_ALL = "smallrye.jwt.client.tls.trust-all";
    static final String PSEUDONYM_KEY = "sudia.privacy.pseudonym-key";
    static final String DEVELOPMENT_PSEUDONYM_KEY = "development-only-pseudonym-key-never-in-production";
    static final int PSEUDONYM_KEY_MIN_LENGTH = 32;

    // Runs before the other start-up observers (seed loading, consumers); Flyway has already migrated by then.
    void onStart(@Observes @Priority(1) StartupEvent event, Config config) {
        if (!config.getOptionalValue(ENABLED, Boolean.class).orElse(false)) {
            return;
        }
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(message(problems));
        }
    }

    static String message(List<String> problems) {
        return "Refusing to start with development settings in production (profile prod). Fix each setting below "
                + "(environment variable in parentheses), or run with QUARKUS_PROFILE=prod,local on a developer machine:\n  - "
                + String.join("\n  - ", problems);
    }

    /** What is wrong with the given configuration for production; empty when nothing is. */
    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        Set<String> devIssuers = list(config, DEVELOPMENT_ISSUERS);
        Set<String> devPasswords = list(config, DEVELOPMENT_PASSWORDS);

        Optional<String> issuer = value(config, ISSUER);
        if (issuer.isEmpty()) {
            problems.add(named(ISSUER) + " is not set: give the OIDC provider's issuer");
        } else if (devIssuers.contains(issuer.get())) {
            problems.add(named(ISSUER) + " is the development issuer " + issuer.get() + ": give the OIDC provider's issuer");
        }
        if (value(config, INLINE_KEY).isPresent()) {
            problems.add(named(INLINE_KEY) + " holds a verification key (development and tests only): remove it and "
                    + "give the OIDC provider's JWKS URL in " + named(KEY_LOCATION));
        }
        Optional<String> location = value(config, KEY_LOCATION);
        if (location.isEmpty()) {
            problems.add(named(KEY_LOCATION) + " is not set: give the OIDC provider's JWKS URL (https://)");
        } else if (!isHttps(location.get())) {
            problems.add(named(KEY_LOCATION) + " is " + location.get() + ": the verification keys must be fetched "
                    + "from the OIDC provider over HTTPS (an https:// JWKS URL), not from a development key file or http://");
        }
        value(config, SMALLRYE_KEY_LOCATION).filter(l -> !isHttps(l)).ifPresent(l -> problems.add(
                named(SMALLRYE_KEY_LOCATION) + " is " + l + ": verification keys must come from an https:// URL"));
        value(config, TRUST_ALL).filter(Boolean::parseBoolean).ifPresent(v -> problems.add(named(TRUST_ALL)
                + " is true: the OIDC provider's certificate must be checked when its keys are fetched"));
        if (list(config, AUDIENCES).isEmpty()) {
            problems.add(named(AUDIENCES) + " is not set: tokens' audience must be checked");
        }
        Optional<String> password = value(config, DATABASE_PASSWORD);
        if (password.isEmpty()) {
            problems.add(named(DATABASE_PASSWORD) + " is not set: give the database password (from a Secret)");
        } else if (devPasswords.contains(password.get())) {
            problems.add(named(DATABASE_PASSWORD) + " is a default development password: give the database's own "
                    + "password (from a Secret)");
        }
        Optional<String> pseudonymKey = value(config, PSEUDONYM_KEY);
        if (pseudonymKey.isEmpty() || pseudonymKey.get().equals(DEVELOPMENT_PSEUDONYM_KEY)) {
            problems.add(named(PSEUDONYM_KEY) + (pseudonymKey.isEmpty() ? " is not set" : " is the development key")
                    + ": give the platform's own pseudonym key (from a Secret, the same for every service)");
        } else if (pseudonymKey.get().length() < PSEUDONYM_KEY_MIN_LENGTH) {
            problems.add(named(PSEUDONYM_KEY) + " is shorter than " + PSEUDONYM_KEY_MIN_LENGTH + " characters: give a "
                    + "random key (e.g. openssl rand -base64 32)");
        }
        for (String required : list(config, REQUIRED)) {
            if (value(config, required).isEmpty()) {
                problems.add(named(required) + " is not set: production needs it (without it the service uses a "
                        + "development default, e.g. a key generated at each start)");
            }
        }
        for (String setting : list(config, PUBLIC_URLS)) {
            value(config, setting).filter(url -> !isHttps(url) || isLocal(url)).ifPresent(url -> problems.add(
                    named(setting) + " is " + url + ": a public URL must be https:// and not localhost"));
        }
        list(config, CORS_ORIGINS).stream().filter(o -> !o.startsWith("https://") || isLocal(o)).forEach(o -> problems.add(
                named(CORS_ORIGINS) + " allows " + o + ": production allows only https:// origins, never localhost"));
        return problems;
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String name) {
        return config.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Set<String> list(Function<String, Optional<String>> config, String name) {
        return value(config, name).stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static boolean isHttps(String url) {
        return url.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    private static boolean isLocal(String url) {
        try {
            String host = Optional.ofNullable(URI.create(url.strip()).getHost()).orElse("").toLowerCase(Locale.ROOT);
            return host.isEmpty() || host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("0.0.0.0");
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The property and the environment variable that sets it. */
    static String named(String property) {
        return property + " (" + property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + ")";
    }
}
