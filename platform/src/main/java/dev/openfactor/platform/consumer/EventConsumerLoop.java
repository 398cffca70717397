package dev.openfactor.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.CloudEventHeaders;
import dev.openfactor.platform.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One thread polling one Kafka consumer. Offsets are committed only after an event's effect has
 * committed, so a crash means redelivery, which the idempotent processor turns into a no-op.
 * A failing handler is retried from the same offset after a pause: nothing is skipped.
 */
final class EventConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(10);

    private final ConsumerSpec spec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final IdempotentProcessor processor;
    private final EventDispatcher dispatcher;
    private final MeterRegistry meters;
    private volatile boolean running = true;
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    EventConsumerLoop(ConsumerSpec spec, KafkaConsumer<String, byte[]> consumer, IdempotentProcessor processor,
            MeterRegistry meters) {
        this.spec = spec;
        this.consumer = consumer;
        this.processor = processor;
        this.meters = meters;
        this.dispatcher = new EventDispatcher(spec.group(), spec.handlers(), meters);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(spec.topics());
            Duration pause = Duration.ZERO;
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                pause = handleBatch(records) ? Duration.ZERO : nextPause(pause);
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // shutting down
        } finally {
            commitOnClose();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    /**
     * The whole poll in one transaction when every event applies cleanly (the common case);
     * otherwise event by event, so a failing event is retried alone and a malformed one skipped.
     */
    private boolean handleBatch(ConsumerRecords<String, byte[]> records) {
        if (records.count() > 1 && handleAtOnce(records)) {
            return true;
        }
        return handleOneByOne(records);
    }

    private boolean handleAtOnce(ConsumerRecords<String, byte[]> records) {
        List<CloudEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CloudEvent event = CloudEventHeaders.read(record.headers(), record.value());
                if (!dispatcher.handles(event.type())) {
                    return false; // rare: counted and skipped on the one-by-one path
                }
                if (relevant(event)) {
                    events.add(event);
                }
            } catch (MalformedEventException e) {
                return false;
            }
        }
        try {
            boolean[] applied = events.isEmpty() ? new boolean[0] : processor.processAll(spec.group(), events, dispatcher);
            for (int i = 0; i < applied.length; i++) {
                countConsumed(events.get(i), applied[i]);
            }
        } catch (RuntimeException e) {
            LOG.debugf("a batch of %d events failed as a whole; applying them one by one", events.size());
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            done.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        commit(done);
        return true;
    }

    /** Returns false if a record failed; every partition is rewound to its first unhandled record. */
    private boolean handleOneByOne(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (!handle(record)) {
                        rewind(records, done);
                        return false;
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            return true;
        } finally {
            if (!done.isEmpty()) {
                commit(done);
            }
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata handled = done.get(partition);
            consumer.seek(partition, handled != null ? handled.offset() : records.records(partition).get(0).offset());
        }
    }

    private boolean handle(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventHeaders.read(record.headers(), record.value());
        } catch (MalformedEventException e) {
            meters.counter("openfactor.events.skipped", "consumer", spec.group(), "reason", "malformed").increment();
            LOG.warnf("skipping malformed record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return true;
        }
        if (!dispatcher.handles(event.type())) {
            dispatcher.handle(event);
            return true;
        }
        if (!relevant(event)) {
            return true;
        }
        try {
            countConsumed(event, processor.process(spec.group(), event, dispatcher));
            return true;
        } catch (MalformedEventException e) {
            meters.counter("openfactor.events.skipped", "consumer", spec.group(), "reason", "malformed").increment();
            LOG.warnf("skipping unreadable %s event %s: %s", event.type(), event.id(), e.getMessage());
            return true;
        } catch (RuntimeException e) {
            meters.counter("openfactor.events.failures", "consumer", spec.group(), "type", event.type()).increment();
            LOG.errorf(e, "handling %s event %s failed; it will be retried", event.type(), event.id());
            return false;
        }
    }

    /**
     * Asynchronous: the effects are already committed, and a lost offset commit only means a
     * redelivery that the processed-event log turns into a no-op. Waiting for the broker here
     * would put a round trip in front of every poll.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        uncommitted.putAll(done);
        consumer.commitAsync(Map.copyOf(done), (offsets, error) -> {
            if (error == null) {
                offsets.forEach(uncommitted::remove);
            }
        });
    }

    /** On the way out, the last positions synchronously, so a restart redelivers as little as possible. */
    private void commitOnClose() {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(uncommitted), Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("final offset commit failed (%s); the next owner redelivers, idempotently", e.getMessage());
        }
    }

    /** A filter that cannot read the event lets it through: the handler reports it properly. */
    private boolean relevant(CloudEvent event) {
        boolean relevant;
        try {
            relevant = spec.relevant().test(event);
        } catch (RuntimeException e) {
            relevant = true;
        }
        if (!relevant) {
            meters.counter("openfactor.events.skipped", "consumer", spec.group(), "reason", "irrelevant").increment();
        }
        return relevant;
    }

    private void countConsumed(CloudEvent event, boolean applied) {
        meters.counter("openfactor.events.consumed", "consumer", spec.group(), "type", event.type(),
                "outcome", applied ? "applied" : "duplicate").increment();
    }

    private static Duration nextPause(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(250) : previous.multipliedBy(2);
        return next.compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : next;
    }
}
