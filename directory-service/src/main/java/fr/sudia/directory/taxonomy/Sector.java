package fr.sudia.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The market an organization works for. */
@Schema(description = "HEALTH: santé / health; INDUSTRY: industrie / industry; ENVIRONMENT: environnement / environment; "
        + "ENERGY: énergie / energy; MOBILITY: mobilité et transports / mobility and transport; "
        + "DEFENCE_SECURITY: défense et sécurité / defence and security; AEROSPACE: aéronautique et spatial / "
        + "aerospace; MARITIME: mer et littoral / sea and coast; AGRICULTURE_FOOD: agriculture et alimentation "
        + "/ agriculture and food; TOURISM: tourisme / tourism; CULTURE_MEDIA: culture, médias et industries "
        + "créatives / culture, media and creative industries; FINANCE_INSURANCE: finance et assurance / "
        + "finance and insurance; RETAIL_MARKETING: commerce et marketing / retail and marketing; EDUCATION: "
        + "éducation et formation / education and training; PUBLIC_SERVICES: services publics / public "
        + "services; SMART_CITY: ville et territoires intelligents / smart cities and territories; "
        + "TELECOM_DIGITAL: télécoms et numérique / telecoms and digital")
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
