package fr.sudia.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProductionSecretsGuardTest {

    /** What a production deployment gives (deploy/kubernetes): nothing to complain about. */
    private static Map<String, String> production() {
        Map<String, String> config = new HashMap<>();
        config.put("sudia.production-guard.development-issuers", "urn:sud-ia:dev,urn:sud-ia:bench");
        config.put("sudia.production-guard.development-passwords", "sudia");
        config.put("mp.jwt.verify.issuer", "https://auth.sud-ia.example/realms/sudia");
        config.put("mp.jwt.verify.publickey.location",
                "https://keycloak-service.keycloak.svc:8443/realms/sudia/protocol/openid-connect/certs");
        config.put("mp.jwt.verify.audiences", "sudia-api");
        config.put("quarkus.datasource.password", "a-password-from-a-secret");
        config.put("sudia.production-guard.required", "sudia.label.credential.key-file");
        config.put("sudia.label.credential.key-file", "/etc/sudia/label-credential/key.jwk");
        config.put("sudia.production-guard.public-urls", "sudia.label.public-base-url");
        config.put("sudia.label.public-base-url", "https://api.sud-ia.example/api/labels");
        config.put("sudia.privacy.pseudonym-key", "a-random-key-from-a-secret-of-44-characters=");
        return config;
    }

    private static List<String> problems(Map<String, String> config) {
        return ProductionSecretsGuard.problems(name -> Optional.ofNullable(config.get(name)));
    }

    private static void assertOneProblem(Map<String, String> config, String... expected) {
        List<String> problems = problems(config);
        assertEquals(1, problems.size(), problems.toString());
        for (String part : expected) {
            assertTrue(problems.get(0).contains(part), problems.get(0) + " should name " + part);
        }
    }

    @Test
    void productionSettingsPass() {
        assertEquals(List.of(), problems(production()));
    }

    @Test
    void theDevelopmentPseudonymKeyAMissingOneOrAShortOneIsRefused() {
        Map<String, String> config = production();
        config.put("sudia.privacy.pseudonym-key", "development-only-pseudonym-key-never-in-production");
        assertOneProblem(config, "sudia.privacy.pseudonym-key", "SUDIA_PRIVACY_PSEUDONYM_KEY", "development key");
        config.remove("sudia.privacy.pseudonym-key");
        assertOneProblem(config, "SUDIA_PRIVACY_PSEUDONYM_KEY", "not set");
        config.put("sudia.privacy.pseudonym-key", "short");
        assertOneProblem(config, "SUDIA_PRIVACY_PSEUDONYM_KEY", "shorter than 32");
    }

    @Test
    void theDevelopmentIssuerIsRefused() {
        Map<String, String> config = production();
        config.put("mp.jwt.verify.issuer", "urn:sud-ia:dev");
        assertOneProblem(config, "mp.jwt.verify.issuer", "MP_JWT_VERIFY_ISSUER", "development issuer");
    }

    @Test
    void aDevelopmentKeyFileOrAnHttpJwksUrlIsRefused() {
        Map<String, String> config = production();
        config.put("mp.jwt.verify.publickey.location", "/root/sudia/deploy/local/.run/keys/dev-public.pem");
        assertOneProblem(config, "mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "HTTPS");
        config.put("mp.jwt.verify.publickey.location", "http://keycloak.keycloak.svc:8080/realms/sudia/protocol/openid-connect/certs");
        assertOneProblem(config, "mp.jwt.verify.publickey.location", "http://keycloak");
        config.remove("mp.jwt.verify.publickey.location");
        assertOneProblem(config, "mp.jwt.verify.publickey.location", "not set");
    }

    @Test
    void anInlineVerificationKeyIsRefused() {
        Map<String, String> config = production();
        config.put("mp.jwt.verify.publickey", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");
        assertOneProblem(config, "mp.jwt.verify.publickey (MP_JWT_VERIFY_PUBLICKEY)");
    }

    @Test
    void trustingAnyCertificateOfTheKeyServerIsRefused() {
        Map<String, String> config = production();
        config.put("smallrye.jwt.client.tls.trust-all", "true");
        assertOneProblem(config, "SMALLRYE_JWT_CLIENT_TLS_TRUST_ALL");
    }

    @Test
    void tokensWithoutAnAudienceCheckAreRefused() {
        Map<String, String> config = production();
        config.put("mp.jwt.verify.audiences", " ");
        assertOneProblem(config, "mp.jwt.verify.audiences");
    }

    @Test
    void theDefaultDatabasePasswordIsRefused() {
        Map<String, String> config = production();
        config.put("quarkus.datasource.password", "sudia");
        assertOneProblem(config, "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD", "default development password");
        config.remove("quarkus.datasource.password");
        assertOneProblem(config, "quarkus.datasource.password", "not set");
    }

    @Test
    void theDevelopmentCredentialKeyOfLabelServiceIsRefused() {
        Map<String, String> config = production();
        config.remove("sudia.label.credential.key-file");
        assertOneProblem(config, "sudia.label.credential.key-file", "SUDIA_LABEL_CREDENTIAL_KEY_FILE", "not set");
    }

    @Test
    void aPublicUrlOnHttpOrLocalhostIsRefused() {
        Map<String, String> config = production();
        config.put("sudia.label.public-base-url", "http://localhost:8084/api");
        assertOneProblem(config, "sudia.label.public-base-url", "https://");
        config.put("sudia.label.public-base-url", "https://127.0.0.1:8443/api");
        assertOneProblem(config, "sudia.label.public-base-url");
    }

    @Test
    void aLocalhostCorsOriginIsRefused() {
        Map<String, String> config = production();
        config.put("quarkus.http.cors.origins", "https://www.sud-ia.example,http://localhost:5173");
        assertOneProblem(config, "quarkus.http.cors.origins", "http://localhost:5173");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, String> config = production();
        config.put("mp.jwt.verify.issuer", "urn:sud-ia:dev");
        config.put("quarkus.datasource.password", "sudia");
        config.remove("sudia.label.credential.key-file");
        List<String> problems = problems(config);
        assertEquals(3, problems.size(), problems.toString());
        String message = ProductionSecretsGuard.message(problems);
        assertTrue(message.startsWith("Refusing to start with development settings in production"), message);
        assertTrue(message.contains("mp.jwt.verify.issuer") && message.contains("quarkus.datasource.password")
                && message.contains("sudia.label.credential.key-file"), message);
    }
}
