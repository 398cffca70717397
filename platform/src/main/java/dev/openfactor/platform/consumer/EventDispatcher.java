package dev.openfactor.platform.consumer;

import java.util.List;
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
        handleAll(List.of(event));
    }

    /** Each run of consecutive events of one type goes to its handler at once, so the order holds. */
    @Override
    public void handleAll(List<CloudEvent> events) {
        for (int from = 0, to; from < events.size(); from = to) {
            String type = events.get(from).type();
            to = from + 1;
            while (to < events.size() && events.get(to).type().equals(type)) {
                to++;
            }
            EventHandler handler = handlers.get(type);
            if (handler == null) {
                meters.counter("openfactor.events.skipped", "consumer", consumer, "reason", "unknown_type").increment(to - from);
            } else {
                handler.handleAll(events.subList(from, to));
            }
        }
    }

    public boolean handles(String type) {
        return handlers.containsKey(type);
    }
}
