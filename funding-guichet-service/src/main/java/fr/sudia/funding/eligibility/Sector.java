package fr.sudia.funding.eligibility;

/** The markets of directory-service's taxonomy (directory.organizations.v1 {@code sectors}). */
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
