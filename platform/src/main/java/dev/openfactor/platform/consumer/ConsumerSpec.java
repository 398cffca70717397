package dev.openfactor.platform.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;

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

    /** More than a gathering wait's worth of events at any rate the system sees: the wait decides. */
    private static final int GATHER_BYTES = 1 << 20;

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

    /**
     * For a consumer no person waits on: the broker holds each fetch up to {@code wait} to gather
     * events, so a steady trickle (a delivery report per push) costs one fetch, transaction and
     * offset commit per batch instead of per event.
     */
    public ConsumerSpec gathering(Duration wait) {
        Map<String, Object> gathered = new HashMap<>(overrides);
        gathered.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, GATHER_BYTES);
        gathered.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) wait.toMillis());
        return new ConsumerSpec(group, topics, handlers, Map.copyOf(gathered), relevant);
    }

}
