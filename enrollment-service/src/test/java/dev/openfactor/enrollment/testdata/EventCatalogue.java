package dev.openfactor.enrollment.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Checks a published event against the schema and golden sample this service keeps in events/. */
public final class EventCatalogue {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventCatalogue() {
    }

    /** Same top-level fields as the golden sample, and every field the schema requires. */
    public static void assertMatches(JsonNode event, String type) {
        JsonNode sample = resource("events/samples/" + type + ".json");
        JsonNode schema = resource("events/" + type + ".schema.json");
        assertEquals(fieldNames(sample), fieldNames(event));
        schema.get("required").forEach(required -> assertTrue(event.has(required.asText()), required.asText()));
    }

    public static JsonNode sample(String type) {
        return resource("events/samples/" + type + ".json");
    }

    /** The golden profile sample's method entry of {@code type}. */
    public static JsonNode sampleMethod(String type) {
        for (JsonNode method : sample("profile.snapshot.v1").get("methods")) {
            if (type.equals(method.get("type").asText())) {
                return method;
            }
        }
        throw new AssertionError("no " + type + " method in the golden sample");
    }

    /** Like {@link #assertMatches} for an event whose schema another module owns (read from its source tree). */
    public static void assertMatchesFile(JsonNode event, String eventsDir, String type) {
        try {
            JsonNode sample = MAPPER.readTree(java.nio.file.Path.of(eventsDir, "samples", type + ".json").toFile());
            JsonNode schema = MAPPER.readTree(java.nio.file.Path.of(eventsDir, type + ".schema.json").toFile());
            assertEquals(fieldNames(sample), fieldNames(event));
            schema.get("required").forEach(required -> assertTrue(event.has(required.asText()), required.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
