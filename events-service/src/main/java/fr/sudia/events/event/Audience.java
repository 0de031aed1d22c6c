package fr.sudia.events.event;

/** Who an event is for. */
public enum Audience {
    GRAND_PUBLIC, SCOLAIRES, SENIORS, PROFESSIONNELS, CHERCHEURS, ETUDIANTS
}
