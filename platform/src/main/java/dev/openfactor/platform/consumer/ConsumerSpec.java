package dev.openfactor.platform.consumer;

import java.util.List;
import java.util.Map;

/**
 * What a consumer loop needs: its group (also its name in {@code processed_event}), its topics,
 * the handler per event type, and any extra Kafka consumer settings (tests use them to start
 * from the latest offset).
 */
public record ConsumerSpec(String group, List<String> topics, Map<String, EventHandler> handlers,
        Map<String, Object> overrides) {

    public ConsumerSpec(String group, List<String> topics, Map<String, EventHandler> handlers) {
        this(group, topics, handlers, Map.of());
    }
}
