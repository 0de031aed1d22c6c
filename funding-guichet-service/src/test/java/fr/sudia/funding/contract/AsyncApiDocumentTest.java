package fr.sudia.funding.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.sudia.funding.request.RequestDesk;
import fr.sudia.funding.scheme.SchemeCatalogue;
import fr.sudia.platform.testing.AsyncApiContracts;
import io.quarkus.test.junit.QuarkusTest;

/** The AsyncAPI document the service serves describes exactly the topics its code publishes and consumes. */
@QuarkusTest
class AsyncApiDocumentTest {

    @Test
    void theServedDocumentDescribesWhatTheServicePublishesAndConsumes() {
        String yaml = given().when().get("/asyncapi")
                .then().statusCode(200).contentType(startsWith("application/yaml"))
                .extract().asString();
        JsonNode document = AsyncApiContracts.read(yaml);

        AsyncApiContracts.assertDescribes(document, List.of(SchemeCatalogue.TOPIC, RequestDesk.TOPIC, fr.sudia.funding.call.CallDesk.TOPIC,
                fr.sudia.funding.notice.FundingNotices.TOPIC, fr.sudia.funding.scheme.SchemeMatches.TOPIC), AsyncApiContracts.consumedTopics());
        AsyncApiContracts.write(yaml, "asyncapi/funding.yaml");
        given().queryParam("format", "json").when().get("/asyncapi")
                .then().statusCode(200).contentType(startsWith("application/json"));
        // Not an API operation: the OpenAPI document does not list it.
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("paths", not(hasKey("/asyncapi")));
    }
}
