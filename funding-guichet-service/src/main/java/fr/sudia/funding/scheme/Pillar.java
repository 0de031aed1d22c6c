package fr.sudia.funding.scheme;

/** The "360°" support of Mesure 14: financial, legal, HR, international, storage and compute infrastructure. */
public enum Pillar {
    FINANCIAL,
    LEGAL,
    HR,
    INTERNATIONAL,
    INFRASTRUCTURE
}
