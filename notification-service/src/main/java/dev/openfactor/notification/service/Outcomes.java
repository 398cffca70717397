package dev.openfactor.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.domain.NotificationCommand;
import dev.openfactor.notification.domain.SendResult;
import dev.openfactor.notification.messaging.DeadLetter;
import dev.openfactor.notification.messaging.DeliveryReport;
import dev.openfactor.notification.repository.DeliveryRepository;
import dev.openfactor.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records what became of each send, with its report (and dead letter) in the same transaction:
 * sent, address_invalid and permanent failures end the delivery; transient failures come back
 * after exponential backoff with jitter until the attempts run out.
 */
@ApplicationScoped
class Outcomes {

    /** {@code result} null: the command expired before it could be sent. */
    record Result(DeliveryRepository.Claimed claimed, NotificationCommand command, SendResult result) {
    }

    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final NotificationConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    Outcomes(DeliveryRepository deliveries, Outbox outbox, MeterRegistry meters, NotificationConfig config,
            ObjectMapper mapper, Clock clock) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.meters = meters;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Ends and reports a whole round in two round trips to the database: one per table. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(List<Result> results) {
        Instant now = clock.instant();
        List<DeliveryRepository.Finished> finished = new ArrayList<>();
        List<Outbox.Publication> reports = new ArrayList<>();
        for (Result r : results) {
            String id = r.claimed().notificationId();
            int attempts = r.claimed().attempts();
            if (r.result() == null) {
                end(r, "EXPIRED", "expired", null, now, finished, reports);
                continue;
            }
            SendResult result = r.result();
            switch (result.kind()) {
                case SENT -> end(r, "SENT", "sent", null, now, finished, reports);
                case ADDRESS_INVALID -> end(r, "ADDRESS_INVALID", "address_invalid", result.reason(), now, finished, reports);
                case PERMANENT -> end(r, "FAILED", "failed", result.reason(), now, finished, reports);
                case TRANSIENT -> {
                    if (attempts >= config.retry().maxAttempts()) {
                        end(r, "FAILED", "failed", result.reason(), now, finished, reports);
                        deadLetter(r, result.reason(), now);
                    } else {
                        deliveries.retryAt(id, now.plus(backoff(attempts)), result.reason());
                        meters.counter("openfactor.notifications.retries", "channel", r.command().channel()).increment();
                    }
                }
            }
        }
        deliveries.finishAll(finished, now);
        outbox.publishAll(reports);
    }

    /** initial × 2^(attempt-1), capped, with "full jitter" so retries from one outage spread out. */
    Duration backoff(int attempt) {
        long capped = Math.min(config.retry().maxBackoff().toMillis(),
                config.retry().initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private void end(Result r, String state, String outcome, String reason, Instant now,
            List<DeliveryRepository.Finished> finished, List<Outbox.Publication> reports) {
        NotificationCommand c = r.command();
        finished.add(new DeliveryRepository.Finished(r.claimed().notificationId(), state, reason));
        DeliveryReport report = new DeliveryReport(c.notificationId(), c.tenantId(), c.userId(), c.purpose(), c.channel(),
                c.challengeId(), c.deviceId(), c.methodId(), outcome, reason, r.claimed().attempts(), now);
        String key = c.tenantId() + "/" + c.userId();
        reports.add(new Outbox.Publication(DeliveryReport.TOPIC, key, DeliveryReport.TYPE, key, report));
        meters.counter("openfactor.notifications.outcome", "channel", c.channel(), "outcome", outcome).increment();
    }

    private void deadLetter(Result r, String reason, Instant now) {
        NotificationCommand c = r.command();
        try {
            DeadLetter letter = new DeadLetter(c.notificationId(), mapper.readTree(r.claimed().command()), reason,
                    r.claimed().attempts(), now);
            String key = c.tenantId() + "/" + c.userId();
            outbox.publish(DeadLetter.TOPIC, key, DeadLetter.TYPE, key, letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored command is unreadable", e);
        }
    }
}
