package fr.sudia.events.feed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Listens to {@code NOTIFY calendar_changed} on a connection of its own, so that every instance learns of a
 * change committed by another one within milliseconds. After a lost connection it re-reads the version.
 */
@ApplicationScoped
public class CalendarNotifications {

    private static final Logger LOG = Logger.getLogger(CalendarNotifications.class);

    private final CalendarVersion version;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    CalendarNotifications(CalendarVersion version, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.version = version;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        version.reload();
        running = true;
        listener = new Thread(this::listen, "calendar-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password.orElse(null));
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CalendarVersion.CHANNEL);
                version.reload();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            version.advance(notification.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Calendar notifications interrupted (%s); reconnecting", e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
