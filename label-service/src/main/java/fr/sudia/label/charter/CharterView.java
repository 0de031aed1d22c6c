package fr.sudia.label.charter;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Charter", description = "A published version of the charter")
public record CharterView(
        @Schema(examples = "1") int version,
        String textFr,
        @Schema(nullable = true) String textEn,
        @Schema(description = "SHA-256 (hex) of the UTF-8 JSON object {textFr, textEn, questions}, in that order, as served here",
                examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String contentHash,
        @Schema(examples = "2026-01-01T00:00:00Z") OffsetDateTime effectiveAt,
        @Schema(examples = "90") int gracePeriodDays,
        @Schema(description = "Labelled holders that have not signed this version by then are suspended",
                examples = "2026-04-01T00:00:00Z") OffsetDateTime signatureDeadline,
        List<CharterQuestion> questions,
        OffsetDateTime publishedAt) {

    public static CharterView of(CharterVersion charter) {
        return new CharterView(charter.version, charter.textFr, charter.textEn, charter.contentHash, charter.effectiveAt,
                charter.gracePeriodDays, charter.signatureDeadline(), charter.questions, charter.publishedAt);
    }
}
