package fr.sudia.funding.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Files answering the FILE questions of a call's form. */
@Path("/api/v1/applications/{id}/attachments/{questionId}")
@SecurityRequirement(name = "bearer")
@Tag(name = "Calls", description = "Competitive calls, applications, juries and results")
public class AttachmentResource {

    private final ApplicationDesk desk;

    AttachmentResource(ApplicationDesk desk) {
        this.desk = desk;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "uploadApplicationAttachment", summary = "Upload the file answering a FILE question",
            description = "The body is the file itself, its `Content-Type` one of the question's `mediaTypes` (default "
                    + "application/pdf) and its size at most the question's `maxBytes` (at most 5 MiB). The type is read "
                    + "from the bytes too: a file whose content is not what its `Content-Type` says is a 400. Replaces an "
                    + "earlier file; sets the question's answer (`mediaType`, `sizeBytes`, `sha256`, `uploadedAt`), which "
                    + "an edit of the application cannot change. Only the applicant's organization, while the call takes "
                    + "applications (409 after the deadline). Audited.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "Stored: the question's answer",
            content = @Content(schema = @Schema(implementation = AttachmentView.class), examples = @ExampleObject(name = "pdf", value = """
                    {"questionId":"budget","mediaType":"application/pdf","sizeBytes":48213,
                     "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","uploadedAt":"2026-03-02T10:15:00Z"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public AttachmentView upload(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @PathParam("questionId") @Parameter(description = "Id of a FILE question of the call's form", example = "budget") String questionId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType, InputStream body) {
        byte[] content;
        try {
            // One byte over the largest file a question takes is enough to refuse it, whatever the body's length.
            content = body.readNBytes(Question.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AttachmentView.of(desk.attach(id, questionId, mediaTypeOf(contentType), content));
    }

    @GET
    @Produces({ "application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.ADVISOR, Roles.JUROR, Roles.REVIEWER })
    @Operation(operationId = "getApplicationAttachment", summary = "Download the file answering a FILE question",
            description = "For the applicant's organization, staff, and the call's jurors who may review the application "
                    + "(anyone else: 404, as for a missing application). Sent as an attachment, never shown inline.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"<questionId>.<ext>\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response download(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @PathParam("questionId") @Parameter(description = "Id of a FILE question of the call's form", example = "budget") String questionId) {
        ApplicationDesk.Download file = desk.attachment(id, questionId);
        return Response.ok(file.content(), file.mediaType())
                .tag(new EntityTag(file.sha256()))
                .header("Content-Disposition", "attachment; filename=\"" + questionId + extension(file.mediaType()) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    @DELETE
    @RolesAllowed(Roles.MEMBER)
    @Operation(operationId = "deleteApplicationAttachment", summary = "Remove the file answering a FILE question",
            description = "While the call takes applications; the question is unanswered again (a required one then stops "
                    + "the submission). Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") @Parameter(description = "Application id") UUID id,
            @PathParam("questionId") @Parameter(description = "Id of a FILE question of the call's form", example = "budget") String questionId) {
        desk.detach(id, questionId);
    }

    private static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }

    @Schema(name = "Attachment", description = "The answer of a FILE question: what identifies the file uploaded")
    public record AttachmentView(@Schema(required = true, examples = "budget") String questionId,
            @Schema(required = true, examples = "application/pdf") String mediaType,
            @Schema(required = true, examples = "48213") int sizeBytes,
            @Schema(required = true, description = "SHA-256 of the bytes, hexadecimal") String sha256,
            @Schema(required = true) OffsetDateTime uploadedAt) {

        static AttachmentView of(CallAttachment attachment) {
            return new AttachmentView(attachment.questionId, attachment.mediaType, attachment.sizeBytes, attachment.sha256,
                    attachment.uploadedAt);
        }
    }
}
