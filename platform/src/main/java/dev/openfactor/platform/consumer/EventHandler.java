package dev.openfactor.platform.consumer;

import java.util.List;

import dev.openfactor.platform.events.CloudEvent;

/** Applies one event. Runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void handle(CloudEvent event);

    /**
     * A poll's events of this handler's type, in order, in one transaction. One by one unless the
     * handler writes them all at once (a row per event in one statement, as notification intake does).
     */
    default void handleAll(List<CloudEvent> events) {
        events.forEach(this::handle);
    }
}
