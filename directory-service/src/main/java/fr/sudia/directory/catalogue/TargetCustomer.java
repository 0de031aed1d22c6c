package fr.sudia.directory.catalogue;

/** Whom a solution is sold to. */
public enum TargetCustomer {
    VERY_SMALL_BUSINESS,
    SME,
    MID_CAP,
    LARGE_COMPANY,
    PUBLIC_SECTOR,
    HEALTHCARE_PROVIDER,
    RESEARCH,
    CONSUMER
}
