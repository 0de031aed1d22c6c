package fr.sudia.funding.eligibility;

/** The tiers of local authority the Plan names (Mesure 4: "Département, EPCI, communes"). */
public enum LocalAuthorityKind {
    COMMUNE,
    /** Établissement public de coopération intercommunale (communauté de communes, d'agglomération, métropole…). */
    EPCI,
    DEPARTMENT
}
