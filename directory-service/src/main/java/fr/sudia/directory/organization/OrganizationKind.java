package fr.sudia.directory.organization;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of AI actor an organization is, per Mesure 13 of the regional AI plan. */
@Schema(description = "STARTUP: start-up; SME_ETI: PME ou ETI / SME or mid-cap; LARGE_COMPANY_AI_LAB: laboratoire IA d'un "
        + "grand groupe / large company's AI lab; RESEARCH_LAB: laboratoire de recherche / research lab; "
        + "UNIVERSITY_SCHOOL: université ou école / university or school; INCUBATOR_ACCELERATOR: incubateur ou "
        + "accélérateur / incubator or accelerator; COMPETITIVENESS_CLUSTER: pôle de compétitivité / "
        + "competitiveness cluster; INVESTOR: investisseur / investor; PUBLIC_BODY: organisme public / public "
        + "body; AI_AWARENESS_PLACE: lieu de sensibilisation à l'IA / AI awareness place")
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
