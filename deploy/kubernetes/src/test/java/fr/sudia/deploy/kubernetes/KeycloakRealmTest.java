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

    static final JsonNode REALM = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Repository.KEYCLOAK.resolve("sudia-realm.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : REALM.path("clients")) {
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
        assertEquals(Set.of("admin", "editor", "partner", "member", "advisor", "reviewer"), roles);
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
    }
}
