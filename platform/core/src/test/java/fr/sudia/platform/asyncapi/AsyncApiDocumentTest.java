package fr.sudia.platform.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class AsyncApiDocumentTest {

    @TempDir
    Path classpath;

    private static final String TEMPLATE = """
            asyncapi: 3.0.0
            info: {title: t, version: 1.0.0}
            channels:
              things:
                address: things.v1
                messages:
                  thingChanged: {$ref: '#/components/messages/thingChanged'}
              otherDeadLetters:
                address: other.v1.dlq
                messages:
                  deadLetter: {$ref: '#/components/messages/deadLetter'}
            operations:
              publishThings:
                action: send
                channel: {$ref: '#/channels/things'}
              deadLetterOther:
                action: send
                channel: {$ref: '#/channels/otherDeadLetters'}
            components:
              schemas:
                Thing: {$ref: './contracts/things.v1.json'}
                Part: {$ref: './contracts/things.v1.json#/$defs/part'}
              messages:
                thingChanged:
                  name: fr.sudia.thing.changed
                  payload: {$ref: '#/components/schemas/Thing'}
                deadLetter: {$ref: './asyncapi/dead-letter-message.yaml'}
            """;

    private static final String CONTRACT = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:x", "title": "Thing", "type": "object",
             "properties": {"count": {"$ref": "#/$defs/count", "description": "How many"}, "part": {"$ref": "#/$defs/part"}},
             "$defs": {"count": {"type": "integer", "minimum": 0, "description": "a count"},
                       "part": {"type": "object", "properties": {"n": {"$ref": "#/$defs/count"}}}},
             "examples": [{"count": 1}]}
            """;

    private ClassLoader loader(String template) throws IOException {
        Files.writeString(classpath.resolve("asyncapi.yaml"), template);
        Files.createDirectories(classpath.resolve("contracts"));
        Files.writeString(classpath.resolve("contracts/things.v1.json"), CONTRACT);
        return new URLClassLoader(new URL[] {classpath.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void contractsAreInlinedWithTheirOwnReferencesAndTheDocumentKeepsItsOwn() throws IOException {
        JsonNode document = AsyncApiDocument.assemble(loader(TEMPLATE));

        JsonNode thing = document.at("/components/schemas/Thing");
        assertEquals("Thing", thing.path("title").asText());
        assertEquals("integer", thing.at("/properties/count/type").asText());
        assertEquals("How many", thing.at("/properties/count/description").asText(), "a keyword beside a $ref wins");
        assertEquals("integer", thing.at("/properties/part/properties/n/type").asText());
        assertFalse(thing.has("$defs"), "definitions are inlined where used");
        assertFalse(thing.has("$id"));
        assertEquals(1, thing.at("/examples/0/count").asInt());
        assertEquals("object", document.at("/components/schemas/Part/type").asText());
        assertEquals("#/components/schemas/Thing", document.at("/components/messages/thingChanged/payload/$ref").asText());
        assertTrue(document.at("/components/messages/deadLetter/headers/properties").has("dead-letter-reason"),
                "platform/core's shared parts come from its own class path");
        assertEquals(Map.of("send", List.of("other.v1.dlq", "privacy.replies.v1", "privacy.requests.v1.dlq", "things.v1"),
                "receive", List.of("privacy.requests.v1")), AsyncApiDocument.topicsByAction(document),
                "every service answers the privacy requests (platform/core's part of every document)");
        assertEquals("fr.sudia.privacy.requested", document.at("/components/messages/privacyRequested/name").asText());
        assertEquals("PrivacyAnswered", document.at("/components/messages/privacyAnswered/payload/title").asText());
        assertTrue(document.at("/components/messages/privacyAnswered/traits/0/headers/properties").has("ce_type"));
        assertTrue(AsyncApiDocument.toYaml(document).startsWith("asyncapi: 3.0.0\n"));
    }

    @Test
    void aReferenceToAMissingContractFailsWithItsName() throws IOException {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> AsyncApiDocument.assemble(
                loader(TEMPLATE.replace("./contracts/things.v1.json'}", "./contracts/nothing.v1.json'}"))));
        assertTrue(failure.getMessage().contains("contracts/nothing.v1.json"), failure.getMessage());
    }
}
