package fr.sudia.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

class SchemaTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedDocumentMatchesTheSchemaOfItsKind(String overlay) {
        List<ObjectNode> documents = Manifests.render(overlay);
        assertTrue(documents.size() > 50, "only " + documents.size() + " documents rendered");
        assertEquals(List.of(), SchemaValidator.problems(documents));
    }

    @Test
    void bothOverlaysAreThere() {
        assertEquals(List.of("dev", "prod"), Manifests.overlays());
    }

    @Test
    void anUnknownFieldFailsInEveryFamilyOfKinds() {
        List<ObjectNode> documents = Manifests.copy(Manifests.render("prod"));
        for (String kind : List.of("Deployment", "NetworkPolicy", "HTTPRoute", "PodMonitor", "Certificate", "Kafka",
                "KafkaUser", "Cluster")) {
            ObjectNode document = Manifests.ofKind(documents, kind).get(0);
            ((ObjectNode) document.path("spec")).put("replicaz", 3);
            List<String> problems = SchemaValidator.problems(List.of(document));
            assertTrue(problems.stream().anyMatch(p -> p.contains("replicaz")), kind + ": " + problems);
        }
    }

    @Test
    void aNestedUnknownFieldFails() {
        ObjectNode deployment = Manifests.find(Manifests.copy(Manifests.render("prod")), "Deployment", "label-service")
                .orElseThrow();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/readinessProbe/httpGet")).put("pth", "/q/health");
        List<String> problems = SchemaValidator.problems(List.of(deployment));
        assertTrue(problems.stream().anyMatch(p -> p.contains("readinessProbe.httpGet.pth")), problems.toString());
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        ObjectNode topic = Manifests.ofKind(Manifests.copy(Manifests.render("prod")), "KafkaTopic").get(0);
        ((ObjectNode) topic.path("spec")).put("partitions", "many");
        assertEquals(1, SchemaValidator.problems(List.of(topic)).size());
    }

    @Test
    void aKindWithoutSchemaFails() {
        ObjectNode document = Manifests.YAML.createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Widget");
        document.putObject("metadata").put("name", "w");
        assertEquals(List.of("Widget/w: no schema for example.com/v1 Widget"), SchemaValidator.problems(List.of(document)));
    }
}
