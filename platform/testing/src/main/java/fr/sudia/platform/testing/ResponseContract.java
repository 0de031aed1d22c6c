package fr.sudia.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds every JSON answer a service's tests receive to its OpenAPI document's promises about what is present:
 * a {@code required} property is there, and a property whose schema does not allow {@code null} is never null.
 * A client generated from the document (clients/typescript) trusts exactly that. Installed for every
 * {@code @QuarkusTest} of a service by {@link ResponseContractCallback}; an answer that breaks it fails the test
 * that got it, naming the operation and the property.
 *
 * <p>Only successful ({@code 2xx}) answers in JSON whose operation the document describes are checked (the
 * document itself, health and metrics are not operations). The document is read once per application start.
 */
public class ResponseContract implements OrderedFilter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern GATEWAY_PREFIX = Pattern.compile("^/api/[^/]+(/v\\d+/.*)$");
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String contentType = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        if (response.statusCode() < 200 || response.statusCode() > 299 || !contentType.contains("json")
                || contentType.contains("problem")) {
            return response;
        }
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || uri.getPath().startsWith("/q/")) {
            return response;
        }
        JsonNode document = documents.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), ResponseContract::read);
        if (document.isMissingNode()) {
            return response;
        }
        List<String> problems = check(document, request.getMethod(), uri.getPath(), response.statusCode(),
                response.asByteArray());
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getPath()
                    + " breaks the OpenAPI document's promises: " + problems);
        }
        return response;
    }

    /** What an answer's body breaks of its operation's response schema (empty: none, or no such operation). */
    static List<String> check(JsonNode document, String method, String path, int status, byte[] body) {
        List<String> problems = new ArrayList<>();
        JsonNode operation = operation(document, method.toLowerCase(Locale.ROOT), path);
        if (operation == null) {
            return problems;
        }
        JsonNode responses = operation.path("responses");
        JsonNode answer = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status))
                : responses.path("default");
        answer = resolve(document, answer);
        JsonNode schema = null;
        for (Iterator<Map.Entry<String, JsonNode>> media = answer.path("content").fields(); media.hasNext();) {
            Map.Entry<String, JsonNode> entry = media.next();
            if (entry.getKey().contains("json") && entry.getValue().has("schema")) {
                schema = entry.getValue().get("schema");
                break;
            }
        }
        if (schema == null || body == null || body.length == 0) {
            return problems;
        }
        try {
            validate(document, schema, MAPPER.readTree(body), "$", problems, 0);
        } catch (IOException e) {
            problems.add("the body is not JSON: " + e.getMessage());
        }
        return problems;
    }

    private static void validate(JsonNode document, JsonNode given, JsonNode value, String where, List<String> problems,
            int depth) {
        if (depth > 40 || problems.size() > 20) {
            return;
        }
        JsonNode schema = resolve(document, given);
        for (JsonNode part : schema.path("allOf")) {
            validate(document, part, value, where, problems, depth + 1);
        }
        if (value.isNull()) {
            if (!allowsNull(document, schema)) {
                problems.add(where + " is null, which its schema does not allow");
            }
            return;
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + "." + required.asText() + " is required but absent");
                }
            }
            JsonNode properties = schema.path("properties");
            value.fields().forEachRemaining(field -> {
                if (properties.has(field.getKey())) {
                    validate(document, properties.get(field.getKey()), field.getValue(), where + "." + field.getKey(),
                            problems, depth + 1);
                } else if (schema.path("additionalProperties").isObject()) {
                    validate(document, schema.get("additionalProperties"), field.getValue(),
                            where + "[" + field.getKey() + "]", problems, depth + 1);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(document, schema.get("items"), value.get(i), where + "[" + i + "]", problems, depth + 1);
            }
        }
    }

    /** Whether a schema lets a value be null: a {@code null} type, {@code nullable}, or a nullable alternative. */
    static boolean allowsNull(JsonNode document, JsonNode schema) {
        schema = resolve(document, schema);
        if (schema.path("nullable").asBoolean(false)) {
            return true;
        }
        JsonNode type = schema.get("type");
        if (type == null && !schema.has("$ref") && !schema.has("allOf") && !schema.has("anyOf") && !schema.has("oneOf")
                && !schema.has("properties") && !schema.has("items") && !schema.has("enum")) {
            return true; // no type at all: anything, null included
        }
        if (type != null && (type.isArray() ? contains(type, "null") : "null".equals(type.asText()))) {
            return true;
        }
        for (String composed : new String[] { "anyOf", "oneOf" }) {
            for (JsonNode alternative : schema.path(composed)) {
                if (allowsNull(document, alternative)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (text.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A schema or response with its {@code $ref} followed (SmallRye puts sibling keywords beside a {@code $ref}:
     * the referenced schema's are used, the siblings' {@code type} included when it allows null).
     */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            if (target.isMissingNode()) {
                return current;
            }
            if (current.has("type") && allowsNullType(current.get("type"))) {
                var merged = target.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) merged).set("type", current.get("type"));
                return merged;
            }
            current = target;
        }
        return current;
    }

    private static boolean allowsNullType(JsonNode type) {
        return type.isArray() ? contains(type, "null") : "null".equals(type.asText());
    }

    /** The operation of the document that serves this method and service path (documents use gateway paths). */
    static JsonNode operation(JsonNode document, String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (!entry.getValue().has(method)) {
                continue;
            }
            String template = entry.getKey();
            var gateway = GATEWAY_PREFIX.matcher(template);
            if (gateway.matches()) {
                template = "/api" + gateway.group(1);
            }
            StringBuilder regex = new StringBuilder("^");
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
            }
            if (Pattern.matches(regex + "/?$", path)) {
                return entry.getValue().get(method);
            }
        }
        return null;
    }

    private static JsonNode read(String base) {
        try {
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return answer.statusCode() == 200 ? MAPPER.readTree(answer.body()) : MAPPER.missingNode();
        } catch (IOException e) {
            return MAPPER.missingNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MAPPER.missingNode();
        }
    }
}
