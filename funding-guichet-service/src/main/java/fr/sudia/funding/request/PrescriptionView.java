package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prescribed request as its prescriber gets it on filing: with the secret of the business's confirmation link. */
@Schema(name = "Prescription")
public record PrescriptionView(
        RequestView request,
        @Schema(description = "The secret to give the business (shown once; null on a replay with the same Idempotency-Key)",
                nullable = true) String confirmationToken,
        @Schema(description = "The confirmation link's path behind the gateway: GET shows the request, POST …/confirm with "
                + "{\"token\":…} confirms it", nullable = true, examples = "/api/funding/v1/requests/0b7c…/confirmation?token=q3Jd…")
        String confirmationLink) {

    static PrescriptionView of(RequestDesk.Prescription prescription) {
        RequestView view = RequestView.of(prescription.request());
        String token = prescription.confirmationToken();
        return new PrescriptionView(view, token,
                token == null ? null : "/api/funding/v1/requests/" + view.id() + "/confirmation?token=" + token);
    }
}
