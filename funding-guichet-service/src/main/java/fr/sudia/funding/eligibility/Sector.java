package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The markets of directory-service's taxonomy (directory.organizations.v1 {@code sectors}). */
@Schema(description = "HEALTH: santé / health; INDUSTRY: industrie / industry; ENVIRONMENT: environnement / environment; "
        + "ENERGY: énergie / energy; MOBILITY: mobilité et transports / mobility and transport; "
        + "DEFENCE_SECURITY: défense et sécurité / defence and security; AEROSPACE: aéronautique et spatial / "
        + "aerospace; MARITIME: mer et littoral / sea and coast; AGRICULTURE_FOOD: agriculture et alimentation "
        + "/ agriculture and food; TOURISM: tourisme / tourism; CULTURE_MEDIA: culture, médias et industries "
        + "créatives / culture, media and creative industries; FINANCE_INSURANCE: finance et assurance / "
        + "finance and insurance; RETAIL_MARKETING: commerce et marketing / retail and marketing; EDUCATION: "
        + "éducation et formation / education and training; PUBLIC_SERVICES: services publics / public "
        + "services; SMART_CITY: ville et territoires intelligents / smart cities; TELECOM_DIGITAL: télécoms et "
        + "numérique / telecoms and digital")
public enum Sector {
    HEALTH,
    INDUSTRY,
    ENVIRONMENT,
    ENERGY,
    MOBILITY,
    DEFENCE_SECURITY,
    AEROSPACE,
    MARITIME,
    AGRICULTURE_FOOD,
    TOURISM,
    CULTURE_MEDIA,
    FINANCE_INSURANCE,
    RETAIL_MARKETING,
    EDUCATION,
    PUBLIC_SERVICES,
    SMART_CITY,
    TELECOM_DIGITAL
}
