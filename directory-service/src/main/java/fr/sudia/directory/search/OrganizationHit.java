package fr.sudia.directory.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import fr.sudia.directory.organization.OrganizationView;

/**
 * An organization found by a search: its public profile, and its distance when the search gave a point. The API
 * document describes a hit with this type; the search sends hits as {@link StoredHit}, in this very shape.
 */
@Schema(name = "OrganizationHit", description = "An organization found, with its distance from `near` when given")
public record OrganizationHit(
        @JsonUnwrapped OrganizationView organization,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Distance from `near`, in km (present only with near)", nullable = true, examples = "19.554")
        Double distanceKm) {
}
