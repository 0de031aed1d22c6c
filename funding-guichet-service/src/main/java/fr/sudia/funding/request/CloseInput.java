package fr.sudia.funding.request;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * How an advisor closes a request. HELPED records what was committed: the scheme(s) of the catalogue mobilised and
 * the amount in euros (0 for help without money); the other outcomes take neither.
 */
@Schema(name = "CloseInput")
public record CloseInput(@NotNull CloseOutcome outcome,
        @Size(max = 2_000) @Schema(nullable = true) String reason,
        @Size(max = 20) @Schema(description = "HELPED only, required: the catalogue's schemes mobilised", nullable = true)
        Set<@NotNull UUID> schemeIds,
        @PositiveOrZero @Digits(integer = 11, fraction = 0, message = "must be a whole number of euros (at most 11 digits)")
        @Schema(description = "HELPED only, required: the amount committed in whole euros, 0 for help without money",
                nullable = true, examples = "30000", type = SchemaType.INTEGER, minimum = "0")
        BigDecimal amountCommittedEur) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "schemeIds: at least one scheme is required when the outcome is HELPED, and none otherwise")
    public boolean isSchemeIdsGivenWhenHelped() {
        boolean given = schemeIds != null && !schemeIds.isEmpty();
        return outcome == null || given == (outcome == CloseOutcome.HELPED);
    }

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "amountCommittedEur: required when the outcome is HELPED (0 for help without money), and absent otherwise")
    public boolean isAmountCommittedEurGivenWhenHelped() {
        return outcome == null || (amountCommittedEur != null) == (outcome == CloseOutcome.HELPED);
    }
}
