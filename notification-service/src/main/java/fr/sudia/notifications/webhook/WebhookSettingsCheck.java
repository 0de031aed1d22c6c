package fr.sudia.notifications.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Production refuses to start with webhooks allowed to loopback or to plain http (settings meant for tests and dev),
 * or with the development secret of the unsubscribe links, like the platform's ProductionSecretsGuard refuses development secrets.
 */
@ApplicationScoped
public class WebhookSettingsCheck {

    static final String DEVELOPMENT_UNSUBSCRIBE_SECRET = "development-only-unsubscribe-secret";

    void onStart(@Observes StartupEvent event, Config config) {
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    public static List<String> problems(Function<String, Optional<String>> config) {
        List<String> problems = new ArrayList<>();
        if (!config.apply("sudia.production-guard.enabled").map(Boolean::parseBoolean).orElse(false)) {
            return problems;
        }
        if (config.apply("sudia.notifications.webhooks.allow-loopback").map(Boolean::parseBoolean).orElse(false)) {
            problems.add("sudia.notifications.webhooks.allow-loopback=true lets webhooks reach this machine");
        }
        if (!config.apply("sudia.notifications.webhooks.require-https").map(Boolean::parseBoolean).orElse(true)) {
            problems.add("sudia.notifications.webhooks.require-https=false lets webhooks go out unencrypted");
        }
        if (config.apply("sudia.notifications.unsubscribe-secret").map(String::strip)
                .filter(v -> !v.isEmpty() && !v.equals(DEVELOPMENT_UNSUBSCRIBE_SECRET)).isEmpty()) {
            problems.add("sudia.notifications.unsubscribe-secret is the development one: give a secret of its own "
                    + "(SUDIA_NOTIFICATIONS_UNSUBSCRIBE_SECRET, from a Secret)");
        }
        return problems;
    }
}
