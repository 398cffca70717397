package dev.openfactor.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code kafka.*} configuration (bootstrap servers, security) that Quarkus collects,
 * as a fresh map each client can extend with its own settings.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> common;
    private final String applicationName;

    KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> common,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.common = Map.copyOf(common);
        this.applicationName = applicationName;
    }

    public Map<String, Object> base() {
        return new HashMap<>(common);
    }

    public String applicationName() {
        return applicationName;
    }
}
