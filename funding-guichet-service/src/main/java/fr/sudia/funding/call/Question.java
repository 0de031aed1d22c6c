package fr.sudia.funding.call;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One question of a call's application form: the form is data, answers are checked against it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CallQuestion")
public record Question(
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,39}", message = "must be a short identifier such as 'summary'")
        @Schema(description = "Key of the answer", examples = "summary") String id,
        @NotBlank @Size(max = 500) @Schema(examples = "Résumé du projet") String label,
        @NotNull QuestionType type,
        @Schema(description = "Whether a submitted application must answer it") boolean required,
        @Min(1) @Max(100000) @Schema(description = "TEXT, LONG_TEXT, URL: most characters", nullable = true) Integer maxLength,
        @Schema(description = "NUMBER: smallest value", nullable = true) Double min,
        @Schema(description = "NUMBER: largest value", nullable = true) Double max,
        @Size(max = 100) @Schema(description = "CHOICE, MULTI_CHOICE: the accepted values", nullable = true) List<@NotBlank @Size(max = 200) String> options,
        @Min(1) @Schema(description = "MULTI_CHOICE: most values", nullable = true) Integer maxChoices,
        @Min(1) @Max(MAX_FILE_BYTES) @Schema(description = "FILE: largest file in bytes (default and most: 5 MiB)", nullable = true, examples = "2097152") Integer maxBytes,
        @Size(min = 1, max = 3) @Schema(description = "FILE: accepted types among application/pdf, image/png and image/jpeg (default: PDF)", nullable = true)
        List<@NotBlank String> mediaTypes) {

    /** The largest attachment a call may take (the service's request body limit is set to match). */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    /** The types an attachment may have: documents and pictures that no browser runs as a page. */
    public static final List<String> FILE_TYPES = List.of("application/pdf", "image/png", "image/jpeg");

    public int fileLimit() {
        return maxBytes != null ? maxBytes : MAX_FILE_BYTES;
    }

    public List<String> acceptedTypes() {
        return mediaTypes != null ? mediaTypes : List.of("application/pdf");
    }

    public int lengthLimit() {
        return maxLength != null ? maxLength : type == QuestionType.LONG_TEXT ? 5000 : type == QuestionType.URL ? 2000 : 200;
    }
}
