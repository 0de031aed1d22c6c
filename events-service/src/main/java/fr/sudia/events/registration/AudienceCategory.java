package fr.sudia.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who a registrant is, for the plan's counts ("une IA pour tous": pupils, seniors, job seekers…). */
@Schema(name = "AudienceCategory", description = """
        PUPIL: élève / pupil; STUDENT: étudiant / student; JOB_SEEKER: demandeur d'emploi / job seeker;
        SENIOR: senior; PROFESSIONAL: professionnel / professional; TEACHER: enseignant / teacher;
        ELECTED_OFFICIAL: élu / elected official; GENERAL_PUBLIC: grand public / general public""")
public enum AudienceCategory {
    PUPIL, STUDENT, JOB_SEEKER, SENIOR, PROFESSIONAL, TEACHER, ELECTED_OFFICIAL, GENERAL_PUBLIC
}
