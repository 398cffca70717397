package dev.openfactor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.openfactor.platform.testing.KafkaBrokerProcess;

/**
 * A broker of the bench's own (the same Kafka jars as {@code ./openfactor up}, a fresh data
 * directory, free ports): every run starts from empty topics, so a run never replays an earlier
 * run's commands and a running {@code up} never sees the bench's traffic.
 */
final class BenchBroker implements AutoCloseable {

    private final Path dir;
    private final KafkaBrokerProcess broker;

    private BenchBroker(Path dir, KafkaBrokerProcess broker) {
        this.dir = dir;
        this.broker = broker;
    }

    static BenchBroker start(Path root) {
        if (System.getProperty("openfactor.kafka.home") == null) {
            System.setProperty("openfactor.kafka.home", root.resolve(".openfactor/kafka").toString());
        }
        Path dir = root.resolve(".openfactor/bench/kafka");
        delete(dir);
        KafkaBrokerProcess broker = KafkaBrokerProcess.create(dir);
        broker.start();
        return new BenchBroker(dir, broker);
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.stop();
        delete(dir);
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
