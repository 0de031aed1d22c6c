package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Assigns a user (token subject, role reviewer or juror) to a call's jury. */
@Schema(name = "CallJurorInput")
public record JurorInput(@NotBlank @Size(max = 200) @Schema(examples = "juror-3ia-1") String subject) {
}
