package dev.openfactor.platform.consumer;

import java.time.Clock;

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
