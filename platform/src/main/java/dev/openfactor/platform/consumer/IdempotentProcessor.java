package dev.openfactor.platform.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.openfactor.platform.events.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies an event at most once per consumer: the processed-event row and the handler's
 * effect commit together or not at all, so a redelivered event finds its row and is skipped.
 */
@ApplicationScoped
public class IdempotentProcessor {

    private final ProcessedEventLog log;
    private final Clock clock;

    IdempotentProcessor(ProcessedEventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Applies a whole poll's events in one transaction (one commit instead of one per event,
     * which is what caps a consumer's rate). Returns, per event, whether it was applied. If
     * any handler throws, nothing of the batch commits and the exception propagates: the caller
     * then goes event by event, so one bad event neither blocks nor takes the others with it.
     */
    public boolean[] processAll(String consumer, List<CloudEvent> events, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // All claims in one round trip: a consumer's rate was its round trips per event.
            Set<String> claimed = log.claimAll(consumer, events, clock.instant());
            boolean[] applied = new boolean[events.size()];
            List<CloudEvent> toApply = new ArrayList<>(claimed.size());
            for (int i = 0; i < applied.length; i++) {
                CloudEvent event = events.get(i);
                applied[i] = claimed.remove(event.id()); // a second copy in the same batch is a duplicate
                if (applied[i]) {
                    toApply.add(event);
                }
            }
            handler.handleAll(toApply);
            return applied;
        });
    }

    /** Returns true if the handler ran, false if the event had already been applied. */
    public boolean process(String consumer, CloudEvent event, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!log.claim(consumer, event.id(), event.type(), clock.instant())) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }
}
