package fr.sudia.label.label;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who may hold the label (Mesures 2 and 7 of the Plan Sud IA). */
@Schema(description = "COMPANY_OR_PROJECT: entreprise ou projet IA / company or AI project; RESEARCH_OR_TRAINING: organisme de recherche ou de formation / research or training body; AI_AWARENESS_PLACE: lieu de sensibilisation à l'IA / AI awareness place")
public enum LabelCategory {
    /** A company or a project with AI, supported by the Region. */
    COMPANY_OR_PROJECT,
    /** A research or training body. */
    RESEARCH_OR_TRAINING,
    /** A physical or virtual place of AI awareness (Mesure 7's network). */
    AI_AWARENESS_PLACE
}
