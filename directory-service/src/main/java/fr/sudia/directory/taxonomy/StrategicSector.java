package fr.sudia.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The region's strategic sectors (Opérations d'Intérêt Régional) that the Plan Sud IA crosses with AI:
 * "Cyber(sécurité) / Défense / Drones / IA embarquée ; agritech et parfums ; tourisme et ICC ; économie
 * maritime et biodiversité ; énergies renouvelables/transition énergétique et décarbonation de l'industrie",
 * plus health and the industry of the future.
 */
@Schema(description = "CYBER_DEFENCE_DRONES_EMBEDDED_AI: cybersécurité, défense, drones, IA embarquée / cybersecurity, "
        + "defence, drones, embedded AI; AGRITECH_PERFUMES: agritech et parfums / agritech and perfumes; "
        + "TOURISM_CREATIVE_INDUSTRIES: tourisme et industries culturelles et créatives / tourism and cultural "
        + "and creative industries; MARITIME_BIODIVERSITY: économie maritime et biodiversité / maritime economy "
        + "and biodiversity; ENERGY_TRANSITION: énergies renouvelables, transition énergétique, décarbonation "
        + "de l'industrie / renewable energy, energy transition, industrial decarbonisation; HEALTH_THERAPIES: "
        + "santé et thérapies innovantes / health and innovative therapies; INDUSTRY_OF_THE_FUTURE: industrie "
        + "du futur / industry of the future")
public enum StrategicSector {
    CYBER_DEFENCE_DRONES_EMBEDDED_AI("Cyber(sécurité), défense, drones, IA embarquée"),
    AGRITECH_PERFUMES("Agritech et parfums"),
    TOURISM_CREATIVE_INDUSTRIES("Tourisme et industries culturelles et créatives"),
    MARITIME_BIODIVERSITY("Économie maritime et biodiversité"),
    ENERGY_TRANSITION("Énergies renouvelables, transition énergétique, décarbonation de l'industrie"),
    HEALTH_THERAPIES("Santé et thérapies innovantes"),
    INDUSTRY_OF_THE_FUTURE("Industrie du futur");

    public final String labelFr;

    StrategicSector(String labelFr) {
        this.labelFr = labelFr;
    }
}
