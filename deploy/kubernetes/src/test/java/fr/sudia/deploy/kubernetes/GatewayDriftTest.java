package fr.sudia.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class GatewayDriftTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterRunsTheLocalGatewayConfiguration(String overlay) {
        List<ObjectNode> documents = Manifests.render(overlay);
        assertEquals(List.of(), GatewayDrift.problems(documents));
        // The routes themselves are among what is shared.
        assertTrue(GatewayDrift.clusterFiles(documents, new java.util.ArrayList<>()).get("routes.conf")
                .contains("location /api/directory/"));
    }

    @Test
    void anEditedRouteInTheClusterIsDrift() {
        List<ObjectNode> documents = Manifests.copy(Manifests.render("prod"));
        ObjectNode configMap = Manifests.ofKind(documents, "ConfigMap").stream()
                .filter(c -> Manifests.name(c).startsWith("gateway-nginx")).findFirst().orElseThrow();
        ObjectNode data = (ObjectNode) configMap.path("data");
        data.put("snippets-api.conf", data.path("snippets-api.conf").asText().replace("burst=40", "burst=400"));
        assertEquals(List.of("cluster snippets/api.conf differs from deploy/gateway/snippets/api.conf"),
                GatewayDrift.problems(documents));
    }

    @Test
    void aSnippetLeftOutOfTheClusterIsDrift() {
        List<ObjectNode> documents = Manifests.copy(Manifests.render("prod"));
        ObjectNode gateway = Manifests.find(documents, "Deployment", "gateway").orElseThrow();
        ArrayNode items = (ArrayNode) gateway.at("/spec/template/spec/volumes/0/configMap/items");
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("path").asText().equals("snippets/proxy.conf")) {
                items.remove(i);
            }
        }
        List<String> problems = GatewayDrift.problems(documents);
        assertTrue(problems.contains("cluster: snippets/proxy.conf is included but not there"), problems.toString());
        assertTrue(problems.contains("deploy/gateway/snippets/proxy.conf is not mounted in the cluster's gateway"),
                problems.toString());
    }

    /** The map that sets $cors_api_origin, from whichever file defines it; fails unless exactly one does. */
    private static String corsMap(java.util.Collection<String> files) {
        java.util.regex.Pattern map = java.util.regex.Pattern.compile("(?s)map\\s+\\$http_origin\\s+\\$cors_api_origin\\s*\\{(.*?)\\}");
        List<String> found = new java.util.ArrayList<>();
        for (String file : files) {
            java.util.regex.Matcher m = map.matcher(file);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        assertEquals(1, found.size(), "one map of $cors_api_origin: " + found);
        return found.get(0);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterGatewayAllowsNoLocalhostAndNoPlainHttpOrigin(String overlay) {
        java.util.Map<String, String> files = GatewayDrift.clusterFiles(Manifests.render(overlay), new java.util.ArrayList<>());
        String origins = corsMap(files.values());
        assertTrue(origins.contains("\"https://www.sud-ia.example\""), origins);
        for (String line : origins.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            assertTrue(line.startsWith("default \"\"") || line.matches("\"https://[a-z0-9.-]+\" \\$http_origin;"),
                    "not an exact https origin: " + line);
        }
    }

    @Test
    void onlyTheLocalGatewayAllowsTheLocalDevelopmentServers() {
        java.util.Map<String, String> local = GatewayDrift.localFiles();
        assertTrue(local.get("nginx.conf").contains("include cors.local.conf;"));
        assertTrue(corsMap(List.of(local.get("cors.local.conf"))).contains("localhost"));
        assertTrue(!local.get("http.conf").contains("localhost") && !local.get("routes.conf").contains("localhost"),
                "the shared files allow no localhost origin");
    }
}
