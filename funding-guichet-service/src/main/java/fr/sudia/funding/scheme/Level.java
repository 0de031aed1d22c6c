package fr.sudia.funding.scheme;

/** Who funds or runs a scheme. */
public enum Level {
    REGION,
    STATE,
    EUROPE,
    OTHER_PARTNER
}
