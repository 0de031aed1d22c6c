package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who the desk serves (Plan Sud IA): companies (Mesure 14, 15), local authorities (Mesure 4, "Parcours Sud,
 * territoires intelligents"), associations, training bodies (Mesure 9), research labs and universities (Mesure 17),
 * and individuals: researchers, PhD and Master students (Mesure 21).
 */
@Schema(name = "BeneficiaryType", description = "COMPANY, LOCAL_AUTHORITY (commune, EPCI, department), ASSOCIATION, "
        + "TRAINING_BODY, RESEARCH_ORGANIZATION (research lab or university), INDIVIDUAL (researcher, PhD or Master student)")
public enum BeneficiaryType {
    COMPANY,
    LOCAL_AUTHORITY,
    ASSOCIATION,
    TRAINING_BODY,
    RESEARCH_ORGANIZATION,
    INDIVIDUAL;

    /**
     * The type a directory kind ({@code directory.organizations.v1} {@code kind}) tells for certain, or null when the
     * kind does not decide it: an incubator, a competitiveness cluster, a public body or an AI-awareness place may
     * be an association, a company or a public body; the applicant completes it.
     */
    public static BeneficiaryType ofDirectoryKind(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "STARTUP", "SME_ETI", "LARGE_COMPANY_AI_LAB", "INVESTOR" -> COMPANY;
            case "RESEARCH_LAB", "UNIVERSITY_SCHOOL" -> RESEARCH_ORGANIZATION;
            default -> null;
        };
    }

    public String words() {
        return switch (this) {
            case COMPANY -> "a company";
            case LOCAL_AUTHORITY -> "a local authority";
            case ASSOCIATION -> "an association";
            case TRAINING_BODY -> "a training body";
            case RESEARCH_ORGANIZATION -> "a research lab or university";
            case INDIVIDUAL -> "an individual";
        };
    }
}
