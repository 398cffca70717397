package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The three places that create topics agree: deploy/local (./openfactor up), the compose script and
 * the Strimzi KafkaTopics. deploy/local/kafka/CreateTopics.java is the reference.
 */
class KafkaTopicsTest {

    /** Topic name → compacted. */
    record Topics(Map<String, Boolean> compacted, int partitions) {
    }

    static List<String> overlaysWithTopics() {
        return Repo.overlays().stream().filter(o -> !Kustomize.overlay(o).ofKind("KafkaTopic").isEmpty()).toList();
    }

    static Topics local() {
        String source = Repo.read("deploy/local/kafka/CreateTopics.java");
        Map<String, Boolean> topics = new TreeMap<>();
        Matcher m = Pattern.compile("topic\\(\"([^\"]+)\",\\s*(\\w+)").matcher(source);
        while (m.find()) {
            topics.put(m.group(1), m.group(2).equals("COMPACT"));
        }
        return new Topics(topics, number(source, "PARTITIONS = (\\d+)"));
    }

    @Test
    void theReferenceListIsReadable() {
        Topics local = local();
        assertEquals(6, local.compacted().size(), local.toString());
        assertTrue(local.compacted().get("openfactor.profiles"), "profiles are compacted in the reference");
        assertFalse(local.compacted().get("openfactor.audit"));
    }

    @Test
    void composeCreatesTheSameTopics() {
        String script = Repo.read("deploy/compose/create-topics.sh");
        Map<String, Boolean> topics = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^create (\\S+)(.*)$").matcher(script);
        while (m.find()) {
            topics.put(m.group(1), m.group(2).contains("cleanup.policy=compact"));
        }
        assertEquals(local(), new Topics(topics, number(script, "PARTITIONS=(\\d+)")));
        assertTrue(Compose.service("kafka").path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText().equals("false"),
                "auto-creation would make an uncompacted snapshot topic on first write");
    }

    @ParameterizedTest
    @MethodSource("overlaysWithTopics")
    void strimziTopicsAreTheSameTopics(String overlay) {
        Map<String, Boolean> topics = new TreeMap<>();
        List<Integer> partitions = new ArrayList<>();
        for (Manifest m : Kustomize.overlay(overlay).ofKind("KafkaTopic")) {
            JsonNode spec = m.tree().path("spec");
            topics.put(spec.path("topicName").asText(), "compact".equals(spec.path("config").path("cleanup.policy").asText()));
            partitions.add(spec.path("partitions").asInt());
        }
        assertEquals(Boolean.TRUE, topics.get("openfactor.profiles"), overlay + ": one snapshot per user must outlive retention");
        Topics local = local();
        assertEquals(local.compacted(), topics, overlay);
        assertTrue(partitions.stream().allMatch(p -> p == local.partitions()), overlay + " partitions " + partitions);
    }

    @Test
    void productionTopicsSurviveALostBroker() {
        List<String> problems = new ArrayList<>();
        for (Manifest m : Kustomize.overlay("production").ofKind("KafkaTopic")) {
            JsonNode spec = m.tree().path("spec");
            int replicas = spec.path("replicas").asInt();
            int minIsr = Integer.parseInt(spec.path("config").path("min.insync.replicas").asText("1"));
            if (replicas < 3 || minIsr < 2 || minIsr >= replicas) {
                problems.add(m + ": replicas " + replicas + ", min.insync.replicas " + minIsr);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Consumers in a group beyond the partition count sit idle, so autoscaling stops there. */
    @Test
    void autoscalingStaysWithinThePartitionCount() {
        Rendered production = Kustomize.overlay("production");
        int partitions = production.ofKind("KafkaTopic").stream()
                .mapToInt(t -> t.tree().path("spec").path("partitions").asInt()).min().orElseThrow();
        List<String> problems = new ArrayList<>();
        // Only consumers are bound by partitions; prompt-service's ceiling is database connections.
        for (String service : Repo.KAFKA_CLIENTS) {
            JsonNode hpa = production.get("HorizontalPodAutoscaler", service).tree().path("spec");
            int max = hpa.path("maxReplicas").asInt();
            if (max > partitions) {
                problems.add(service + ": maxReplicas " + max + " > " + partitions + " partitions");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex);
        return Integer.parseInt(m.group(1));
    }
}
