package fr.sudia.label.label;

/** Who may hold the label (Mesures 2 and 7 of the Plan Sud IA). */
public enum LabelCategory {
    /** A company or a project with AI, supported by the Region. */
    COMPANY_OR_PROJECT,
    /** A research or training body. */
    RESEARCH_OR_TRAINING,
    /** A physical or virtual place of AI awareness (Mesure 7's network). */
    AI_AWARENESS_PLACE
}
