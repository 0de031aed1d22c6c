package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The region's strategic sectors (OIR), as directory-service publishes them ({@code strategicSectors}). */
@Schema(description = "CYBER_DEFENCE_DRONES_EMBEDDED_AI: cybersécurité, défense, drones, IA embarquée / cybersecurity, "
        + "defence, drones, embedded AI; AGRITECH_PERFUMES: agritech et parfums / agritech and perfumes; "
        + "TOURISM_CREATIVE_INDUSTRIES: tourisme et industries culturelles et créatives / tourism and cultural "
        + "and creative industries; MARITIME_BIODIVERSITY: économie maritime et biodiversité / maritime economy "
        + "and biodiversity; ENERGY_TRANSITION: transition énergétique / energy transition; HEALTH_THERAPIES: "
        + "santé et thérapies innovantes / health and innovative therapies; INDUSTRY_OF_THE_FUTURE: industrie "
        + "du futur / industry of the future")
public enum StrategicSector {
    CYBER_DEFENCE_DRONES_EMBEDDED_AI,
    AGRITECH_PERFUMES,
    TOURISM_CREATIVE_INDUSTRIES,
    MARITIME_BIODIVERSITY,
    ENERGY_TRANSITION,
    HEALTH_THERAPIES,
    INDUSTRY_OF_THE_FUTURE
}
