package fr.sudia.directory.taxonomy;

/** The market an organization works for. */
public enum Sector {
    HEALTH("Santé"),
    INDUSTRY("Industrie"),
    ENVIRONMENT("Environnement"),
    ENERGY("Énergie"),
    MOBILITY("Mobilité et transports"),
    DEFENCE_SECURITY("Défense et sécurité"),
    AEROSPACE("Aéronautique et spatial"),
    MARITIME("Mer et littoral"),
    AGRICULTURE_FOOD("Agriculture et alimentation"),
    TOURISM("Tourisme"),
    CULTURE_MEDIA("Culture, médias et industries créatives"),
    FINANCE_INSURANCE("Finance et assurance"),
    RETAIL_MARKETING("Commerce et marketing"),
    EDUCATION("Éducation et formation"),
    PUBLIC_SERVICES("Services publics"),
    SMART_CITY("Ville et territoires intelligents"),
    TELECOM_DIGITAL("Télécoms et numérique");

    public final String labelFr;

    Sector(String labelFr) {
        this.labelFr = labelFr;
    }
}
