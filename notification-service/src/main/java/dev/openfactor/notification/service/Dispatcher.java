package dev.openfactor.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * One loop per process, pipelined: claim due deliveries (SKIP LOCKED, so replicas share the
 * work) and start their sends, then record in one transaction whatever sends have finished
 * meanwhile, and go round again without waiting for the rest. A slow provider call therefore
 * holds up only itself, never the next sign-in's push. At most five batches are in flight.
 * Woken when a command is recorded or a send finishes; otherwise it polls for retries that have
 * come due and for leases of senders that died.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryRepository deliveries;
    private final Sender sender;
    private final Outcomes outcomes;
    private final NotificationConfig config;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Outcomes.Result> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean commandsArrived = new AtomicBoolean(true);
    private volatile Thread thread;
    private volatile boolean running;
    private long lastClaimNanos;

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

    /** Lets the sends in flight finish and be recorded, so a restart does not send them twice. */
    void stop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            t.join(config.dispatch().sendTimeout().plusSeconds(2).toMillis());
        }
    }

    /** A command was recorded: claim at once instead of at the next poll. */
    public void wake() {
        commandsArrived.set(true);
        unpark();
    }

    private void unpark() {
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
        drain();
    }

    /** One turn; true if it claimed or recorded anything (so the next turn starts at once). */
    boolean dispatchOnce() {
        boolean claimed = claimAndSend();
        boolean recorded = recordFinished();
        return claimed || recorded;
    }

    private boolean claimAndSend() {
        int room = 5 * config.dispatch().batchSize() - inFlight.get();
        boolean pollDue = System.nanoTime() - lastClaimNanos >= config.dispatch().pollInterval().toNanos();
        if (room <= 0 || !(commandsArrived.getAndSet(false) || pollDue)) {
            return false;
        }
        lastClaimNanos = System.nanoTime();
        Instant now = clock.instant();
        int limit = Math.min(room, config.dispatch().batchSize());
        List<DeliveryRepository.Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(now,
                now.plus(config.dispatch().claimLease()), limit));
        for (DeliveryRepository.Claimed c : claimed) {
            inFlight.incrementAndGet();
            sender.send(c).whenComplete((result, error) -> {
                if (result != null) {
                    finished.add(result);
                } else {
                    // Not recorded: the lease runs out and the delivery is tried again.
                    LOG.errorf(error, "send of %s failed unexpectedly", c.notificationId());
                }
                inFlight.decrementAndGet();
                unpark();
            });
        }
        if (claimed.size() == limit) {
            commandsArrived.set(true); // a full batch: there may be more waiting
        }
        return !claimed.isEmpty();
    }

    private boolean recordFinished() {
        List<Outcomes.Result> results = new ArrayList<>();
        for (Outcomes.Result r; (r = finished.poll()) != null;) {
            results.add(r);
        }
        if (results.isEmpty()) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> outcomes.record(results));
        } catch (RuntimeException e) {
            // Kept for the next turn (the loop pauses a second after a failure): dropping them would
            // let their leases run out and send them all again.
            finished.addAll(results);
            throw e;
        }
        return true;
    }

    private void drain() {
        long deadline = System.nanoTime() + config.dispatch().sendTimeout().plus(Duration.ofSeconds(1)).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        try {
            recordFinished();
        } catch (RuntimeException e) {
            LOG.warnf("could not record the last outcomes (%s); their leases run out and they are sent again", e.getMessage());
        }
    }
}
