package fr.sudia.funding.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The desk's notion of "now": whether a scheme is open, a company's age, the 9- and 45-day rules of requests.
 * Tests replace it with a clock they move.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
