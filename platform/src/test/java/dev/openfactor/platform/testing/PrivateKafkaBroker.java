package dev.openfactor.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a test run its own broker, for tests that stop and restart it. The directory travels
 * as the config property {@code openfactor.test.kafka.dir}; a test rebuilds a
 * {@link KafkaBrokerProcess} from it to stop or start the broker.
 */
public class PrivateKafkaBroker implements QuarkusTestResourceLifecycleManager {

    public static final String DIR_PROPERTY = "openfactor.test.kafka.dir";
    private KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("openfactor-test-kafka");
            broker = KafkaBrokerProcess.create(dir);
            broker.start();
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), DIR_PROPERTY, dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
