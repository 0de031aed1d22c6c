package fr.sudia.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Makes a service's OpenAPI document describe the API as front-end teams call it: through the gateway.
 * The service serves {@code /api/v1/...}; the gateway exposes it under {@code sudia.openapi.gateway-path}
 * (e.g. {@code /api/directory/v1/...}), so paths are rewritten to the gateway's. Operations that need no
 * token say so explicitly with an empty security requirement.
 */
public class GatewayPaths implements OASFilter {

    private static final String SERVICE_PREFIX = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null || paths.getPathItems().isEmpty()) {
            // A service with no operation yet has no use for the bearer scheme.
            if (openAPI.getComponents() != null) {
                openAPI.getComponents().setSecuritySchemes(null);
            }
            return;
        }
        String gatewayPath = ConfigProvider.getConfig()
                .getOptionalValue("sudia.openapi.gateway-path", String.class).orElse("/api");
        Map<String, PathItem> rewritten = new LinkedHashMap<>();
        paths.getPathItems().forEach((path, item) -> {
            item.getOperations().values().stream().filter(operation -> operation.getSecurity() == null)
                    .forEach(operation -> operation.addSecurityRequirement(OASFactory.createSecurityRequirement()));
            rewritten.put(path.startsWith(SERVICE_PREFIX) ? gatewayPath + path.substring(SERVICE_PREFIX.length() - 1) : path,
                    item);
        });
        paths.setPathItems(rewritten);
    }
}
