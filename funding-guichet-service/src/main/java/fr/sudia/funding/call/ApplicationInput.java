package fr.sudia.funding.call;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An application's content: answers are checked against the call's form. */
@Schema(name = "CallApplicationInput")
public record ApplicationInput(
        @NotNull ApplicantType applicantType,
        @NotBlank @Size(max = 300) @Schema(description = "The organization's or the person's name, as published if laureate", examples = "Lycée Les Eucalyptus") String applicantName,
        @NotBlank @Size(max = 300) @Schema(examples = "HarcèlementStop : détecter les signaux faibles") String title,
        @Size(max = 20) @Valid @Schema(nullable = true, description = "Team partners, when the call allows teams") List<@NotNull @Valid TeamMember> team,
        @NotNull @Schema(description = "Question id → answer", implementation = Object.class) ObjectNode answers) {
}
