package dev.openfactor.platform.consumer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.openfactor.platform.kafka.KafkaClientSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Starts idempotent consumer loops on their own threads and stops them at shutdown. */
@ApplicationScoped
public class EventConsumers {

    private final KafkaClientSettings settings;
    private final IdempotentProcessor processor;
    private final MeterRegistry meters;
    private final List<Running> running = new CopyOnWriteArrayList<>();

    private final String groupSuffix;

    /**
     * {@code openfactor.kafka.group-suffix} keeps test runs out of the consumer groups of a
     * system running on the same broker (tests set it to a fresh value per run).
     */
    EventConsumers(KafkaClientSettings settings, IdempotentProcessor processor, MeterRegistry meters,
            @ConfigProperty(name = "openfactor.kafka.group-suffix") Optional<String> groupSuffix) {
        this.groupSuffix = groupSuffix.orElse("");
        this.settings = settings;
        this.processor = processor;
        this.meters = meters;
    }

    /** Starts a loop for {@code spec}; the returned handle stops it. */
    public Running start(ConsumerSpec spec) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(spec));
        EventConsumerLoop loop = new EventConsumerLoop(spec, consumer, processor, meters);
        Thread thread = new Thread(loop, "consumer-" + spec.group());
        thread.setDaemon(true);
        Running handle = new Running(loop, thread);
        running.add(handle);
        thread.start();
        return handle;
    }

    private Map<String, Object> consumerConfig(ConsumerSpec spec) {
        Map<String, Object> c = settings.base();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, spec.group() + groupSuffix);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.applicationName() + "-" + spec.group());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.putAll(spec.overrides());
        return c;
    }

    void stopAll(@Observes ShutdownEvent ignored) {
        running.forEach(Running::stop);
    }

    /** A started loop. */
    public final class Running {
        private final EventConsumerLoop loop;
        private final Thread thread;

        private Running(EventConsumerLoop loop, Thread thread) {
            this.loop = loop;
            this.thread = thread;
        }

        public void stop() {
            loop.stop();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.remove(this);
        }
    }
}
