package fr.sudia.platform.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * Responses that point to a resource with a relative {@code Location} (RFC 9110 §10.2.2 allows it), such as
 * {@code /api/v1/organizations/<id>}. {@code Response.created(URI)} would make it absolute with the scheme and
 * host of the request, that is the client's {@code Host} header: a caller could then have the service hand out
 * links to a host of its choosing. The gateway maps the path to its own prefix ({@code /api/directory/v1/...}),
 * still relative.
 */
public final class Locations {

    private Locations() {
    }

    /** 201 Created with the given absolute path (starting with /) as Location. */
    public static Response.ResponseBuilder created(String path) {
        return Response.status(Status.CREATED).header(HttpHeaders.LOCATION, checked(path));
    }

    /** 202 Accepted with the given absolute path (starting with /) as Location, e.g. that of a job. */
    public static Response.ResponseBuilder accepted(String path) {
        return Response.status(Status.ACCEPTED).header(HttpHeaders.LOCATION, checked(path));
    }

    private static String checked(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a Location path starts with a single /: " + path);
        }
        return path;
    }
}
