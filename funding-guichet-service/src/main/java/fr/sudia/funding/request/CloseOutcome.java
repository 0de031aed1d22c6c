package fr.sudia.funding.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an advisor closed a request. */
@Schema(description = "HELPED: accompagnée / helped; NOT_HELPED: non accompagnée / not helped; UNREACHABLE: injoignable / "
        + "unreachable")
public enum CloseOutcome {
    HELPED,
    NOT_HELPED,
    UNREACHABLE
}
