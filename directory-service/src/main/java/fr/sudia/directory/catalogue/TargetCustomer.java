package fr.sudia.directory.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom a solution is sold to. */
@Schema(description = "VERY_SMALL_BUSINESS: TPE / very small business; SME: PME / SME; MID_CAP: ETI / mid-cap; "
        + "LARGE_COMPANY: grande entreprise / large company; PUBLIC_SECTOR: secteur public / public sector; "
        + "HEALTHCARE_PROVIDER: établissement de santé / healthcare provider; RESEARCH: recherche / research; "
        + "CONSUMER: particuliers / consumers")
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
