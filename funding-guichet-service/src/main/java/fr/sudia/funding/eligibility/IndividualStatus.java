package fr.sudia.funding.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an individual applicant is (Mesure 21: grants for researchers and Master or PhD students). */
@Schema(description = "RESEARCHER: chercheur / researcher; PHD_STUDENT: doctorant / PhD student; MASTER_STUDENT: étudiant "
        + "en master / Master's student")
public enum IndividualStatus {
    RESEARCHER,
    PHD_STUDENT,
    MASTER_STUDENT
}
