package fr.sudia.platform.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Marks what a response always carries as {@code required}, so that a client generated from the document (e.g.
 * openapi-typescript under {@code tsc --strict}) types {@code items}, {@code name}, {@code event}… as present.
 *
 * <p>The views are Java records whose components the platform always serializes: a component is absent or null
 * only when its type says so. The platform's convention, which this filter relies on and the services' tests check
 * ({@code ResponseContract} in platform/testing validates every JSON answer of their tests against the document):
 * <ul>
 * <li>a component that may be null is annotated {@code @Schema(nullable = true)}: its type then allows
 * {@code null}, and it stays optional (a {@code @JsonInclude(NON_NULL)} view leaves it out);</li>
 * <li>every other component is always set (primitives, collections, which views never leave null, and references
 * built by the code): it becomes required.</li>
 * </ul>
 * Only the schemas used by responses are changed, and only those that declare no {@code required} list themselves
 * (a view that names its required properties, with {@code @Schema(required = true)}, has decided).
 *
 * <p>A schema shared by a request body and a response (e.g. events' {@code Venue} and {@code Session}: what an
 * event is submitted with is what it answers with) keeps its request-side list: a client may omit what is not
 * required in a request, and a single schema cannot say both. Its description says so.
 * {@link #SHARED_NOTE} is what is appended.
 */
public class ResponseSchemas implements OASFilter {

    static final String REF_PREFIX = "#/components/schemas/";
    static final String SHARED_NOTE = "Also a request body: only what a request must carry is marked required.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        List<Schema> responseRoots = new ArrayList<>();
        List<Schema> requestRoots = new ArrayList<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> roots(operation, components, responseRoots, requestRoots)));
        Set<String> inResponses = reachable(responseRoots, schemas);
        Set<String> inRequests = reachable(requestRoots, schemas);
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
                continue;
            }
            if (inRequests.contains(name)) {
                String description = schema.getDescription();
                if (description == null || !description.contains(SHARED_NOTE)) {
                    schema.setDescription(description == null || description.isBlank() ? SHARED_NOTE
                            : description.strip() + (description.strip().endsWith(".") ? " " : ". ") + SHARED_NOTE);
                }
                continue;
            }
            if (schema.getRequired() != null && !schema.getRequired().isEmpty()) {
                continue;
            }
            schema.getProperties().forEach((property, propertySchema) -> {
                if (!mayBeNull(propertySchema, schemas) && !Boolean.TRUE.equals(propertySchema.getWriteOnly())) {
                    schema.addRequired(property);
                }
            });
        }
    }

    private static void roots(Operation operation, Components components, List<Schema> responses, List<Schema> requests) {
        if (operation.getRequestBody() != null) {
            schemas(operation.getRequestBody().getContent(), requests);
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            APIResponse resolved = response;
            if (response.getRef() != null && components.getResponses() != null) {
                resolved = components.getResponses().get(response.getRef().substring(response.getRef().lastIndexOf('/') + 1));
            }
            if (resolved != null) {
                schemas(resolved.getContent(), responses);
            }
        }
    }

    private static void schemas(Content content, List<Schema> into) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            if (mediaType.getSchema() != null) {
                into.add(mediaType.getSchema());
            }
        }
    }

    /** The names of the component schemas that these schemas use, directly or through others. */
    static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new LinkedHashSet<>();
        Deque<Schema> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(REF_PREFIX)) {
                String name = schema.getRef().substring(REF_PREFIX.length());
                if (names.add(name) && components.get(name) != null) {
                    pending.push(components.get(name));
                }
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(pending::push);
            }
            if (schema.getItems() != null) {
                pending.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> composed : List.of(listOrEmpty(schema.getAllOf()), listOrEmpty(schema.getAnyOf()),
                    listOrEmpty(schema.getOneOf()))) {
                composed.forEach(pending::push);
            }
        }
        return names;
    }

    /** Whether a property's schema lets its value be null (its types, or one of its alternatives, include {@code null}). */
    static boolean mayBeNull(Schema schema, Map<String, Schema> components) {
        if (schema.getType() != null && schema.getType().contains(SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> composed : List.of(listOrEmpty(schema.getAnyOf()), listOrEmpty(schema.getOneOf()))) {
            for (Schema alternative : composed) {
                if (mayBeNull(alternative, components)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Schema> listOrEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
