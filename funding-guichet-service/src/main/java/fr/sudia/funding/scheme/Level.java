package fr.sudia.funding.scheme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who funds or runs a scheme. */
@Schema(description = "REGION: Région; STATE: État / French State; EUROPE: Union européenne / European Union; "
        + "OTHER_PARTNER: autre partenaire / other partner")
public enum Level {
    REGION,
    STATE,
    EUROPE,
    OTHER_PARTNER
}
