package fr.sudia.directory.taxonomy;

/** The AI techniques an organization masters. */
public enum AiTechnique {
    COMPUTER_VISION("Vision par ordinateur"),
    NATURAL_LANGUAGE_PROCESSING("Traitement du langage naturel"),
    SPEECH_AUDIO("Parole et audio"),
    GENERATIVE_AI("IA générative"),
    MACHINE_LEARNING("Apprentissage automatique"),
    DEEP_LEARNING("Apprentissage profond"),
    EMBEDDED_AI("IA embarquée"),
    ROBOTICS("Robotique"),
    TIME_SERIES_PREDICTIVE("Séries temporelles et prédiction"),
    OPTIMIZATION_DECISION("Optimisation et aide à la décision"),
    KNOWLEDGE_REASONING("Représentation des connaissances et raisonnement"),
    DATA_INFRASTRUCTURE("Données, calcul et hébergement"),
    TRUSTWORTHY_AI("IA de confiance (explicabilité, robustesse, frugalité)");

    public final String labelFr;

    AiTechnique(String labelFr) {
        this.labelFr = labelFr;
    }
}
