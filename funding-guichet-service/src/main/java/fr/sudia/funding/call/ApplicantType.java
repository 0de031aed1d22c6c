package fr.sudia.funding.call;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.sudia.funding.eligibility.BeneficiaryType;

/** Who may apply to a call. */
@Schema(description = "COMPANY: entreprise / company; LOCAL_AUTHORITY: collectivité / local authority; ASSOCIATION: "
        + "association; TRAINING_BODY: organisme de formation / training body; RESEARCH_LAB: laboratoire de "
        + "recherche / research lab; SCHOOL: établissement d'enseignement / school; INDIVIDUAL: personne "
        + "physique / individual")
public enum ApplicantType {
    COMPANY,
    LOCAL_AUTHORITY,
    ASSOCIATION,
    TRAINING_BODY,
    RESEARCH_LAB,
    SCHOOL,
    /** A researcher, PhD or Master student applying in their own name (no organization on the public events). */
    INDIVIDUAL;

    /**
     * The beneficiary type an organization must have to apply as this type, or null when any organization may:
     * an individual applies in their own name, and a school may be a public body, an association or a company.
     */
    public BeneficiaryType requiredBeneficiaryType() {
        return switch (this) {
            case COMPANY -> BeneficiaryType.COMPANY;
            case LOCAL_AUTHORITY -> BeneficiaryType.LOCAL_AUTHORITY;
            case ASSOCIATION -> BeneficiaryType.ASSOCIATION;
            case TRAINING_BODY -> BeneficiaryType.TRAINING_BODY;
            case RESEARCH_LAB -> BeneficiaryType.RESEARCH_ORGANIZATION;
            case SCHOOL, INDIVIDUAL -> null;
        };
    }
}
