package fr.sudia.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BookingStatus", description = """
        CONFIRMED: place réservée / seat held; WAITLISTED: en liste d'attente / on the waitlist (promoted in arrival
        order when seats free up); CANCELLED: annulée / cancelled (by the registrant, or the occurrence was cancelled)""")
public enum BookingStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
