package dev.openfactor.platform.consumer;

import java.util.Map;

import dev.openfactor.platform.events.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;

/** Routes events to handlers by {@code ce_type}; unknown types are skipped and counted. */
public final class EventDispatcher implements EventHandler {

    private final String consumer;
    private final Map<String, EventHandler> handlers;
    private final MeterRegistry meters;

    public EventDispatcher(String consumer, Map<String, EventHandler> handlers, MeterRegistry meters) {
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
        this.meters = meters;
    }

    @Override
    public void handle(CloudEvent event) {
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            meters.counter("openfactor.events.skipped", "consumer", consumer, "reason", "unknown_type").increment();
            return;
        }
        handler.handle(event);
    }

    public boolean handles(String type) {
        return handlers.containsKey(type);
    }
}
