package fr.sudia.directory.importing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a row was rejected: the field (column) at fault, or {@code row} for the whole row. */
@Schema(name = "ImportViolation")
public record RowViolation(@Schema(examples = "siren") String field,
        @Schema(examples = "must be a valid SIREN: 9 digits with a correct check digit") String message) {
}
