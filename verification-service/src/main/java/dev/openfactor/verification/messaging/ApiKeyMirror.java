package dev.openfactor.verification.messaging;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.openfactor.platform.consumer.ConsumerSpec;
import dev.openfactor.platform.consumer.EventConsumers;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.EventJson;
import dev.openfactor.platform.security.ApiKeys;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps a copy of every tenant's API keys (hashes only) from {@code openfactor.api-keys}, so
 * relying parties can start challenges while enrollment-service is down.
 */
@ApplicationScoped
public class ApiKeyMirror {

    static final String TOPIC = "openfactor.api-keys";
    static final String GROUP = "verification-service.api-keys";

    private final EventConsumers consumers;
    private final ApiKeys apiKeys;
    private final EventJson json;

    ApiKeyMirror(EventConsumers consumers, ApiKeys apiKeys, EventJson json) {
        this.consumers = consumers;
        this.apiKeys = apiKeys;
        this.json = json;
    }

    void start(@Observes StartupEvent ignored) {
        consumers.start(new ConsumerSpec(GROUP, List.of(TOPIC), Map.of(ApiKeySnapshot.TYPE, this::apply)));
    }

    void apply(CloudEvent event) {
        if (event.isTombstone()) {
            return;
        }
        ApiKeySnapshot key = json.read(event, ApiKeySnapshot.class);
        apiKeys.mirror(key.keyId(), key.tenantId(), key.label(), Base64.getDecoder().decode(key.secretSha256()),
                key.createdAt(), key.revokedAt());
    }
}
