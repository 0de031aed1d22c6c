package fr.sudia.events.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who an event is for. */
@Schema(description = "GRAND_PUBLIC: grand public / general public; SCOLAIRES: scolaires / school pupils; SENIORS: seniors; "
        + "PROFESSIONNELS: professionnels / professionals; CHERCHEURS: chercheurs / researchers; ETUDIANTS: étudiants / students")
public enum Audience {
    GRAND_PUBLIC, SCOLAIRES, SENIORS, PROFESSIONNELS, CHERCHEURS, ETUDIANTS
}
