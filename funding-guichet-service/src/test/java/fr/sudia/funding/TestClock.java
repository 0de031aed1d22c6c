package fr.sudia.funding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The desk's clock in tests: it follows real time until a test sets or moves it. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward (or back) by {@code amount} from where it is. */
    public void advance(Duration amount) {
        shift.updateAndGet(current -> current.plus(amount));
    }

    /** Back to real time. */
    public void reset() {
        shift.set(Duration.ZERO);
    }

    /** Makes now equal to {@code instant}. */
    public void set(Instant instant) {
        shift.set(Duration.between(Instant.now(), instant));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
