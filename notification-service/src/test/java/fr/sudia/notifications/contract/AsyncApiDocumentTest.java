package fr.sudia.notifications.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.notifications.privacy.PrivacyTopics;
import fr.sudia.notifications.source.Consumers;
import fr.sudia.platform.testing.AsyncApiContracts;
import io.quarkus.test.junit.QuarkusTest;

/** The AsyncAPI document the service serves describes exactly the topics its code consumes and the desk's requests it publishes. */
@QuarkusTest
class AsyncApiDocumentTest {

    @Test
    void theServedDocumentDescribesWhatTheServiceConsumes() {
        String yaml = given().when().get("/asyncapi")
                .then().statusCode(200).contentType(startsWith("application/yaml"))
                .extract().asString();
        JsonNode document = AsyncApiContracts.read(yaml);

        assertEquals(Stream.concat(Consumers.TOPICS.stream(), Stream.of(PrivacyTopics.REPLIES)).sorted().toList(),
                AsyncApiContracts.consumedTopics());
        AsyncApiContracts.assertDescribes(document, List.of(PrivacyTopics.REQUESTS_TOPIC), AsyncApiContracts.consumedTopics());
        AsyncApiContracts.write(yaml, "asyncapi/notifications.yaml");
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("paths", not(hasKey("/asyncapi")));
    }
}
