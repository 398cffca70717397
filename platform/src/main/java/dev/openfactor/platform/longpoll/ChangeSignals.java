package dev.openfactor.platform.longpoll;

import dev.openfactor.platform.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Wakes long-polling requests on every replica when something they wait for changes.
 *
 * <p>{@link #signal} runs {@code pg_notify} in the caller's transaction: PostgreSQL delivers
 * it only if that transaction commits, and to every replica's {@link ChangeListener}, so a
 * waiter never wakes before the change is visible and never misses it because the writer was
 * another pod. Waiting costs a registry entry and a timer, not a thread.
 */
@ApplicationScoped
public class ChangeSignals {

    static final String CHANNEL = "openfactor_change";

    private final Jdbc jdbc;
    private final Waiters waiters;

    ChangeSignals(Jdbc jdbc, Waiters waiters) {
        this.jdbc = jdbc;
        this.waiters = waiters;
    }

    /** Announces, on commit, that whatever is known by {@code key} has changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signal(String key) {
        jdbc.query("SELECT pg_notify(?, ?)", row -> null, CHANNEL, key);
    }

    /**
     * Starts watching {@code key}. Watch first, then read the state: a change committed in
     * between is then caught rather than lost. Close the watch when done.
     */
    public Watch watch(String key) {
        return waiters.register(key);
    }

    /** How many requests are waiting now (a gauge for capacity checks). */
    public int waiting() {
        return waiters.size();
    }
}
