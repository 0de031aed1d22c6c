package fr.sudia.label.charter;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "SignatureRequest", description = "Who signs the charter, for which organization")
public record SignatureRequest(
        @NotNull @Schema(description = "Directory organization id; a member signs only for its own",
                examples = "3f2b8c1e-6a4d-4c1b-9a57-2f0e5d7c8b91") UUID organizationId,
        @NotBlank @Size(max = 200) @Schema(examples = "Camille Martin") String signerName,
        @NotBlank @Size(max = 200) @Schema(examples = "Présidente") String signerRole) {
}
