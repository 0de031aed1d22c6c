package fr.sudia.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The SSRF guard as production configures it (https only, no loopback), and production's refusal of test settings. */
class AddressGuardTest {

    private final AddressGuard production = new AddressGuard(true, false);
    private final AddressGuard httpAllowed = new AddressGuard(false, false);

    @Test
    void refusesLoopbackPrivateLinkLocalUniqueLocalAndUnspecifiedAddresses() {
        for (String url : List.of("http://127.0.0.1/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://localhost:8080/hook", "http://0.0.0.0/hook", "http://[::]/hook",
                "http://192.168.1.10/hook", "http://172.16.0.1/hook", "http://100.64.0.1/hook", "http://[fd12:3456::1]/hook",
                "http://[fe80::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://127.1.2.3/hook", "http://224.0.0.1/hook")) {
            AddressGuard.RefusedDestination refused = assertThrows(AddressGuard.RefusedDestination.class,
                    () -> httpAllowed.check(URI.create(url)), url);
            assertTrue(refused.getMessage().contains("resolves to"), refused.getMessage());
        }
    }

    @Test
    void aHostNameIsCheckedByWhatItResolvesTo() {
        AddressGuard.RefusedDestination refused = assertThrows(AddressGuard.RefusedDestination.class,
                () -> httpAllowed.check(URI.create("http://localhost/hook")));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    @Test
    void productionAcceptsOnlyHttpsToPublicAddresses() {
        assertThrows(AddressGuard.RefusedDestination.class, () -> production.check(URI.create("http://93.184.215.14/hook")));
        assertDoesNotThrow(() -> production.check(URI.create("https://93.184.215.14/hook")));
        assertDoesNotThrow(() -> production.check(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook")));
        assertThrows(AddressGuard.RefusedDestination.class, () -> production.check(URI.create("https://user@93.184.215.14/")));
        assertThrows(AddressGuard.RefusedDestination.class, () -> production.check(URI.create("https://127.0.0.1/hook")));
    }

    @Test
    void loopbackOnlyThroughTheTestFlagNeverPrivateAddresses() {
        AddressGuard test = new AddressGuard(false, true);
        assertDoesNotThrow(() -> test.check(URI.create("http://127.0.0.1:8080/hook")));
        assertThrows(AddressGuard.RefusedDestination.class, () -> test.check(URI.create("http://10.0.0.1/hook")));
        assertThrows(AddressGuard.RefusedDestination.class, () -> test.check(URI.create("http://169.254.169.254/")));
    }

    @Test
    void productionRefusesToStartWithTheTestAndDevSettings() {
        Map<String, String> settings = Map.of("sudia.production-guard.enabled", "true",
                "sudia.notifications.webhooks.allow-loopback", "true", "sudia.notifications.webhooks.require-https", "false",
                "sudia.notifications.unsubscribe-secret", WebhookSettingsCheck.DEVELOPMENT_UNSUBSCRIBE_SECRET);
        assertEquals(3, WebhookSettingsCheck.problems(name -> Optional.ofNullable(settings.get(name))).size());
        Map<String, String> good = Map.of("sudia.production-guard.enabled", "true",
                "sudia.notifications.webhooks.allow-loopback", "false", "sudia.notifications.webhooks.require-https", "true",
                "sudia.notifications.unsubscribe-secret", "a-real-secret-from-a-kubernetes-secret");
        assertEquals(List.of(), WebhookSettingsCheck.problems(name -> Optional.ofNullable(good.get(name))));
    }

    @Test
    void theDefaultRetryScheduleSpansMoreThanADay() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));
        assertTrue(schedule.total().compareTo(Duration.ofHours(24)) > 0);
        assertEquals(8, schedule.attempts());
    }
}
