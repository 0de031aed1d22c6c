package fr.sudia.events.registration;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A teacher or a structure books for a group. No pupil's personal data is asked: counts only. */
@Schema(name = "GroupBooking")
public record GroupBooking(
        @NotBlank @Size(max = 200) @Schema(examples = "Lycée Masséna") String structureName,
        @Schema(description = "The school's UAI code (required for schools: seven digits and the check letter)", examples = "0060030A")
        String uai,
        @NotNull GroupLevel level,
        @NotNull @Min(1) @Max(1000) @Schema(description = "How many people come, accompanying adults included", examples = "28") Integer headCount,
        @Min(0) @Max(1000) @Schema(description = "Optionally, how many girls among them", examples = "15") Integer girls,
        @NotBlank @Size(max = 120) @Schema(description = "The teacher or contact person", examples = "Dominique Bernard") String contactName,
        @NotBlank @Email @Size(max = 254) @Schema(examples = "dominique.bernard@example.org") String contactEmail,
        @Schema(description = "The structure's commune, INSEE code (one of inseeCode or postcode)", examples = "06088") String inseeCode,
        @Schema(description = "The structure's postcode (one of inseeCode or postcode)", examples = "06000") String postcode,
        @Size(max = 10) Map<String, String> answers,
        @NotNull @Valid Consent consent,
        boolean newsletter,
        IndividualBooking.Language language) {
}
