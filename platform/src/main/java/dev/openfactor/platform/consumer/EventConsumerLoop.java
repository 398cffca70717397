package dev.openfactor.platform.consumer;

import java.time.Duration;
import java.util.HashMap;
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
            consumer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Returns false if a record failed; every partition is rewound to its first unhandled record. */
    private boolean handleBatch(ConsumerRecords<String, byte[]> records) {
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
                consumer.commitSync(done);
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
        try {
            boolean applied = processor.process(spec.group(), event, dispatcher);
            meters.counter("openfactor.events.consumed", "consumer", spec.group(), "type", event.type(),
                    "outcome", applied ? "applied" : "duplicate").increment();
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

    private static Duration nextPause(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(250) : previous.multipliedBy(2);
        return next.compareTo(MAX_RETRY_PAUSE) > 0 ? MAX_RETRY_PAUSE : next;
    }
}
