package fr.sudia.funding.eligibility;

/** The region's strategic sectors (OIR), as directory-service publishes them ({@code strategicSectors}). */
public enum StrategicSector {
    CYBER_DEFENCE_DRONES_EMBEDDED_AI,
    AGRITECH_PERFUMES,
    TOURISM_CREATIVE_INDUSTRIES,
    MARITIME_BIODIVERSITY,
    ENERGY_TRANSITION,
    HEALTH_THERAPIES,
    INDUSTRY_OF_THE_FUTURE
}
