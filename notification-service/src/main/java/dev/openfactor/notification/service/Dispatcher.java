package dev.openfactor.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.repository.DeliveryRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * One loop per process: claim a batch of due deliveries (SKIP LOCKED, so replicas share the
 * work), send them all concurrently, record every outcome in one transaction, repeat. Woken when
 * a command is recorded; otherwise it polls for retries that have come due.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryRepository deliveries;
    private final Sender sender;
    private final Outcomes outcomes;
    private final NotificationConfig config;
    private final Clock clock;
    private volatile Thread thread;
    private volatile boolean running;

    Dispatcher(DeliveryRepository deliveries, Sender sender, Outcomes outcomes, NotificationConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        thread = new Thread(this::run, "notification-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wake();
    }

    public void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void run() {
        while (running) {
            try {
                if (!dispatchOnce()) {
                    LockSupport.parkNanos(config.dispatch().pollInterval().toNanos());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "dispatch round failed; retrying");
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    /** One round; true if it found work (so the next round starts at once). */
    boolean dispatchOnce() {
        Instant now = clock.instant();
        List<DeliveryRepository.Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(now,
                now.plus(config.dispatch().claimLease()), config.dispatch().batchSize()));
        if (claimed.isEmpty()) {
            return false;
        }
        List<CompletableFuture<Outcomes.Result>> sends = new ArrayList<>(claimed.size());
        for (DeliveryRepository.Claimed c : claimed) {
            sends.add(sender.send(c));
        }
        List<Outcomes.Result> results = sends.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> outcomes.record(results));
        return true;
    }
}
