package dev.openfactor.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** docker-compose.yml, read as plain YAML (Jackson). */
final class Compose {

    static final JsonNode FILE = Repo.readYaml("docker-compose.yml");

    private Compose() {
    }

    static JsonNode service(String name) {
        JsonNode service = FILE.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** A service's environment; the map form only, which keeps every variable greppable. */
    static Map<String, String> environment(String name) {
        JsonNode env = service(name).path("environment");
        if (!env.isObject()) {
            throw new AssertionError(name + ": write `environment:` as a map in docker-compose.yml");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        env.fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        return variables;
    }
}
