package fr.sudia.label.application;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.label.label.LabelCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What an applicant writes: a draft may leave questions unanswered; a submission may not. */
@Schema(name = "ApplicationForm", description = "An application for the label and its self-assessment")
public record ApplicationForm(
        @NotNull @Schema(description = "Directory organization id; a member applies only for its own",
                examples = "3f2b8c1e-6a4d-4c1b-9a57-2f0e5d7c8b91") UUID organizationId,
        @NotNull LabelCategory category,
        @NotNull @Positive @Schema(description = "The charter version whose questionnaire is answered: the one in force",
                examples = "1") Integer charterVersion,
        @NotNull @Size(max = 100) List<@Valid @NotNull Answer> answers) {
}
