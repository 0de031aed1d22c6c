package fr.sudia.platform.problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the platform's RFC 9457 errors once for every service: a {@code Problem} schema and the
 * reusable responses (BadRequest, Unauthorized, Forbidden, NotFound, Conflict, PreconditionFailed,
 * IdempotencyKeyReused, PreconditionRequired, TooManyRequests) that operations reference with {@code @APIResponse(ref = "...")}.
 */
public class ProblemResponses implements OASFilter {

    static final String MEDIA_TYPE = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Violation", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field of the request")
                .addProperty("field", string("The invalid field, e.g. `name` or `register.request.siren`"))
                .addProperty("in", string("Where the field is: body, query, path, header"))
                .addProperty("message", string("What is wrong with it")));
        components.addSchema("Problem", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail")
                .addProperty("type", string("A URI reference identifying the problem type"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("HTTP status code"))
                .addProperty("detail", string("What went wrong, for a person"))
                .addProperty("instance", string("The request path"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("Invalid fields, for validation errors")
                        .items(OASFactory.createSchema().ref("Violation"))));

        response(components, "BadRequest", 400, "Bad Request", "The request is invalid",
                "name must not be blank", List.of(Map.of("field", "name", "in", "body", "message", "must not be blank")));
        response(components, "Unauthorized", 401, "Unauthorized", "A valid bearer token is required",
                "HTTP 401 Unauthorized", null);
        response(components, "Forbidden", 403, "Forbidden", "The token's roles or organization do not allow this",
                "This token does not represent organization 6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10.", null);
        response(components, "NotFound", 404, "Not Found", "No such resource",
                "No organization 6f1c2a64-7e0b-4c55-9d0e-2b1f7c1a9e10 in the directory.", null);
        response(components, "Conflict", 409, "Conflict", "The request conflicts with the current state",
                "An organization with SIREN 812345678 is already registered.", null);
        response(components, "PreconditionFailed", 412, "Precondition Failed",
                "If-Match does not match the current version: read it again and retry",
                "The resource changed since version \"3\".", null);
        response(components, "PayloadTooLarge", 413, "Payload Too Large", "The body is larger than this operation takes",
                "The file has 6291456 bytes; question 'budget' takes at most 5242880.", null);
        response(components, "UnsupportedMediaType", 415, "Unsupported Media Type",
                "The body's Content-Type is not one this operation takes",
                "Question 'budget' takes [application/pdf] (the request's Content-Type), not text/html.", null);
        response(components, "IdempotencyKeyReused", 422, "Unprocessable Content",
                "This Idempotency-Key was already used by your organization for another request",
                "This Idempotency-Key was already used by your organization for another request.", null);
        response(components, "PreconditionRequired", 428, "Precondition Required",
                "An If-Match header with the version read is required", "This update requires If-Match.", null);
        response(components, "TooManyRequests", 429, "Too Many Requests",
                "The gateway's rate limit for this address is reached: retry after a short pause",
                "Too many requests from this address; retry in a few seconds.", null);
        response(components, "ServiceUnavailable", 503, "Service Unavailable",
                "This instance is starting and cannot answer yet: retry after the Retry-After header's seconds",
                "The search index is loading; retry in a few seconds.", null);
        removeUnused(openAPI, components);
    }

    /** A service documents only the error responses its operations use. */
    private static void removeUnused(OpenAPI openAPI, Components components) {
        Set<String> used = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .map(APIResponse::getRef).filter(Objects::nonNull)
                            .forEach(ref -> used.add(ref.substring(ref.lastIndexOf('/') + 1)));
                }
            }));
        }
        new ArrayList<>(components.getResponses().keySet()).stream()
                .filter(name -> !used.contains(name)).forEach(components::removeResponse);
        if (components.getResponses().isEmpty()) {
            components.removeSchema("Problem");
            components.removeSchema("Violation");
        }
    }

    private static void response(Components components, String name, int status, String title, String description,
            String detail, List<Map<String, String>> violations) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("status", status);
        example.put("title", title);
        example.put("detail", detail);
        example.put("instance", "/api/v1/organizations");
        if (violations != null) {
            example.put("violations", violations);
        }
        components.addResponse(name, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .example(example))));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
