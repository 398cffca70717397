import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates OpenFactor's topics if they are missing, in one JVM (one kafka-topics call per
 * topic costs ~2 s each). Run as a single-file program: java -cp 'lib/*' CreateTopics.java HOST:PORT
 */
public class CreateTopics {

    static final int PARTITIONS = 6;
    static final Map<String, String> COMPACT = Map.of("cleanup.policy", "compact");

    public static void main(String[] args) throws Exception {
        List<NewTopic> topics = List.of(
                topic("openfactor.profiles", COMPACT),
                topic("openfactor.api-keys", COMPACT),
                topic("openfactor.notifications", Map.of()),
                topic("openfactor.notifications.dlq", Map.of()),
                topic("openfactor.deliveries", Map.of()),
                topic("openfactor.audit", Map.of()));
        Properties props = new Properties();
        props.put("bootstrap.servers", args[0]);
        try (Admin admin = Admin.create(props)) {
            int created = 0;
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get();
                    created++;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.println("topics: " + created + " created, " + (topics.size() - created) + " already there");
        }
    }

    static NewTopic topic(String name, Map<String, String> config) {
        return new NewTopic(name, PARTITIONS, (short) 1).configs(config);
    }
}
