package fr.sudia.platform.problem;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** The platform's OpenAPI filters, in order (MicroProfile OpenAPI takes a single filter class). */
public class OpenApiFilters implements OASFilter {

    private final OASFilter[] filters = { new GatewayPaths(), new ProblemResponses() };

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (OASFilter filter : filters) {
            filter.filterOpenAPI(openAPI);
        }
    }
}
