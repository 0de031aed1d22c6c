package fr.sudia.funding.call;

import jakarta.validation.constraints.NotNull;

/** The phase a call moves to: always the next one. */
public record PhaseInput(@NotNull CallPhase phase) {
}
