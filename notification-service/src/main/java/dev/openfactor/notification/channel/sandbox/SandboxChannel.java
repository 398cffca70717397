package dev.openfactor.notification.channel.sandbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.channel.NotificationChannel;
import dev.openfactor.notification.domain.Message;
import dev.openfactor.notification.domain.SendResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Records every delivery instead of sending it (local runs need no Apple, Google or Twilio
 * account), with the rendered content, so a developer or a test reads the code at
 * {@code GET /sandbox/v1/deliveries?address=}.
 */
public final class SandboxChannel implements NotificationChannel {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SandboxChannel(EntityManager em, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public boolean serves(String channel) {
        return true;
    }

    @Override
    public CompletionStage<SendResult> send(Message m) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (m.push() != null) {
            content.put("title", m.push().title());
            content.put("body", m.push().body());
            content.put("category", m.push().category());
            content.put("data", m.data());
        }
        if (m.text() != null) {
            content.put("text", m.text().replace("{code}", m.code() == null ? "" : m.code()));
        }
        if (m.extension() != null) {
            content.put("extension", m.extension());
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO sandbox_delivery (id, notification_id, channel, address, challenge_id, content, delivered_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, m.notificationId())
                .setParameter(3, m.channel()).setParameter(4, m.address()).setParameter(5, m.challengeId())
                .setParameter(6, json(content)).setParameter(7, clock.instant())
                .executeUpdate());
        return CompletableFuture.completedFuture(SendResult.sent());
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
