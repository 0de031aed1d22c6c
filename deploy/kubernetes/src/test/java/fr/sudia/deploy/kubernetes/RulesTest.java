package fr.sudia.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RulesTest {

    static final Map<String, CodeFacts> SERVICES = CodeFacts.services();

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @Test
    void theCodeIsReadAsExpected() {
        assertEquals(Set.of("directory-service", "events-service", "funding-guichet-service", "label-service", "impact-service",
                "notification-service"),
                SERVICES.keySet());
        assertEquals(Set.of("funding.calls.v1", "funding.notices.v1", "funding.requests.v1", "funding.schemes.v1",
                "funding.scheme-matches.v1", "privacy.replies.v1"), SERVICES.get("funding-guichet-service").produces());
        assertEquals(Set.of("funding.calls.v1", "label.labels.v1", "privacy.requests.v1"), SERVICES.get("directory-service").consumes());
        assertEquals(Set.of("privacy.replies.v1"), SERVICES.get("impact-service").produces(),
                "platform/core's answers to the privacy requests count for every service");
        assertTrue(SERVICES.get("notification-service").produces().contains("privacy.requests.v1"));
        assertTrue(SERVICES.get("notification-service").consumes().contains("privacy.replies.v1"));
        assertTrue(CodeFacts.allTopics().contains("events.events.v1.dlq"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentIsProbedLimitedAndUnprivileged(String overlay) {
        assertEquals(List.of(), Rules.workloadHardening(Manifests.render(overlay)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceUsesQuarkusHealthAndShutsDownGracefully(String overlay) {
        assertEquals(List.of(), Rules.quarkusServices(Manifests.render(overlay), SERVICES.keySet()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicOfTheCodeHasAKafkaTopic(String overlay) {
        assertEquals(List.of(), Rules.topics(Manifests.render(overlay), CodeFacts.allTopics()));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceMayUseOnlyItsTopicsAndGroup(String overlay) {
        assertEquals(List.of(), Rules.kafkaAcls(Manifests.render(overlay), SERVICES));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferencedSecretIsCreatedBySomething(String overlay) {
        assertEquals(List.of(), Rules.secretReferences(Manifests.render(overlay), Rules.documentedExternalSecrets()));
    }

    @Test
    void noSecretValueIsCommitted() {
        List<ObjectNode> everything = Rules.everyYamlFileUnderDeploy();
        assertTrue(everything.size() > 50);
        assertEquals(List.of(), Rules.committedSecrets(everything));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void directoryServiceKeepsItsIndexOnAnEmptyDirAndMayRebuildIt(String overlay) {
        ObjectNode pod = (ObjectNode) Manifests.find(Manifests.render(overlay), "Deployment", "directory-service")
                .orElseThrow().at("/spec/template/spec");
        var container = pod.path("containers").path(0);
        String path = null;
        for (var env : container.path("env")) {
            if (env.path("name").asText().equals("SUDIA_DIRECTORY_SEARCH_INDEX_PATH")) {
                path = env.path("value").asText();
            }
        }
        String indexPath = path;
        var mount = container.path("volumeMounts").findParents("mountPath").stream()
                .filter(m -> m.path("mountPath").asText().equals(indexPath)).findFirst().orElseThrow();
        var volume = pod.path("volumes").findParents("name").stream()
                .filter(v -> v.path("name").equals(mount.path("name"))).findFirst().orElseThrow();
        assertTrue(volume.has("emptyDir"), volume.toString());
        var startup = container.path("startupProbe");
        long allowed = startup.path("periodSeconds").asLong(10) * startup.path("failureThreshold").asLong(3);
        assertTrue(allowed >= 2 * 85, "a rebuild of 1M organizations took 85 s; the startup probe allows " + allowed + " s");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayReachesTheServices(String overlay) {
        var policy = Manifests.find(Manifests.render(overlay), "NetworkPolicy", "services").orElseThrow();
        var peers = policy.at("/spec/ingress/0/from");
        assertEquals("gateway", peers.at("/0/podSelector/matchLabels/app.kubernetes.io~1name").asText());
        // The only other peer is Prometheus, from its own namespace.
        assertEquals(2, peers.size());
        assertEquals("monitoring", peers.at("/1/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
        var defaultDeny = Manifests.find(Manifests.render(overlay), "NetworkPolicy", "default-deny").orElseThrow();
        assertTrue(defaultDeny.at("/spec/podSelector").isEmpty() && !defaultDeny.at("/spec/ingress").isArray());
    }

    // Each rule fails on a manifest that breaks it.

    private static List<ObjectNode> prod() {
        return Manifests.copy(Manifests.render("prod"));
    }

    @Test
    void aDeploymentWithoutProbeLimitOrNonRootFails() {
        List<ObjectNode> documents = prod();
        ObjectNode deployment = Manifests.find(documents, "Deployment", "events-service").orElseThrow();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.remove("livenessProbe");
        ((ObjectNode) container.path("resources")).remove("limits");
        ((ObjectNode) deployment.at("/spec/template/spec/securityContext")).put("runAsNonRoot", false);
        ((ObjectNode) container.path("securityContext")).put("readOnlyRootFilesystem", false);
        List<String> problems = Rules.workloadHardening(documents);
        assertEquals(List.of(
                "Deployment/events-service container events-service: no livenessProbe",
                "Deployment/events-service container events-service: no resources.limits.cpu",
                "Deployment/events-service container events-service: no resources.limits.memory",
                "Deployment/events-service container events-service: runAsNonRoot is not true",
                "Deployment/events-service container events-service: readOnlyRootFilesystem is not true"), problems);
    }

    @Test
    void aGracePeriodShorterThanTheShutdownFails() {
        List<ObjectNode> documents = prod();
        ((ObjectNode) Manifests.find(documents, "Deployment", "label-service").orElseThrow().at("/spec/template/spec"))
                .put("terminationGracePeriodSeconds", 30);
        assertEquals(List.of("label-service: terminationGracePeriodSeconds 30 does not cover preStop sleep 10 s "
                + "+ QUARKUS_SHUTDOWN_TIMEOUT 30 s"), Rules.quarkusServices(documents, SERVICES.keySet()));
    }

    @Test
    void aTopicOfTheCodeWithoutKafkaTopicFails() {
        List<ObjectNode> documents = prod().stream()
                .filter(d -> !Manifests.name(d).equals("funding.requests.v1.dlq")).toList();
        assertEquals(List.of("no KafkaTopic for funding.requests.v1.dlq"), Rules.topics(documents, CodeFacts.allTopics()));
        Set<String> oneMore = new java.util.TreeSet<>(CodeFacts.allTopics());
        oneMore.add("directory.trainings.v1");
        assertTrue(Rules.topics(prod(), oneMore).contains("no KafkaTopic for directory.trainings.v1"));
    }

    @Test
    void anAclBeyondTheCodeFails() {
        List<ObjectNode> documents = prod();
        ArrayNode acls = (ArrayNode) Manifests.find(documents, "KafkaUser", "label-service").orElseThrow()
                .at("/spec/authorization/acls");
        ObjectNode acl = acls.addObject();
        acl.putObject("resource").put("type", "topic").put("name", "funding.requests.v1").put("patternType", "literal");
        acl.putArray("operations").add("Read");
        acls.remove(0);
        assertEquals(List.of("KafkaUser label-service lacks topic label.labels.v1 Write,Describe",
                "KafkaUser label-service grants more than its code needs: topic funding.requests.v1 Read"),
                Rules.kafkaAcls(documents, SERVICES));
    }

    @Test
    void aSecretThatNothingCreatesFails() {
        List<ObjectNode> documents = prod();
        ObjectNode env = (ObjectNode) Manifests.find(documents, "Deployment", "funding-guichet-service").orElseThrow()
                .findParents("secretKeyRef").get(0).path("secretKeyRef");
        env.put("name", "funding-db-credentials");
        assertEquals(List.of("Deployment/funding-guichet-service references secret funding-db-credentials, which nothing "
                + "creates (add it to deploy/kubernetes/external-secrets.yaml?)"),
                Rules.secretReferences(documents, Rules.documentedExternalSecrets()));
        assertTrue(Rules.secretReferences(prod(), Set.of()).stream().anyMatch(p -> p.contains("backup-object-store")));
    }

    @Test
    void aSecretWithDataFails() {
        ObjectNode secret = Manifests.YAML.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "leaked");
        secret.putObject("stringData").put("password", "sudia");
        assertEquals(List.of("Secret/leaked carries data: secrets are created in the cluster, never committed"),
                Rules.committedSecrets(List.of(secret)));
    }
}
