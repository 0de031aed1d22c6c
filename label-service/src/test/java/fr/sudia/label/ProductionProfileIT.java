package fr.sudia.label;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.sudia.platform.testing.PostgresTestResource;

/**
 * The packaged service, launched as ops would launch it: in the production profile it refuses to start with the
 * development issuer, key, database password and credential-signing key, and says which settings to fix; with
 * the local profile added (the local stack's way) the same settings are accepted.
 */
class ProductionProfileIT {

    private static final Path JAR = Path.of(System.getProperty("runner.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final PostgresTestResource DATABASE = new PostgresTestResource();
    private static final Map<String, String> DEVELOPMENT = new HashMap<>();
    private static Path work;

    @BeforeAll
    static void developmentSettings() throws Exception {
        work = Files.createTempDirectory("sudia-prod-profile");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path publicKey = work.resolve("dev-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        // What deploy/local/stack gives the services on a developer machine.
        DATABASE.start().forEach((name, value) -> DEVELOPMENT.put(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value));
        DEVELOPMENT.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        DEVELOPMENT.put("QUARKUS_HTTP_PORT", "0");
        DEVELOPMENT.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        DEVELOPMENT.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        DEVELOPMENT.put("MP_JWT_VERIFY_ISSUER", "urn:sud-ia:dev");
        DEVELOPMENT.put("SUDIA_LOG_JSON", "false");
        DEVELOPMENT.put("QUARKUS_SHUTDOWN_DELAY", "0s");
    }

    @AfterAll
    static void dropTheDatabase() throws IOException {
        DATABASE.stop();
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs the jar with the given extra environment until it exits or prints that it started; returns its output. */
    private static Launch launch(Map<String, String> extra, String startedMarker) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase");
        Path log = Files.createTempFile(work, "service", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MP_JWT") || k.startsWith("SUDIA_"));
        builder.environment().putAll(DEVELOPMENT);
        builder.environment().putAll(extra);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (System.nanoTime() < deadline) {
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    return new Launch(process.exitValue(), Files.readString(log));
                }
                if (Files.readString(log).contains(startedMarker)) {
                    return new Launch(null, Files.readString(log));
                }
            }
            throw new AssertionError("neither exited nor started within 120 s:\n" + Files.readString(log));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private record Launch(Integer exitCode, String output) {
    }

    @Test
    void theProductionProfileRefusesToStartWithDevelopmentSecrets() throws Exception {
        Launch launch = launch(Map.of("QUARKUS_PROFILE", "prod"), "label-service 0.1.0");
        assertNotEquals(null, launch.exitCode(), "the service started:\n" + launch.output());
        assertNotEquals(0, launch.exitCode(), launch.output());
        String output = launch.output();
        assertTrue(output.contains("Refusing to start with development settings in production"), output);
        for (String setting : new String[] { "mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER)",
                "mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION)",
                "quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD)",
                "sudia.label.credential.key-file (SUDIA_LABEL_CREDENTIAL_KEY_FILE)",
                "sudia.label.public-base-url (SUDIA_LABEL_PUBLIC_BASE_URL)" }) {
            assertTrue(output.contains(setting), "the message names " + setting + ":\n" + output);
        }
        assertFalse(output.contains("Listening on"), "it never served requests:\n" + output);
    }

    @Test
    void theLocalProfileOnTopAcceptsThemAsTheLocalStackNeeds() throws Exception {
        Launch launch = launch(Map.of("QUARKUS_PROFILE", "prod,local"), "Listening on");
        assertTrue(launch.exitCode() == null, "the service exited (" + launch.exitCode() + "):\n" + launch.output());
        assertFalse(launch.output().contains("Refusing to start"), launch.output());
    }
}
