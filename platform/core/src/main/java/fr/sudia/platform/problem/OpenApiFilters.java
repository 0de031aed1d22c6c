package fr.sudia.platform.problem;

import org.eclipse.microprofile.openapi.OASFilter;

import fr.sudia.platform.opendata.OpenDataDocumentation;
import fr.sudia.platform.openapi.ResponseSchemas;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The platform's OpenAPI filters, in order (MicroProfile OpenAPI takes a single filter class): paths as called
 * through the gateway, what every open-data download answers alike, what responses always carry marked required
 * (the problem responses, added after, declare their own), the problem+json errors.
 */
public class OpenApiFilters implements OASFilter {

    private final OASFilter[] filters = { new GatewayPaths(), new OpenDataDocumentation(), new ResponseSchemas(),
        new ProblemResponses() };

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (OASFilter filter : filters) {
            filter.filterOpenAPI(openAPI);
        }
    }
}
