package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

/** An advisor's note with a take-in-charge or a decline. */
@Schema(name = "AnswerInput")
public record AnswerInput(@Size(max = 2_000) @Schema(examples = "Hors de notre périmètre : voir la CCI.", nullable = true) String reason) {
}
