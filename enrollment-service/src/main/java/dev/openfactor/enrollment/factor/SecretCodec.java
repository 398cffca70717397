package dev.openfactor.enrollment.factor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.platform.crypto.AssociatedData;
import dev.openfactor.platform.crypto.KeyRing;
import dev.openfactor.platform.crypto.KeyRings;
import dev.openfactor.platform.crypto.SecretEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals method secrets under the key-encryption key. The associated data ties an envelope to its
 * tenant and method, so verification-service (which holds the same key) opens it only there.
 */
@ApplicationScoped
public class SecretCodec {

    private final KeyRings keyRings;
    private final ObjectMapper mapper;

    SecretCodec(KeyRings keyRings, ObjectMapper mapper) {
        this.keyRings = keyRings;
        this.mapper = mapper;
    }

    public String seal(byte[] secret, String tenantId, String methodId) {
        return writeJson(kek().seal(secret, AssociatedData.method(tenantId, methodId)));
    }

    public byte[] open(String envelopeJson, String tenantId, String methodId) {
        return kek().open(envelope(envelopeJson), AssociatedData.method(tenantId, methodId));
    }

    public SecretEnvelope envelope(String envelopeJson) {
        try {
            return mapper.readValue(envelopeJson, SecretEnvelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored secret is not an envelope");
        }
    }

    public <T> T readJson(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored credential data is not valid JSON for " + type.getSimpleName());
        }
    }

    public String writeJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyRing kek() {
        return keyRings.ring(KeyRings.KEY_ENCRYPTION);
    }
}
