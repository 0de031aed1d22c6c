package fr.sudia.platform.asyncapi;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Serves the service's AsyncAPI 3.0 document (what it publishes and consumes on Kafka) at {@code /asyncapi}, as YAML,
 * or JSON with {@code ?format=json}; the gateway serves it at {@code /asyncapi/<service>}. Services without an
 * {@code asyncapi.yaml} answer 404.
 */
@Path("/asyncapi")
public class AsyncApiResource {

    private static volatile Rendered rendered;

    private record Rendered(String yaml, String json) {
    }

    @GET
    @NonBlocking
    @Operation(hidden = true)
    public Response document(@QueryParam("format") String format) {
        if (Thread.currentThread().getContextClassLoader().getResource(AsyncApiDocument.TEMPLATE) == null) {
            throw new jakarta.ws.rs.NotFoundException("This service publishes no AsyncAPI document.");
        }
        Rendered current = rendered;
        if (current == null) {
            JsonNode document = AsyncApiDocument.assemble(Thread.currentThread().getContextClassLoader());
            current = new Rendered(AsyncApiDocument.toYaml(document), AsyncApiDocument.toJson(document));
            rendered = current;
        }
        boolean json = "json".equalsIgnoreCase(format);
        return Response.ok(json ? current.json() : current.yaml(), json ? "application/json" : "application/yaml; charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
