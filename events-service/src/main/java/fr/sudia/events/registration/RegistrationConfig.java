package fr.sudia.events.registration;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sudia.events.registration")
public interface RegistrationConfig {

    /** The consent text registrants accept, and its version (recorded with each registration). */
    ConsentText consent();

    /** The separate, optional newsletter consent text, and its version (recorded with each consent). */
    ConsentText newsletterConsent();

    /** How long after an occurrence's start its registrants' names, emails and answers are kept. */
    @WithDefault("P90D")
    Duration pseudonymizeAfter();

    /** When the pseudonymization job runs (Quarkus cron). */
    String pseudonymizeCron();

    /** How long before an occurrence's start its confirmed registrants are reminded (once). */
    @WithDefault("P1D")
    Duration reminderBefore();

    /** How often the reminder job looks for registrations to remind ({@code off} disables it). */
    @WithDefault("15m")
    String reminderEvery();

    interface ConsentText {
        String version();

        String textFr();

        String textEn();
    }
}
