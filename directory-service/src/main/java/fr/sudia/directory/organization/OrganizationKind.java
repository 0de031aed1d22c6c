package fr.sudia.directory.organization;

/** What kind of AI maker an organization is, per Mesure 13 of the regional AI plan. */
public enum OrganizationKind {
    STARTUP,
    SME,
    LARGE_COMPANY_AI_LAB,
    RESEARCH_LAB,
    TRAINING_PROVIDER,
    INCUBATOR,
    AI_AWARENESS_PLACE
}
