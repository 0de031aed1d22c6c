package fr.sudia.label.charter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The principles the Plan Sud IA sets for the charter: "l'IA doit être éthique et responsable : elle doit respecter
 * l'équité, être inclusive, fiable et ses décisions doivent être transparentes", with frugality and sovereignty
 * (Mesure 2: "une IA éthique, fiable, industrielle et souveraine"; Orientation 1: "une IA éthique et frugale").
 */
@Schema(description = "FAIRNESS: équité / fairness; INCLUSION: inclusion; RELIABILITY: fiabilité / reliability; TRANSPARENCY: transparence / transparency; FRUGALITY: frugalité / frugality; SOVEREIGNTY: souveraineté / sovereignty")
public enum Principle {
    FAIRNESS,
    INCLUSION,
    RELIABILITY,
    TRANSPARENCY,
    FRUGALITY,
    SOVEREIGNTY
}
