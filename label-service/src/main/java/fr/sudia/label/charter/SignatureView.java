package fr.sudia.label.charter;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Signature", description = "A signature of the charter; never edited, only superseded by a newer one")
public record SignatureView(
        UUID id,
        UUID organizationId,
        @Schema(examples = "1") int charterVersion,
        @Schema(description = "contentHash of the version signed") String charterHash,
        @Schema(examples = "Camille Martin") String signerName,
        @Schema(examples = "Présidente") String signerRole,
        @Schema(examples = "2026-02-01T09:30:00Z") OffsetDateTime signedAt,
        @Schema(nullable = true, description = "The organization's previous signature") UUID supersedes) {

    public static SignatureView of(CharterSignature signature) {
        return new SignatureView(signature.id, signature.organizationId, signature.charterVersion,
                signature.charterHash, signature.signerName, signature.signerRole, signature.signedAt,
                signature.supersedes);
    }
}
