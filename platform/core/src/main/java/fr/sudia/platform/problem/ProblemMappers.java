package fr.sudia.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import fr.sudia.platform.json.StrictRequestText;
import fr.sudia.platform.problem.Problem.Violation;
import fr.sudia.platform.text.ControlCharacters;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns every error into an RFC 9457 {@code application/problem+json} response: bad input is a 4xx that
 * says what is wrong, and an unexpected failure is a 500 without a stack trace (that goes to the log).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.ResponseBuilder response = problem(status, e.getMessage(), uri, null);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response restViolations(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(toViolation(violation));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return problem(400, "The request has " + violations.size() + " invalid field(s).", uri, violations).build();
    }

    /** Takes precedence over Quarkus's own mapper of this exception, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StrictRequestText.ControlCharacterException control) {
            String field = path(control);
            return problem(400, "The request has 1 invalid field(s).", uri,
                    List.of(new Violation(field.isEmpty() ? "body" : field, "body", ControlCharacters.MESSAGE))).build();
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("CTRL-CHAR")) {
            // An unescaped control character: JSON itself forbids it; name the field the parser was in.
            String field = e.getProcessor() instanceof JsonParser parser ? pointerPath(parser) : "";
            return problem(400, "The request body is not valid JSON: a control character must be escaped, and text "
                    + "fields refuse it anyway.", uri,
                    List.of(new Violation(field.isEmpty() ? "body" : field, "body", ControlCharacters.MESSAGE))).build();
        }
        String detail;
        if (e instanceof InvalidFormatException invalid) {
            detail = "Field '" + path(invalid) + "' cannot take the value " + invalid.getValue() + ".";
        } else if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            detail = "Field '" + path(mismatched) + "' has the wrong type.";
        } else {
            detail = "The request body is not valid JSON: " + e.getOriginalMessage();
        }
        return problem(400, detail, uri, null).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return problem(401, "A valid bearer token is required.", uri, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "This token's roles do not allow this operation.", uri, null).build();
    }

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return problem(409, "The resource was changed by someone else at the same time; read it again and retry.",
                uri, null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (unstorableText(e)) {
            // Last line of defence behind StrictRequestText (a query parameter, a body read by hand).
            LOG.warn("Refused a text PostgreSQL cannot store on " + uri.getPath() + ": " + e);
            return problem(400, "A text value of the request holds a character that cannot be stored (such as NUL); "
                    + "text " + ControlCharacters.MESSAGE + ".", uri, null).build();
        }
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return problem(500, "An unexpected error occurred; it has been logged.", uri, null).build();
    }

    static Response.ResponseBuilder problem(int status, String detail, UriInfo uri, List<Violation> violations) {
        Status known = Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : status == 428 ? "Precondition Required" : "HTTP " + status;
        Problem body = new Problem(null, title, status, detail, uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static Violation toViolation(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getName() != null) {
                    properties.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
                }
            }
        }
        boolean inBody = !properties.isEmpty() || violation.getInvalidValue() == null && parameter == null;
        String field = properties.isEmpty() ? (parameter != null ? parameter : "body") : String.join(".", properties);
        return new Violation(field, inBody ? "body" : "parameter", violation.getMessage());
    }

    /** PostgreSQL's SQLSTATE 22021 (NUL, invalid byte sequence) or 22P05 (untranslatable character). */
    private static boolean unstorableText(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String pointerPath(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.push("." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        parts.forEach(path::append);
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}
