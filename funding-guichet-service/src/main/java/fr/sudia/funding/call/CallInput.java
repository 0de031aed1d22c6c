package fr.sudia.funding.call;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A call as an admin or advisor writes it (in DRAFT only). Instants carry their offset; the call shows them in Europe/Paris too. */
@Schema(name = "CallInput")
public record CallInput(
        @NotNull CallKind kind,
        @NotBlank @Size(max = 300) @Schema(examples = "Challenge IA 2026") String title,
        @NotNull @Min(2024) @Max(2100) @Schema(examples = "2026") Integer editionYear,
        @Size(max = 300) @Schema(nullable = true, description = "AI Challenge: the edition's theme", examples = "Lutter contre le harcèlement scolaire") String theme,
        @Size(max = 20) @Schema(nullable = true, description = "Prize of the year: its categories") List<@NotBlank @Size(max = 100) String> categories,
        @Size(max = 20000) @Schema(nullable = true) String descriptionFr,
        @NotNull @Schema(description = "Opening of applications", examples = "2026-01-15T09:00:00+01:00") OffsetDateTime opensAt,
        @NotNull @Schema(description = "Deadline, to the second (server time)", examples = "2026-03-31T12:00:00+02:00") OffsetDateTime closesAt,
        @Schema(nullable = true, description = "Planned start of the review") OffsetDateTime reviewFrom,
        @Schema(nullable = true, description = "Planned deliberation") OffsetDateTime deliberationOn,
        @Schema(nullable = true, description = "Planned publication of the results") OffsetDateTime resultsOn,
        @NotNull @Size(max = 100) @Valid List<@NotNull @Valid Question> form,
        @NotEmpty @Size(max = 30) @Valid List<@NotNull @Valid Criterion> grid,
        @NotEmpty @Schema(description = "Who may apply") List<@NotNull ApplicantType> applicantTypes,
        @Schema(description = "Whether an application may name team partners") boolean teamsAllowed,
        @Min(1) @Max(100) @Schema(nullable = true, description = "Applications one organization may have in the call (default 1)") Integer maxApplicationsPerApplicant,
        @Schema(description = "Reviewers do not see who applied") boolean anonymisedReview,
        @PositiveOrZero @Schema(nullable = true, description = "Whole endowment, when the call has amounts") Long totalAmountEur,
        @DecimalMin("0") @Max(100) @Schema(nullable = true, description = "Standard deviation of the reviews' weighted scores (0–100) above which the ranking flags a disagreement; default 15") Double disagreementThreshold) {
}
