package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "CallConflictInput")
public record ConflictInput(@NotBlank @Size(max = 2000) @Schema(examples = "J'ai co-encadré la thèse du porteur.") String reason) {
}
