package fr.sudia.events.support;

import fr.sudia.platform.testing.MovableClock;
import jakarta.inject.Singleton;

/** Replaces the service's clock in tests: a test moves it and resets it when done. */
@Singleton
public class TestClock extends MovableClock {
}
