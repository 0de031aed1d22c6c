package fr.sudia.funding.eligibility;

/** What an individual applicant is (Mesure 21: grants for researchers and Master or PhD students). */
public enum IndividualStatus {
    RESEARCHER,
    PHD_STUDENT,
    MASTER_STUDENT
}
