package fr.sudia.funding.request;

/** How an advisor closed a request. */
public enum CloseOutcome {
    HELPED,
    NOT_HELPED,
    UNREACHABLE
}
