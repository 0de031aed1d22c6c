package fr.sudia.events.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** schema.org eventAttendanceMode, derived from whether an event has a venue, an online link, or both. */
@Schema(description = "OFFLINE: sur place / in person; ONLINE: en ligne / online; MIXED: sur place et en ligne / in person and online")
public enum AttendanceMode {
    OFFLINE("https://schema.org/OfflineEventAttendanceMode"),
    ONLINE("https://schema.org/OnlineEventAttendanceMode"),
    MIXED("https://schema.org/MixedEventAttendanceMode");

    public final String schemaOrg;

    AttendanceMode(String schemaOrg) {
        this.schemaOrg = schemaOrg;
    }

    public static AttendanceMode of(boolean hasVenue, boolean hasOnlineLink) {
        if (hasVenue && hasOnlineLink) {
            return MIXED;
        }
        return hasOnlineLink ? ONLINE : OFFLINE;
    }
}
