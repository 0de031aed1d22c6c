package fr.sudia.funding.call;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import fr.sudia.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Answers {@link InvalidFieldsException} as the platform answers bean-validation failures. */
public class CallProblems {

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(null, "Bad Request", 400, e.getMessage(), uri.getPath(), e.violations())).build();
    }
}
