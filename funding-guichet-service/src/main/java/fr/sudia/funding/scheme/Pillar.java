package fr.sudia.funding.scheme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The "360°" support of Mesure 14: financial, legal, HR, international, storage and compute infrastructure. */
@Schema(description = "FINANCIAL: financier / financial; LEGAL: juridique / legal; HR: ressources humaines / human "
        + "resources; INTERNATIONAL: international; INFRASTRUCTURE: stockage et calcul / storage and compute")
public enum Pillar {
    FINANCIAL,
    LEGAL,
    HR,
    INTERNATIONAL,
    INFRASTRUCTURE
}
