package fr.sudia.directory.organization;

/** What kind of AI actor an organization is, per Mesure 13 of the regional AI plan. */
public enum OrganizationKind {
    STARTUP,
    SME_ETI,
    LARGE_COMPANY_AI_LAB,
    RESEARCH_LAB,
    UNIVERSITY_SCHOOL,
    INCUBATOR_ACCELERATOR,
    COMPETITIVENESS_CLUSTER,
    INVESTOR,
    PUBLIC_BODY,
    AI_AWARENESS_PLACE
}
