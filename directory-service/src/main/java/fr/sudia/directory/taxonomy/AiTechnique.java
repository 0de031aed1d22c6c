package fr.sudia.directory.taxonomy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The AI techniques an organization masters. */
@Schema(description = "COMPUTER_VISION: vision par ordinateur / computer vision; NATURAL_LANGUAGE_PROCESSING: traitement du "
        + "langage naturel / natural language processing; SPEECH_AUDIO: parole et audio / speech and audio; "
        + "GENERATIVE_AI: IA générative / generative AI; MACHINE_LEARNING: apprentissage automatique / machine "
        + "learning; DEEP_LEARNING: apprentissage profond / deep learning; EMBEDDED_AI: IA embarquée / embedded "
        + "AI; ROBOTICS: robotique / robotics; TIME_SERIES_PREDICTIVE: séries temporelles et prédiction / time "
        + "series and prediction; OPTIMIZATION_DECISION: optimisation et aide à la décision / optimization and "
        + "decision support; KNOWLEDGE_REASONING: représentation des connaissances et raisonnement / knowledge "
        + "representation and reasoning; DATA_INFRASTRUCTURE: données, calcul et hébergement / data, compute "
        + "and hosting; TRUSTWORTHY_AI: IA de confiance / trustworthy AI (explainability, robustness, "
        + "frugality)")
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
