package fr.sudia.notifications.email;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.sudia.notifications.alert.AlertSubscription;
import fr.sudia.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The email delivery log, for support (admins), and the erasure of an address's traces. */
@Path("/api/v1/emails")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Email log", description = "What was sent to whom, and when (no body kept past the retention)")
public class EmailLogResource {

    @Schema(name = "EmailDelivery")
    public record EmailView(@Schema(example = "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d") UUID id,
            @Schema(example = "events.registrations") String category, @Schema(example = "registration") String kind,
            @Schema(example = "camille.martin@example.org") String recipient, @Schema(example = "fr") String language,
            @Schema(nullable = true, example = "Inscription confirmée : Atelier IA") String subject,
            @Schema(enumeration = { "PENDING", "SENT", "SUPPRESSED", "FAILED" }, example = "SENT",
                    description = "PENDING: en attente d'envoi / waiting to be sent; SENT: remis au serveur SMTP / handed "
                            + "to the SMTP server; SUPPRESSED: non envoyé, l'adresse s'est désabonnée / not sent, the "
                            + "address unsubscribed; FAILED: abandonné après les tentatives / given up after the attempts")
            String status,
            @Schema(example = "1") int attempts, OffsetDateTime nextAttemptAt,
            @Schema(nullable = true, description = "What went wrong at the last attempt; null when none failed") String lastError,
            OffsetDateTime createdAt,
            @Schema(nullable = true, description = "When the SMTP server took it; null until then") OffsetDateTime sentAt) {
        static EmailView of(EmailDelivery d) {
            return new EmailView(d.id, d.category, d.kind, d.recipient, d.language, d.subject, d.status, d.attempts,
                    d.nextAttemptAt, d.lastError, d.createdAt, d.sentAt);
        }
    }

    @Schema(name = "EmailDeliveryList", description = "The address's latest emails (at most 100), newest first")
    public record EmailList(List<EmailView> items) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Transactional
    @Operation(operationId = "listEmails", summary = "List the emails sent to an address",
            description = "Status, attempts and last error of each (a pending one waits for the SMTP server).")
    @APIResponse(responseCode = "200", description = "The emails",
            content = @Content(schema = @Schema(implementation = EmailList.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public EmailList list(@QueryParam("recipient") @NotBlank @Email
            @Parameter(required = true, example = "camille.martin@example.org") String recipient) {
        return new EmailList(EmailDelivery.<EmailDelivery>find("recipient = ?1 order by createdAt desc",
                Suppressions.normalize(recipient)).page(0, 100).list().stream().map(EmailView::of).toList());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Transactional
    @Operation(operationId = "eraseEmails", summary = "Erase an address's emails",
            description = "Every email to the address, sent or pending, is deleted, and so are its alert subscriptions. Its "
                    + "unsubscriptions and bounces are kept, so that it is still not written to.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response erase(@QueryParam("recipient") @NotBlank @Email
            @Parameter(required = true, example = "camille.martin@example.org") String recipient) {
        EmailDelivery.delete("recipient", Suppressions.normalize(recipient));
        AlertSubscription.delete("email", Suppressions.normalize(recipient));
        return Response.noContent().build();
    }
}
