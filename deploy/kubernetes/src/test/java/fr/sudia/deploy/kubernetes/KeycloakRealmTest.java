package fr.sudia.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class KeycloakRealmTest {

    /** The production realm; sudia-realm.dev.json is the development one (dev cluster, developer machines). */
    static final JsonNode REALM = read("sudia-realm.json");
    static final JsonNode DEV_REALM = read("sudia-realm.dev.json");

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(Repository.KEYCLOAK.resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode client(String clientId) {
        return client(REALM, clientId);
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @Test
    void theRealmHasExactlyThePlatformRoles() {
        Set<String> roles = new TreeSet<>();
        REALM.at("/roles/realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(CodeFacts.roles(), roles);
        assertEquals(Set.of("admin", "editor", "partner", "member", "advisor", "reviewer", "prescriber", "juror"), roles);
    }

    @Test
    void tokensCarryTheRolesInGroupsAndTheOrganizationInOrg() {
        JsonNode scope = REALM.path("clientScopes").get(0);
        JsonNode groups = scope.path("protocolMappers").findParents("protocolMapper").stream()
                .filter(m -> m.path("protocolMapper").asText().equals("oidc-usermodel-realm-role-mapper"))
                .findFirst().orElseThrow();
        assertEquals("groups", groups.at("/config/claim.name").asText());
        assertEquals("true", groups.at("/config/multivalued").asText());
        assertEquals("true", groups.at("/config/access.token.claim").asText());
        assertTrue(scope.path("protocolMappers").findValuesAsText("claim.name").contains("org"));
        for (String client : List.of("sudia-web", "sudia-ops")) {
            List<String> scopes = new java.util.ArrayList<>();
            client(client).path("defaultClientScopes").forEach(s -> scopes.add(s.asText()));
            assertTrue(scopes.contains(scope.path("name").asText()), client + " does not get " + scope.path("name"));
        }
    }

    @Test
    void theFrontEndClientIsPublicWithPkceAndNoImplicitOrPasswordFlow() {
        JsonNode web = client("sudia-web");
        assertTrue(web.path("publicClient").asBoolean());
        assertEquals("S256", web.at("/attributes/pkce.code.challenge.method").asText());
        assertFalse(web.path("implicitFlowEnabled").asBoolean(true));
        assertFalse(web.path("directAccessGrantsEnabled").asBoolean(true));
    }

    @Test
    void theOpsClientIsConfidentialAndItsSecretIsNotCommitted() {
        JsonNode ops = client("sudia-ops");
        assertFalse(ops.path("publicClient").asBoolean(true));
        assertTrue(ops.path("serviceAccountsEnabled").asBoolean());
        assertTrue(ops.path("secret").isMissingNode(), "a client secret is committed");
    }

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachOverlayVerifiesTokensOfTheRealm(String overlay) {
        JsonNode config = Manifests.find(Manifests.render(overlay), "ConfigMap", "platform-config").orElseThrow().path("data");
        String realm = "/realms/" + REALM.path("realm").asText();
        assertTrue(config.path("MP_JWT_VERIFY_ISSUER").asText().matches("https://[^/]+" + realm), config.toString());
        assertTrue(config.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText().endsWith(realm + "/protocol/openid-connect/certs"));
        // The keys are fetched over HTTPS only (the services refuse an http:// JWKS URL in production).
        assertTrue(config.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText().startsWith("https://"), config.toString());
    }

    @Test
    void theProductionRealmAcceptsNoLocalhostAndNoPlainHttpAddress() {
        List<String> found = new java.util.ArrayList<>();
        strings(REALM, found);
        List<String> local = found.stream()
                .filter(v -> v.contains("localhost") || v.contains("127.0.0.1") || v.startsWith("http://")).toList();
        assertEquals(List.of(), local);
        assertEquals("[\"https://www.sud-ia.example\"]", client("sudia-web").path("webOrigins").toString());
    }

    @Test
    void theDevelopmentRealmDiffersOnlyByTheFrontEndAddresses() {
        JsonNode dev = DEV_REALM.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode web = (com.fasterxml.jackson.databind.node.ObjectNode) client(dev, "sudia-web");
        assertTrue(web.path("webOrigins").toString().contains("http://localhost:5173"), web.toString());
        web.set("redirectUris", client("sudia-web").path("redirectUris"));
        web.set("webOrigins", client("sudia-web").path("webOrigins"));
        assertEquals(REALM, dev);
    }

    @Test
    void tokensCarryTheAudienceEveryServiceChecks() throws IOException {
        JsonNode audience = REALM.path("clientScopes").get(0).path("protocolMappers").findParents("protocolMapper").stream()
                .filter(m -> m.path("protocolMapper").asText().equals("oidc-audience-mapper")).findFirst().orElseThrow();
        assertEquals("true", audience.at("/config/access.token.claim").asText());
        java.util.Properties platform = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(
                Repository.ROOT.resolve("platform/core/src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(reader);
        }
        assertEquals(platform.getProperty("mp.jwt.verify.audiences"), audience.at("/config/included.custom.audience").asText());
        for (String overlay : overlays()) {
            JsonNode config = Manifests.find(Manifests.render(overlay), "ConfigMap", "platform-config").orElseThrow().path("data");
            assertEquals(audience.at("/config/included.custom.audience").asText(), config.path("MP_JWT_VERIFY_AUDIENCES").asText(),
                    overlay);
        }
    }

    /**
     * The contact book and the privacy desk of notification-service take a person's address from the access token's
     * {@code email} claim only when {@code email_verified} is true: the platform scope must put both in access tokens
     * (the realm import defines its own scopes, so Keycloak's built-in "email" scope cannot be relied on).
     */
    @Test
    void accessTokensCarryTheEmailAndWhetherItIsVerified() {
        List<JsonNode> mappers = REALM.path("clientScopes").get(0).path("protocolMappers").findParents("protocolMapper");
        JsonNode email = mappers.stream().filter(m -> m.at("/config/claim.name").asText().equals("email")).findFirst().orElseThrow();
        assertEquals("email", email.at("/config/user.attribute").asText());
        assertEquals("true", email.at("/config/access.token.claim").asText());
        JsonNode verified = mappers.stream().filter(m -> m.at("/config/claim.name").asText().equals("email_verified"))
                .findFirst().orElseThrow();
        assertEquals("emailVerified", verified.at("/config/user.attribute").asText());
        assertEquals("boolean", verified.at("/config/jsonType.label").asText());
        assertEquals("true", verified.at("/config/access.token.claim").asText());
    }

    private static void strings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> strings(child, into));
    }
}
