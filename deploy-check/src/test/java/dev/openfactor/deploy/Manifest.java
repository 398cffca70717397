package dev.openfactor.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

import io.kubernetes.client.util.Yaml;

/** One rendered document: its text (for the strict typed loader) and its tree (for structural checks). */
record Manifest(String yaml, JsonNode tree) {

    static Manifest parse(String yaml) {
        try {
            return new Manifest(yaml, Repo.YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML:\n" + yaml, e);
        }
    }

    String apiVersion() {
        return tree.path("apiVersion").asText();
    }

    String kind() {
        return tree.path("kind").asText();
    }

    String name() {
        return tree.path("metadata").path("name").asText();
    }

    /** Resources of operators' CRDs, which the Kubernetes client has no model for (Strimzi's KafkaTopic). */
    boolean isCustomResource() {
        return apiVersion().startsWith("kafka.strimzi.io/");
    }

    /**
     * The client's model object, loaded strictly: an unknown field or a value of the wrong type
     * anywhere in the document throws.
     */
    Object typed() {
        try {
            return Yaml.load(yaml);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(kind() + " " + name() + " does not load into the Kubernetes model: " + e.getMessage(), e);
        }
    }

    <T> T typed(Class<T> type) {
        return type.cast(typed());
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
