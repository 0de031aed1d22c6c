package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Size;

/** The business's confirmation of a prescribed request: the secret of its link, or none when logged in as its member. */
@Schema(name = "ConfirmInput")
public record ConfirmInput(
        @Size(max = 200) @Schema(description = "The secret of the confirmation link; leave out when logged in as a member of the business",
                nullable = true, examples = "q3Jd0vX1u6mYc9b2N8pL4tR7wZ5eK1sA0hG3fD6jQ2c") String token) {
}
