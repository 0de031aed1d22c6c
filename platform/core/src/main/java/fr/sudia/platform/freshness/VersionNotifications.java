package fr.sudia.platform.freshness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Listens, on one connection of its own, to the channels of every {@link NotifiedVersion} of the service, so that
 * each instance learns of a change committed by another within milliseconds. After a lost connection it
 * re-reads every version (a notification sent meanwhile is lost, the table is not).
 */
@ApplicationScoped
public class VersionNotifications {

    private static final Logger LOG = Logger.getLogger(VersionNotifications.class);

    private final List<NotifiedVersion> versions;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    VersionNotifications(@Any Instance<NotifiedVersion> versions,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.versions = versions.stream().toList();
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        if (versions.isEmpty()) {
            return;
        }
        versions.forEach(NotifiedVersion::reload);
        running = true;
        listener = new Thread(this::listen, "version-notifications");
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
        Map<String, NotifiedVersion> byChannel = versions.stream()
                .collect(Collectors.toMap(NotifiedVersion::channel, Function.identity()));
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password.orElse(null));
                    Statement statement = connection.createStatement()) {
                for (String channel : byChannel.keySet()) {
                    statement.execute("listen " + channel);
                }
                versions.forEach(NotifiedVersion::reload);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            NotifiedVersion version = byChannel.get(notification.getName());
                            if (version != null) {
                                version.advance(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Version notifications interrupted (%s); reconnecting", e.getMessage());
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
