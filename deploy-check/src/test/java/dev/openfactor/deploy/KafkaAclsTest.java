package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kafka trust: each Kafka client (every service but prompt-service) authenticates as its own principal (a Strimzi KafkaUser whose secret only
 * its Deployment reads), and that principal's ACLs are exactly the topics the service produces
 * (write) and consumes (read), plus its own consumer-group prefix. Above all, no principal but
 * enrollment-service's may write the profile and API-key snapshots the others take as truth.
 */
class KafkaAclsTest {

    private static final String WRITE = "write";
    private static final String READ = "read";
    private static final Set<String> SNAPSHOT_TOPICS = Set.of("openfactor.profiles", "openfactor.api-keys");

    /** The rule, written out: service → topic → what it may do there. */
    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "enrollment-service", Map.of(
                    "openfactor.profiles", WRITE,
                    "openfactor.api-keys", WRITE,
                    "openfactor.notifications", WRITE,
                    "openfactor.audit", WRITE,
                    "openfactor.deliveries", READ),
            "verification-service", Map.of(
                    "openfactor.notifications", WRITE,
                    "openfactor.audit", WRITE,
                    "openfactor.profiles", READ,
                    "openfactor.api-keys", READ,
                    "openfactor.deliveries", READ),
            "notification-service", Map.of(
                    "openfactor.notifications", READ,
                    "openfactor.deliveries", WRITE,
                    "openfactor.notifications.dlq", WRITE));

    private static final Set<String> TOPIC_OPERATIONS = Set.of("Write", "Read", "Describe");

    static List<String> overlaysWithUsers() {
        return Repo.overlays().stream().filter(o -> !Kustomize.overlay(o).ofKind("KafkaUser").isEmpty()).toList();
    }

    @Test
    void productionHasOnePrincipalPerService() {
        assertTrue(overlaysWithUsers().contains("production"), "the production overlay has no KafkaUsers");
        Rendered production = Kustomize.overlay("production");
        Set<String> principals = new TreeSet<>();
        for (String service : Repo.KAFKA_CLIENTS) {
            principals.add(principalOf(production, service).name());
        }
        assertEquals(Repo.KAFKA_CLIENTS.size(), principals.size(), "services share a principal: " + principals);
        assertEquals(principals, new TreeSet<>(production.ofKind("KafkaUser").stream().map(Manifest::name).toList()),
                "a KafkaUser no service uses");
    }

    @ParameterizedTest
    @MethodSource("overlaysWithUsers")
    void eachPrincipalMayWriteAndReadExactlyItsServicesTopics(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        Map<String, Map<String, String>> actual = new TreeMap<>();
        for (String service : Repo.KAFKA_CLIENTS) {
            actual.put(service, topicRights(principalOf(rendered, service)));
        }
        assertEquals(new TreeMap<>(EXPECTED), actual, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlaysWithUsers")
    void onlyEnrollmentsPrincipalMayWriteProfilesAndApiKeys(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        String enrollment = principalOf(rendered, "enrollment-service").name();
        List<String> writers = new ArrayList<>();
        for (Manifest user : rendered.ofKind("KafkaUser")) {
            for (JsonNode acl : acls(user)) {
                boolean writes = operations(acl).contains("Write") || operations(acl).contains("All");
                boolean onSnapshots = "topic".equals(acl.path("resource").path("type").asText())
                        && SNAPSHOT_TOPICS.stream().anyMatch(t -> matches(acl.path("resource"), t));
                if (writes && onSnapshots && !user.name().equals(enrollment)) {
                    writers.add(user.name() + " may write " + acl.path("resource").path("name").asText());
                }
            }
        }
        assertEquals(List.of(), writers, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlaysWithUsers")
    void aclsNameLiteralTopicsAndOnlyTheServicesOwnConsumerGroups(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.KAFKA_CLIENTS) {
            Manifest user = principalOf(rendered, service);
            JsonNode spec = user.tree().path("spec");
            check(problems, user, "scram-sha-512", "scram-sha-512".equals(spec.path("authentication").path("type").asText()));
            check(problems, user, "simple authorization", "simple".equals(spec.path("authorization").path("type").asText()));
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : acls(user)) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asText();
                check(problems, user, "an allow rule", acl.path("type").isMissingNode() || "allow".equals(acl.path("type").asText()));
                if (type.equals("group")) {
                    check(problems, user, "groups by prefix, Read only", "prefix".equals(resource.path("patternType").asText())
                            && Set.of("Read").equals(operations(acl)));
                    groups.add(resource.path("name").asText());
                } else {
                    check(problems, user, "topic ACLs only besides groups (no cluster or transactional rights)", type.equals("topic"));
                    check(problems, user, "literal topic " + resource.path("name").asText(),
                            "literal".equals(resource.path("patternType").asText()) && !resource.path("name").asText().contains("*"));
                    check(problems, user, "Write, Read or Describe only", TOPIC_OPERATIONS.containsAll(operations(acl)));
                }
            }
            check(problems, user, "exactly its own group prefix " + service + ".", Set.of(service + ".").equals(groups));
            for (String group : consumerGroupsInSources(service)) {
                check(problems, user, "covers consumer group " + group, group.startsWith(service + "."));
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** The matrix above must not forget a topic the code names; topics the platform names (audit) it states itself. */
    @Test
    void everyTopicAServiceNamesIsInItsRow() {
        Set<String> known = KafkaTopicsTest.local().compacted().keySet();
        List<String> missing = new ArrayList<>();
        for (String service : Repo.KAFKA_CLIENTS) {
            for (String topic : stringsInSources(service, Pattern.compile("\"(openfactor\\.[a-z.-]+)\""))) {
                if (known.contains(topic) && !EXPECTED.get(service).containsKey(topic)) {
                    missing.add(service + " names " + topic);
                }
            }
        }
        assertEquals(List.of(), missing);
        EXPECTED.values().forEach(row -> assertTrue(known.containsAll(row.keySet()), row.toString()));
    }

    /** The KafkaUser whose Strimzi secret (named like the user) gives the service its credentials. */
    private static Manifest principalOf(Rendered rendered, String service) {
        ContainerEnv.Source jaas = ContainerEnv.of(rendered, rendered.container(service)).variables().get("KAFKA_SASL_JAAS_CONFIG");
        if (!(jaas instanceof ContainerEnv.FromSecret secret)) {
            throw new AssertionError(service + ": KAFKA_SASL_JAAS_CONFIG must come from its KafkaUser's secret, not " + jaas);
        }
        return rendered.find("KafkaUser", secret.secret())
                .orElseThrow(() -> new AssertionError(service + " reads secret " + secret.secret() + ", which no KafkaUser makes"));
    }

    private static Map<String, String> topicRights(Manifest user) {
        Map<String, String> rights = new TreeMap<>();
        for (JsonNode acl : acls(user)) {
            if (!"topic".equals(acl.path("resource").path("type").asText())) {
                continue;
            }
            Set<String> ops = operations(acl);
            String topic = acl.path("resource").path("name").asText();
            String right = ops.contains("Write") && ops.contains("Read") ? "read+write"
                    : ops.contains("Write") ? WRITE : ops.contains("Read") ? READ : "describe";
            if (rights.put(topic, right) != null) {
                rights.put(topic, "several rules");
            }
        }
        return rights;
    }

    private static List<JsonNode> acls(Manifest user) {
        List<JsonNode> acls = new ArrayList<>();
        user.tree().path("spec").path("authorization").path("acls").forEach(acls::add);
        return acls;
    }

    /** Strimzi takes {@code operations: [..]} or the older single {@code operation}. */
    private static Set<String> operations(JsonNode acl) {
        Set<String> ops = new TreeSet<>();
        acl.path("operations").forEach(o -> ops.add(o.asText()));
        if (acl.path("operation").isTextual()) {
            ops.add(acl.path("operation").asText());
        }
        return ops;
    }

    private static boolean matches(JsonNode resource, String topic) {
        String name = resource.path("name").asText();
        return "prefix".equals(resource.path("patternType").asText()) ? topic.startsWith(name) : name.equals(topic) || name.equals("*");
    }

    private static Set<String> consumerGroupsInSources(String service) {
        return stringsInSources(service, Pattern.compile("GROUP = \"([^\"]+)\""));
    }

    private static Set<String> stringsInSources(String service, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.path(service + "/src/main/java"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(p));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void check(List<String> problems, Manifest m, String what, boolean ok) {
        if (!ok) {
            problems.add(m + ": " + what);
        }
    }
}
