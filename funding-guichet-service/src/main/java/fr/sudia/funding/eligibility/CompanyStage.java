package fr.sudia.funding.eligibility;

/** Where a company stands in its life. */
public enum CompanyStage {
    PROJECT,
    SEED,
    GROWTH,
    SCALE_UP,
    ESTABLISHED
}
