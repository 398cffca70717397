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
import dev.openfactor.platform.jdbc.Jdbc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records every delivery instead of sending it (local runs need no Apple, Google or Twilio
 * account), with the rendered content, so a developer or a test reads the code at
 * {@code GET /sandbox/v1/deliveries?address=}.
 */
public final class SandboxChannel implements NotificationChannel {

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SandboxChannel(Jdbc jdbc, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
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
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("""
                INSERT INTO sandbox_delivery (id, notification_id, channel, address, challenge_id, content, delivered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID().toString(), m.notificationId(), m.channel(), m.address(),
                m.challengeId(), json(content), clock.instant()));
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
