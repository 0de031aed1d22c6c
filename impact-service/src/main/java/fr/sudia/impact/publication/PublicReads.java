package fr.sudia.impact.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Public reads that partners and the gateway cache: {@code Cache-Control}, and an {@code ETag} that is a digest of
 * the body, so a client revalidating figures that did not change gets a 304 without its body.
 */
@ApplicationScoped
public class PublicReads {

    private final ObjectMapper objectMapper;
    private final CacheControl cacheControl;

    PublicReads(ObjectMapper objectMapper, @ConfigProperty(name = "sudia.impact.public-max-age") int maxAge) {
        this.objectMapper = objectMapper;
        this.cacheControl = new CacheControl();
        this.cacheControl.setMaxAge(maxAge);
        this.cacheControl.setPrivate(false);
        this.cacheControl.setNoTransform(false);
    }

    public CacheControl cacheControl() {
        return cacheControl;
    }

    public Response json(Request request, Object entity) {
        try {
            return respond(request, objectMapper.writeValueAsBytes(entity), MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response text(Request request, String body, String mediaType, String fileName) {
        Response response = respond(request, body.getBytes(StandardCharsets.UTF_8), MediaType.valueOf(mediaType));
        return fileName == null || response.getStatus() != 200 ? response
                : Response.fromResponse(response).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** A definition's version as its ETag (the If-Match of admins' updates). */
    public Response versioned(Request request, long version, Object entity) {
        EntityTag tag = new EntityTag(Long.toString(version));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cacheControl).tag(tag).build();
        }
        return Response.ok(entity).tag(tag).cacheControl(cacheControl).build();
    }

    private Response respond(Request request, byte[] body, MediaType type) {
        EntityTag tag = new EntityTag(digest(body));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(cacheControl).tag(tag).build();
        }
        return Response.ok(body, type).tag(tag).cacheControl(cacheControl).build();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
