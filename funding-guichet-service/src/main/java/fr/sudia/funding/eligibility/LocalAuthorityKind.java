package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The tiers of local authority the Plan names (Mesure 4: "Département, EPCI, communes"). */
@Schema(description = "COMMUNE: commune / municipality; EPCI: intercommunalité / inter-municipal body; DEPARTMENT: "
        + "département")
public enum LocalAuthorityKind {
    COMMUNE,
    /** Établissement public de coopération intercommunale (communauté de communes, d'agglomération, métropole…). */
    EPCI,
    DEPARTMENT
}
