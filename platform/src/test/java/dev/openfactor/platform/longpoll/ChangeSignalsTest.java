package dev.openfactor.platform.longpoll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.openfactor.platform.testing.PrivateKafkaBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(PrivateKafkaBroker.class)
class ChangeSignalsTest {

    @Inject
    ChangeSignals signals;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void watchWakesWhenTheSignallingTransactionCommits() {
        String key = "probe:" + UUID.randomUUID();
        Watch watch = signals.watch(key);

        QuarkusTransaction.requiringNew().run(() -> signals.signal(key));

        assertTrue(watch.changedWithin(Duration.ofSeconds(10)).await().indefinitely());
    }

    /** Another replica is another connection: a NOTIFY committed there must wake this process's waiter. */
    @Test
    void signalCommittedByAnotherConnectionWakesTheWatch() throws Exception {
        String key = "probe:" + UUID.randomUUID();
        Watch watch = signals.watch(key);

        try (Connection other = DriverManager.getConnection(url, user, password);
                PreparedStatement notify = other.prepareStatement("SELECT pg_notify('openfactor_change', ?)")) {
            notify.setString(1, key);
            notify.execute();
        }

        assertTrue(watch.changedWithin(Duration.ofSeconds(10)).await().indefinitely());
    }

    @Test
    void rolledBackSignalNeverWakes() {
        String key = "probe:" + UUID.randomUUID();
        Watch watch = signals.watch(key);

        try {
            QuarkusTransaction.requiringNew().run(() -> {
                signals.signal(key);
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back, as intended
        }

        assertFalse(watch.changedWithin(Duration.ofMillis(1500)).await().indefinitely());
    }

    @Test
    void otherKeysDoNotWakeAndClosedWatchesAreForgotten() {
        String key = "probe:" + UUID.randomUUID();
        int before = signals.waiting();
        Watch watch = signals.watch(key);
        assertEquals(before + 1, signals.waiting());

        QuarkusTransaction.requiringNew().run(() -> signals.signal(key + "-other"));

        assertFalse(watch.changedWithin(Duration.ofMillis(1000)).await().indefinitely());
        assertEquals(before, signals.waiting());
    }
}
