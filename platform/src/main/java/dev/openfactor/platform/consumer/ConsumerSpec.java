package dev.openfactor.platform.consumer;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.openfactor.platform.events.CloudEvent;

/**
 * What a consumer loop needs: its group (also its name in {@code processed_event}), its topics,
 * the handler per event type, and any extra Kafka consumer settings (tests use them to start
 * from the latest offset). {@code relevant} lets a consumer pass over, before any transaction or
 * processed-event row, the events of a shared topic it has nothing to do with (enrollment-service
 * reads every delivery report to find the few that retire a push token).
 */
public record ConsumerSpec(String group, List<String> topics, Map<String, EventHandler> handlers,
        Map<String, Object> overrides, Predicate<CloudEvent> relevant) {

    public ConsumerSpec(String group, List<String> topics, Map<String, EventHandler> handlers) {
        this(group, topics, handlers, Map.of());
    }

    public ConsumerSpec(String group, List<String> topics, Map<String, EventHandler> handlers,
            Map<String, Object> overrides) {
        this(group, topics, handlers, overrides, event -> true);
    }

    public ConsumerSpec onlyWhen(Predicate<CloudEvent> isRelevant) {
        return new ConsumerSpec(group, topics, handlers, overrides, isRelevant);
    }
}
