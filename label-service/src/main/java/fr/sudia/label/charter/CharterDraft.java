package fr.sudia.label.charter;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A new version of the charter, as an admin publishes it. */
@Schema(name = "CharterDraft", description = "The content of a new charter version")
public record CharterDraft(
        @NotBlank @Size(max = 100_000) @Schema(description = "The charter in French, the authoritative text",
                examples = "Charte pour une IA éthique, fiable, industrielle et souveraine…") String textFr,
        @Size(max = 100_000) @Schema(nullable = true, examples = "Charter for an ethical, reliable, industrial and sovereign AI…") String textEn,
        @NotNull @Schema(description = "When this version takes effect; holders then have the grace period to sign it",
                examples = "2026-01-01T00:00:00Z") OffsetDateTime effectiveAt,
        @NotNull @PositiveOrZero @Max(730) @Schema(description = "Days after effectiveAt by which labelled holders must sign again",
                examples = "90") Integer gracePeriodDays,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull CharterQuestion> questions) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "every principle (FAIRNESS, INCLUSION, RELIABILITY, TRANSPARENCY, FRUGALITY, SOVEREIGNTY) needs at least one question")
    public boolean isEveryPrincipleAsked() {
        if (questions == null) {
            return true;
        }
        Set<Principle> asked = EnumSet.noneOf(Principle.class);
        questions.stream().filter(q -> q != null && q.principle() != null).forEach(q -> asked.add(q.principle()));
        return asked.containsAll(EnumSet.allOf(Principle.class));
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "question codes must be unique")
    public boolean isEveryCodeUnique() {
        if (questions == null) {
            return true;
        }
        Set<String> codes = new HashSet<>();
        return questions.stream().filter(q -> q != null && q.code() != null).allMatch(q -> codes.add(q.code()));
    }
}
