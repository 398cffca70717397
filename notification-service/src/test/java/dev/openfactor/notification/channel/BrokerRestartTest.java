package dev.openfactor.notification.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.openfactor.notification.testdata.ApnsStandIn;
import dev.openfactor.notification.testdata.Commands;
import dev.openfactor.platform.testing.KafkaBrokerProcess;
import dev.openfactor.platform.testing.PrivateKafkaBroker;
import dev.openfactor.platform.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The broker dies mid-stream and comes back: every command is delivered once and reported once. */
@QuarkusTest
@QuarkusTestResource(value = PrivateKafkaBroker.class, restrictToAnnotatedClass = true)
class BrokerRestartTest {

    @Test
    void aBrokerRestartMidStreamLosesAndDuplicatesNothing() throws Exception {
        // Read here, not injected: an injection point would be validated in every other test's app too.
        Config config = ConfigProvider.getConfig();
        String kafka = config.getValue("kafka.bootstrap.servers", String.class);
        String brokerDir = config.getValue(PrivateKafkaBroker.DIR_PROPERTY, String.class);
        List<Map<String, Object>> commands = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            commands.add(Commands.push("apns", "b" + i + UUID.randomUUID().toString().replace("-", ""), Instant.now().plusSeconds(300)));
        }
        commands.subList(0, 15).forEach(c -> Commands.publish(kafka, c));
        KafkaBrokerProcess broker = new KafkaBrokerProcess(Path.of(brokerDir));
        broker.stop();
        try {
            Thread.sleep(2000); // sends go on; their reports wait in the outbox
        } finally {
            broker.start();
        }
        commands.subList(15, 30).forEach(c -> Commands.publish(kafka, c));

        Set<String> ids = commands.stream().map(c -> (String) c.get("notificationId")).collect(Collectors.toSet());
        try (TopicReader reports = new TopicReader(kafka, "openfactor.deliveries")) {
            reports.awaitMatching(r -> ids.stream().anyMatch(id -> r.event().data().contains(id)), 30, Duration.ofSeconds(90));
            List<TopicReader.Received> all = reports.allMatchingAfter(
                    r -> ids.stream().anyMatch(id -> r.event().data().contains(id)), Duration.ofSeconds(2));
            assertEquals(30, all.size(), "one report per command");
        }
        for (Map<String, Object> c : commands) {
            assertEquals(1, ApnsStandIn.attempts((String) c.get("address")), "sent once: " + c.get("address"));
        }
    }
}
