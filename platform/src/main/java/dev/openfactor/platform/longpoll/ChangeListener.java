package dev.openfactor.platform.longpoll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One thread per process on one dedicated connection (outside the pool, which would reclaim
 * or validate it) that LISTENs for {@link ChangeSignals#CHANNEL} and wakes local watches.
 */
@ApplicationScoped
class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final int POLL_MILLIS = 1000;

    private final Waiters waiters;
    private final String url;
    private final String user;
    private final String password;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    ChangeListener(Waiters waiters,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password,
            @ConfigProperty(name = "openfactor.longpoll.enabled", defaultValue = "true") boolean enabled) {
        this.waiters = waiters;
        this.url = url;
        this.user = user;
        this.password = password;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "openfactor-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeSignals.CHANNEL);
                }
                // Anything signalled while we were not listening is unknown: let waiters re-read.
                waiters.fireAll();
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("change listener lost its database connection (%s); reconnecting", e.getSQLState());
                    waiters.fireAll();
                    pause();
                }
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    waiters.fire(n.getParameter());
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
