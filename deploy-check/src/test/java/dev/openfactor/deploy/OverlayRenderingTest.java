package dev.openfactor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every overlay renders, and everything it renders is a well-formed Kubernetes object. */
class OverlayRenderingTest {

    static List<String> overlays() {
        return Repo.overlays();
    }

    @Test
    void theDevAndProductionOverlaysExist() {
        assertTrue(overlays().containsAll(List.of("dev", "production")), "overlays found: " + overlays());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersEveryPieceOfEachService(String overlay) {
        Rendered rendered = Kustomize.overlay(overlay);
        List<String> missing = new ArrayList<>();
        for (String service : Repo.WORKLOADS) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "PodDisruptionBudget")) {
                if (rendered.find(kind, service).isEmpty()) {
                    missing.add(kind + "/" + service);
                }
            }
            if (rendered.ofKind("ConfigMap").stream().noneMatch(m -> m.name().startsWith(service + "-"))) {
                missing.add("ConfigMap/" + service + "-<hash>");
            }
        }
        assertEquals(List.of(), missing, overlay + " lacks");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyBuiltInObjectLoadsStrictlyIntoItsModel(String overlay) {
        List<String> failures = new ArrayList<>();
        for (Manifest m : Kustomize.overlay(overlay).manifests()) {
            if (m.isCustomResource()) {
                continue;
            }
            try {
                String model = m.typed().getClass().getSimpleName();
                if (!model.endsWith(m.kind())) {
                    failures.add(m + " loaded as " + model);
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertEquals(List.of(), failures, overlay);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaTopicsAreWellFormedStrimziResources(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifest topic : Kustomize.overlay(overlay).ofKind("KafkaTopic")) {
            JsonNode t = topic.tree();
            expect(problems, topic, "apiVersion", t.path("apiVersion").asText().equals("kafka.strimzi.io/v1beta2"));
            expect(problems, topic, "label strimzi.io/cluster", t.path("metadata").path("labels").path("strimzi.io/cluster").isTextual());
            JsonNode spec = t.path("spec");
            expect(problems, topic, "only known spec fields",
                    Set.of("topicName", "partitions", "replicas", "config").containsAll(fieldNames(spec)));
            expect(problems, topic, "topicName", spec.path("topicName").asText().startsWith("openfactor."));
            expect(problems, topic, "partitions >= 1", spec.path("partitions").isInt() && spec.path("partitions").asInt() >= 1);
            expect(problems, topic, "replicas >= 1", spec.path("replicas").isInt() && spec.path("replicas").asInt() >= 1);
            expect(problems, topic, "config of plain values",
                    spec.path("config").isObject() && iterable(spec.path("config")).stream().allMatch(JsonNode::isValueNode));
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** The check above is only worth something if the loader really is strict. */
    @Test
    void strictLoadingRejectsAMisspelledFieldAndAWrongType() {
        Manifest deployment = Kustomize.overlay("production").get("Deployment", "enrollment-service");
        assertTrue(deployment.yaml().contains("readinessProbe:"));
        Manifest misspelled = Manifest.parse(deployment.yaml().replace("readinessProbe:", "readynessProbe:"));
        Manifest wrongType = Manifest.parse(deployment.yaml().replaceFirst("replicas: \\d+", "replicas: two"));
        assertThrows(AssertionError.class, misspelled::typed);
        assertThrows(AssertionError.class, wrongType::typed);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretIsRendered(String overlay) {
        assertFalse(Kustomize.overlay(overlay).ofKind("Secret").stream().findAny().isPresent(),
                "secrets are created in the cluster (deploy/README.md), never kept in the repository");
    }

    private static void expect(List<String> problems, Manifest m, String what, boolean ok) {
        if (!ok) {
            problems.add(m + ": " + what);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> iterable(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        node.elements().forEachRemaining(values::add);
        return values;
    }
}
