package fr.sudia.directory.catalogue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an AI solution is used for, so that an SME finds a regional supplier for its need. */
@Schema(description = "MARKETING_SALES: marketing et ventes / marketing and sales; CUSTOMER_SERVICE: relation client / "
        + "customer service; HUMAN_RESOURCES: ressources humaines / human resources; PREDICTIVE_MAINTENANCE: "
        + "maintenance prédictive / predictive maintenance; QUALITY_CONTROL: contrôle qualité / quality "
        + "control; SUPPLY_CHAIN_LOGISTICS: chaîne d'approvisionnement et logistique / supply chain and "
        + "logistics; FINANCE_ACCOUNTING: finance et comptabilité / finance and accounting; "
        + "DOCUMENT_PROCESSING: traitement de documents / document processing; MEDICAL_IMAGING_DIAGNOSIS: "
        + "imagerie médicale et diagnostic / medical imaging and diagnosis; SECURITY_SURVEILLANCE: sécurité et "
        + "surveillance / security and surveillance; ENERGY_MANAGEMENT: gestion de l'énergie / energy "
        + "management; ENVIRONMENT_MONITORING: suivi environnemental / environmental monitoring; "
        + "PRODUCTION_OPTIMIZATION: optimisation de la production / production optimization; CYBERSECURITY: "
        + "cybersécurité / cybersecurity; KNOWLEDGE_MANAGEMENT: gestion des connaissances / knowledge "
        + "management; TRAINING_EDUCATION: formation et éducation / training and education")
public enum UseCase {
    MARKETING_SALES,
    CUSTOMER_SERVICE,
    HUMAN_RESOURCES,
    PREDICTIVE_MAINTENANCE,
    QUALITY_CONTROL,
    SUPPLY_CHAIN_LOGISTICS,
    FINANCE_ACCOUNTING,
    DOCUMENT_PROCESSING,
    MEDICAL_IMAGING_DIAGNOSIS,
    SECURITY_SURVEILLANCE,
    ENERGY_MANAGEMENT,
    ENVIRONMENT_MONITORING,
    PRODUCTION_OPTIMIZATION,
    CYBERSECURITY,
    KNOWLEDGE_MANAGEMENT,
    TRAINING_EDUCATION
}
