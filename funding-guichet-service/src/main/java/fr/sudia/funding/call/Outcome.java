package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The jury's decision on an application. */
@Schema(name = "CallOutcome", description = "LAUREATE: lauréat / laureate; NOT_SELECTED: non retenu / not selected")
public enum Outcome {
    LAUREATE,
    NOT_SELECTED
}
