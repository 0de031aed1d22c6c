package fr.sudia.funding.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Now and today, from the injectable clock. Deadlines are calendar days in the region's time zone. */
@ApplicationScoped
public class DeskTime {

    public static final ZoneId REGION_ZONE = ZoneId.of("Europe/Paris");

    private final Clock clock;

    DeskTime(Clock clock) {
        this.clock = clock;
    }

    public OffsetDateTime now() {
        // PostgreSQL keeps microseconds: times read back must equal the ones written (keyset cursors).
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(REGION_ZONE));
    }
}
