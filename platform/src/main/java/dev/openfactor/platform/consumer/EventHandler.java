package dev.openfactor.platform.consumer;

import dev.openfactor.platform.events.CloudEvent;

/** Applies one event. Runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void handle(CloudEvent event);
}
