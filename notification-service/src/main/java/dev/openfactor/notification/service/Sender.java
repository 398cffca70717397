package dev.openfactor.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.channel.Channels;
import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.domain.Message;
import dev.openfactor.notification.domain.NotificationCommand;
import dev.openfactor.notification.domain.SendResult;
import dev.openfactor.notification.repository.DeliveryRepository;
import dev.openfactor.platform.crypto.EnvelopeException;
import dev.openfactor.platform.crypto.KeyRings;
import dev.openfactor.platform.crypto.SealedCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends one claimed delivery: expiry check, code opened under the delivery key, the channel's call, timed. */
@ApplicationScoped
class Sender {

    private final Channels channels;
    private final KeyRings keyRings;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final NotificationConfig config;
    private final Clock clock;

    Sender(Channels channels, KeyRings keyRings, ObjectMapper mapper, MeterRegistry meters, NotificationConfig config,
            Clock clock) {
        this.channels = channels;
        this.keyRings = keyRings;
        this.mapper = mapper;
        this.meters = meters;
        this.config = config;
        this.clock = clock;
    }

    CompletableFuture<Outcomes.Result> send(DeliveryRepository.Claimed claimed) {
        NotificationCommand command = read(claimed.command());
        Instant now = clock.instant();
        if (!now.isBefore(claimed.expiresAt())) {
            return CompletableFuture.completedFuture(new Outcomes.Result(claimed, command, null));
        }
        var channel = channels.serving(command.channel());
        if (channel.isEmpty()) {
            return done(claimed, command, SendResult.permanent("channel_not_configured"));
        }
        Message message;
        try {
            message = message(command);
        } catch (EnvelopeException e) {
            return done(claimed, command, SendResult.permanent("code_not_openable"));
        }
        Timer.Sample timing = Timer.start(meters);
        return channel.get().send(message).toCompletableFuture()
                .completeOnTimeout(SendResult.transientFailure("timeout"), config.dispatch().sendTimeout().toMillis(),
                        TimeUnit.MILLISECONDS)
                .exceptionally(e -> SendResult.transientFailure("channel_error"))
                .thenApply(result -> {
                    timing.stop(meters.timer("openfactor.notifications.send", "channel", command.channel()));
                    return new Outcomes.Result(claimed, command, result);
                });
    }

    private Message message(NotificationCommand c) {
        String code = c.secret() == null ? null : SealedCode.open(keyRings.ring(KeyRings.DELIVERY), c.secret(), c.notificationId());
        return new Message(c.notificationId(), c.purpose(), c.channel(), c.address(), c.extension(), c.expiresAt(),
                c.challengeId(), c.deviceId(), c.push(), c.text(), code);
    }

    private NotificationCommand read(String json) {
        try {
            return mapper.readValue(json, NotificationCommand.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored command is unreadable", e);
        }
    }

    private static CompletableFuture<Outcomes.Result> done(DeliveryRepository.Claimed c, NotificationCommand command,
            SendResult result) {
        return CompletableFuture.completedFuture(new Outcomes.Result(c, command, result));
    }
}
