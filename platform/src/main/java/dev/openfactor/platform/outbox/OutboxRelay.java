package dev.openfactor.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes committed outbox rows to Kafka and marks them sent, in one transaction per batch.
 * A commit wakes it at once; a poll interval catches anything else (another replica's rows,
 * rows left by a crash). While the broker is away it backs off and the rows wait; a row the
 * broker can never take (too large, invalid) is parked and counted instead, and the rest go on.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final MeterRegistry meters;
    private final Semaphore wakeups = new Semaphore(0);
    private final ReentrantLock batch = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean paused;
    private Thread worker;
    private Instant nextPurge = Instant.MIN;

    OutboxRelay(OutboxStore store, OutboxPublisher publisher, OutboxConfig config, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.published = meters.counter("openfactor.outbox.published");
        this.failures = meters.counter("openfactor.outbox.publish.failures");
        this.meters = meters;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Asks the relay to look for rows now (called after a commit that wrote some). */
    public void wake() {
        wakeups.release();
    }

    /**
     * Stops this instance's relay after its current batch (rows wait; another replica's relay,
     * if any, carries on). For maintenance, and for tests that need rows to stay unsent.
     */
    public void pause() {
        paused = true;
        batch.lock();
        batch.unlock();
    }

    public void resume() {
        paused = false;
        wake();
    }

    /**
     * Publishes at most one batch; returns how many rows it settled (published or parked). Runs
     * in its own transaction. A row that can never be published is parked in the same
     * transaction, so the next batch goes on past it without any backoff.
     */
    public int relayOnce() {
        purgeIfDue();
        int timeoutSeconds = (int) config.deliveryTimeout().plusSeconds(30).toSeconds();
        OutboxPublisher.Outcome outcome = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            List<OutboxRow> rows = store.lockUnsent(config.batchSize());
            if (rows.isEmpty()) {
                return OutboxPublisher.Outcome.nothing();
            }
            OutboxPublisher.Outcome result = publisher.publish(rows);
            Instant now = clock.instant();
            if (!result.acknowledged().isEmpty()) {
                store.markSent(result.acknowledged(), now);
            }
            for (OutboxPublisher.Poisoned p : result.poisoned()) {
                store.park(p.row(), p.reason(), now);
            }
            return result;
        });
        published.increment(outcome.acknowledged().size());
        outcome.poisoned().forEach(this::reportParked);
        if (outcome.failure() != null) {
            // Unacknowledged rows stay unsent; they may now follow rows that were behind them.
            throw outcome.failure();
        }
        return outcome.settled();
    }

    /** No payload and no key in the log line: the id finds the row for whoever may read it. */
    private void reportParked(OutboxPublisher.Poisoned p) {
        meters.counter("openfactor.outbox.parked", "topic", p.row().topic(), "reason", PermanentFailures.kind(p.reason()))
                .increment();
        LOG.warnf("outbox row %s (topic %s, type %s) can never be published and is parked: %s", p.row().event().id(),
                p.row().topic(), p.row().event().type(), p.reason());
    }

    private int relayUnlessPaused() {
        batch.lock();
        try {
            return paused ? 0 : relayOnce();
        } finally {
            batch.unlock();
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = relayUnlessPaused();
                backoff = Duration.ZERO;
                if (sent < config.batchSize()) {
                    awaitWakeup();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                backoff = nextBackoff(backoff);
                LOG.warnf("outbox relay will retry in %d ms: %s", backoff.toMillis(), describe(e));
                sleep(backoff);
            }
        }
    }

    private void awaitWakeup() {
        try {
            wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeups.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(200) : previous.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        int purged = QuarkusTransaction.requiringNew().call(() -> store.purgeSentBefore(now.minus(config.retention())));
        if (purged > 0) {
            LOG.debugf("purged %d published outbox rows", purged);
        }
    }

    /** Exception class names and Kafka's messages carry no payloads, so they are safe to log. */
    private static String describe(Throwable e) {
        Throwable root = e.getCause() != null ? e.getCause() : e;
        return e.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
