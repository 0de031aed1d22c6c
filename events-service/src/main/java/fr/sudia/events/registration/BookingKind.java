package fr.sudia.events.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BookingKind", description = "INDIVIDUAL: une personne / one person (and companions); GROUP: une classe ou un groupe / a class or group")
public enum BookingKind {
    INDIVIDUAL, GROUP
}
