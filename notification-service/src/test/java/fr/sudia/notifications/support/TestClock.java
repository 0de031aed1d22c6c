package fr.sudia.notifications.support;

import fr.sudia.platform.testing.MovableClock;
import jakarta.inject.Singleton;

/** The system clock moved forward by what a test asks; replaces the service's default clock in tests. */
@Singleton
public class TestClock extends MovableClock {
}
