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
        @Schema(description = "The signer's name, or their pseudonym (erased-...) once they asked for erasure", examples = "Camille Martin") String signerName,
        @Schema(description = "SHA-256 (hex) of the signer's name as signed, kept after an erasure", examples = "5b1c0f0e3a9e4d0c6d8f2a7b1e4c9d3f8a6b2c1d0e9f8a7b6c5d4e3f2a1b0c9d") String signerNameSha256,
        @Schema(nullable = true, description = "The signer's role, cleared on erasure", examples = "Présidente") String signerRole,
        @Schema(examples = "2026-02-01T09:30:00Z") OffsetDateTime signedAt,
        @Schema(nullable = true, description = "The organization's previous signature") UUID supersedes) {

    public static SignatureView of(CharterSignature signature) {
        return new SignatureView(signature.id, signature.organizationId, signature.charterVersion,
                signature.charterHash, signature.signerName, signature.signerNameSha256, signature.signerRole, signature.signedAt,
                signature.supersedes);
    }
}
