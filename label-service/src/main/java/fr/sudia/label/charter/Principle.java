package fr.sudia.label.charter;

/**
 * The principles the Plan Sud IA sets for the charter: "l'IA doit être éthique et responsable : elle doit respecter
 * l'équité, être inclusive, fiable et ses décisions doivent être transparentes", with frugality and sovereignty
 * (Mesure 2: "une IA éthique, fiable, industrielle et souveraine"; Orientation 1: "une IA éthique et frugale").
 */
public enum Principle {
    FAIRNESS,
    INCLUSION,
    RELIABILITY,
    TRANSPARENCY,
    FRUGALITY,
    SOVEREIGNTY
}
