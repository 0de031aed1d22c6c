package fr.sudia.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The level of a booked group; it gives the group's audience category. */
@Schema(name = "GroupLevel", description = """
        ECOLE: école primaire / primary school; COLLEGE: collège / lower secondary; LYCEE: lycée / upper secondary;
        SUPERIEUR: enseignement supérieur / higher education; OTHER: autre structure / other (association,
        médiathèque, entreprise…)""")
public enum GroupLevel {
    ECOLE, COLLEGE, LYCEE, SUPERIEUR, OTHER;

    AudienceCategory audience() {
        return switch (this) {
            case ECOLE, COLLEGE, LYCEE -> AudienceCategory.PUPIL;
            case SUPERIEUR -> AudienceCategory.STUDENT;
            case OTHER -> AudienceCategory.GENERAL_PUBLIC;
        };
    }

    boolean isSchool() {
        return this != OTHER;
    }
}
