package fr.sudia.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The platform's rules for its manifests, each a function from rendered documents to problems. */
final class Rules {

    private Rules() {
    }

    /** Probes, requests and limits, non-root, read-only root filesystem, no privilege escalation. */
    static List<String> workloadHardening(List<ObjectNode> documents) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : Manifests.ofKind(documents, "Deployment")) {
            String where = Manifests.describe(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            boolean podNonRoot = pod.at("/securityContext/runAsNonRoot").asBoolean(false);
            List<JsonNode> containers = new ArrayList<>();
            pod.path("containers").forEach(containers::add);
            pod.path("initContainers").forEach(containers::add);
            for (JsonNode container : containers) {
                String c = where + " container " + container.path("name").asText();
                boolean init = pod.path("initContainers").findValues("name").contains(container.path("name"));
                if (!init) {
                    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                        if (container.path(probe).isMissingNode()) {
                            problems.add(c + ": no " + probe);
                        }
                    }
                }
                for (String resource : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
                    if (container.at("/resources/" + resource).isMissingNode()) {
                        problems.add(c + ": no resources." + resource.replace('/', '.'));
                    }
                }
                if (!podNonRoot && !container.at("/securityContext/runAsNonRoot").asBoolean(false)) {
                    problems.add(c + ": runAsNonRoot is not true");
                }
                if (!container.at("/securityContext/readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(c + ": readOnlyRootFilesystem is not true");
                }
                if (container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(c + ": allowPrivilegeEscalation is not false");
                }
            }
            if (pod.path("topologySpreadConstraints").isEmpty()) {
                problems.add(where + ": no topologySpreadConstraints");
            }
        }
        return problems;
    }

    /** The Quarkus services: health endpoints, a writable /tmp, graceful shutdown within the grace period. */
    static List<String> quarkusServices(List<ObjectNode> documents, Set<String> services) {
        List<String> problems = new ArrayList<>();
        JsonNode platformConfig = Manifests.find(documents, "ConfigMap", "platform-config").map(c -> c.path("data"))
                .orElse(Manifests.YAML.createObjectNode());
        for (String service : services) {
            var found = Manifests.find(documents, "Deployment", service);
            if (found.isEmpty()) {
                problems.add("no Deployment for " + service);
                continue;
            }
            JsonNode pod = found.get().at("/spec/template/spec");
            JsonNode container = pod.path("containers").path(0);
            Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                    "readinessProbe", "/q/health/ready");
            probes.forEach((probe, path) -> {
                if (!path.equals(container.at("/" + probe + "/httpGet/path").asText())) {
                    problems.add(service + ": " + probe + " is not on " + path);
                }
            });
            if (!container.path("volumeMounts").findValuesAsText("mountPath").contains("/tmp")) {
                problems.add(service + ": /tmp is not mounted (the root filesystem is read-only)");
            }
            long sleep = container.at("/lifecycle/preStop/sleep/seconds").asLong(0);
            long shutdown = seconds(platformConfig.path("QUARKUS_SHUTDOWN_TIMEOUT").asText("0s"));
            long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
            if (sleep == 0 || shutdown == 0 || grace <= sleep + shutdown) {
                problems.add(service + ": terminationGracePeriodSeconds " + grace + " does not cover preStop sleep " + sleep
                        + " s + QUARKUS_SHUTDOWN_TIMEOUT " + shutdown + " s");
            }
            for (String kind : List.of("Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                if (Manifests.find(documents, kind, service).isEmpty()) {
                    problems.add(service + ": no " + kind);
                }
            }
        }
        return problems;
    }

    private static long seconds(String duration) {
        return duration.matches("\\d+s") ? Long.parseLong(duration.substring(0, duration.length() - 1)) : 0;
    }

    /** Every topic the code uses (and its dead-letter topic) has a KafkaTopic, and no KafkaTopic is unused. */
    static List<String> topics(List<ObjectNode> documents, Set<String> topicsOfTheCode) {
        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : Manifests.ofKind(documents, "KafkaTopic")) {
            declared.add(topic.at("/spec/topicName").asText(Manifests.name(topic)));
        }
        List<String> problems = new ArrayList<>();
        topicsOfTheCode.stream().filter(t -> !declared.contains(t)).forEach(t -> problems.add("no KafkaTopic for " + t));
        declared.stream().filter(t -> !topicsOfTheCode.contains(t))
                .forEach(t -> problems.add("KafkaTopic " + t + " is used by no service"));
        return problems;
    }

    /** Each service's KafkaUser grants exactly what its code needs. */
    static List<String> kafkaAcls(List<ObjectNode> documents, Map<String, CodeFacts> services) {
        List<String> problems = new ArrayList<>();
        for (CodeFacts facts : services.values()) {
            var user = Manifests.find(documents, "KafkaUser", facts.service());
            if (user.isEmpty()) {
                problems.add("no KafkaUser for " + facts.service());
                continue;
            }
            Set<String> needed = new TreeSet<>();
            facts.produces().forEach(t -> needed.add("topic " + t + " Write,Describe"));
            facts.consumes().forEach(t -> needed.add("topic " + t + " Read,Describe"));
            facts.deadLetters().forEach(t -> needed.add("topic " + t + " Write,Describe"));
            needed.add("group " + facts.service() + " Read");
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.get().at("/spec/authorization/acls")) {
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                String pattern = acl.at("/resource/patternType").asText("literal");
                granted.add(acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText()
                        + ("literal".equals(pattern) ? "" : " (" + pattern + ")") + " " + String.join(",", operations));
            }
            needed.stream().filter(n -> !granted.contains(n))
                    .forEach(n -> problems.add("KafkaUser " + facts.service() + " lacks " + n));
            granted.stream().filter(g -> !needed.contains(g))
                    .forEach(g -> problems.add("KafkaUser " + facts.service() + " grants more than its code needs: " + g));
        }
        return problems;
    }

    /** A secret is referenced only if something creates it: a resource, an operator, or ops (documented). */
    static List<String> secretReferences(List<ObjectNode> documents, Set<String> documentedExternal) {
        Set<String> created = new TreeSet<>(documentedExternal);
        Manifests.ofKind(documents, "Secret").forEach(s -> created.add(Manifests.name(s)));
        Manifests.ofKind(documents, "Cluster").forEach(c -> {
            created.add(Manifests.name(c) + "-app");
            created.add(Manifests.name(c) + "-superuser");
        });
        Manifests.ofKind(documents, "KafkaUser").forEach(u -> created.add(Manifests.name(u)));
        Manifests.ofKind(documents, "Kafka").forEach(k -> created.add(Manifests.name(k) + "-cluster-ca-cert"));
        Manifests.ofKind(documents, "Certificate").forEach(c -> created.add(c.at("/spec/secretName").asText()));
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : documents) {
            Set<String> referenced = new TreeSet<>();
            document.findParents("secretKeyRef").forEach(p -> referenced.add(p.at("/secretKeyRef/name").asText()));
            document.findValues("secretName").forEach(n -> referenced.add(n.asText()));
            // CloudNativePG's object store credentials: {name, key} pairs under s3Credentials.
            document.findValues("s3Credentials").forEach(c -> c.forEach(ref -> referenced.add(ref.path("name").asText())));
            document.findParents("certificateRefs").forEach(p -> p.path("certificateRefs")
                    .forEach(ref -> referenced.add(ref.path("name").asText())));
            referenced.remove("");
            if ("Certificate".equals(Manifests.kind(document))) {
                referenced.remove(document.at("/spec/secretName").asText());
            }
            referenced.stream().filter(s -> !created.contains(s)).forEach(s -> problems.add(Manifests.describe(document)
                    + " references secret " + s + ", which nothing creates (add it to deploy/kubernetes/external-secrets.yaml?)"));
        }
        return problems;
    }

    /** No secret value in the repository: no Secret manifest carries data, rendered or not. */
    static List<String> committedSecrets(List<ObjectNode> documents) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : documents) {
            if ("Secret".equals(Manifests.kind(document))
                    && (!document.path("data").isEmpty() || !document.path("stringData").isEmpty())) {
                problems.add(Manifests.describe(document) + " carries data: secrets are created in the cluster, never committed");
            }
        }
        return problems;
    }

    /** Every YAML document under deploy/ (what kustomize would render and what it would not). */
    static List<ObjectNode> everyYamlFileUnderDeploy() {
        try (Stream<Path> files = Files.walk(Repository.ROOT.resolve("deploy"))) {
            List<ObjectNode> documents = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml$"))
                    .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/deploy/local/.run")).toList()) {
                documents.addAll(Manifests.parse(Files.readString(file)));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> documentedExternalSecrets() {
        try {
            JsonNode list = Manifests.YAML.readTree(Repository.KUBERNETES.resolve("external-secrets.yaml").toFile());
            Set<String> names = new TreeSet<>();
            list.forEach(s -> names.add(s.path("name").asText()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
