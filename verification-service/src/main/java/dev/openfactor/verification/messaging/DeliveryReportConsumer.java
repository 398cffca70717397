package dev.openfactor.verification.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.openfactor.platform.consumer.ConsumerSpec;
import dev.openfactor.platform.consumer.EventConsumers;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.EventJson;
import dev.openfactor.verification.domain.Challenge;
import dev.openfactor.verification.repository.ChallengeRepository;
import dev.openfactor.verification.service.ChallengeEvents;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Feeds a challenge's {@code delivery} from notification-service's reports: sent once any of its
 * notifications was sent; failed while none was and one failed.
 */
@ApplicationScoped
public class DeliveryReportConsumer {

    static final String TOPIC = "openfactor.deliveries";
    static final String GROUP = "verification-service.deliveries";
    static final String TYPE = "dev.openfactor.delivery.reported.v1";

    /**
     * The delivery state is a hint on the login page ("sent to your phone"); a tenth of a second
     * later costs no one, a fetch and transaction per push costs CPU.
     */
    private static final Duration GATHER = Duration.ofMillis(100);

    private final EventConsumers consumers;
    private final ChallengeRepository challenges;
    private final ChallengeEvents events;
    private final EventJson json;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String tenantId, String challengeId, String outcome) {
    }

    DeliveryReportConsumer(EventConsumers consumers, ChallengeRepository challenges, ChallengeEvents events, EventJson json) {
        this.consumers = consumers;
        this.challenges = challenges;
        this.events = events;
        this.json = json;
    }

    void start(@Observes StartupEvent ignored) {
        consumers.start(new ConsumerSpec(GROUP, List.of(TOPIC), Map.of(TYPE, this::apply)).gathering(GATHER));
    }

    void apply(CloudEvent event) {
        if (event.isTombstone()) {
            return;
        }
        Report report = json.read(event, Report.class);
        if (report.challengeId() == null || report.tenantId() == null) {
            return;
        }
        Challenge.Delivery next = "sent".equals(report.outcome()) ? Challenge.Delivery.SENT : Challenge.Delivery.FAILED;
        if (challenges.recordDelivery(report.tenantId(), report.challengeId(), next)) {
            events.touched(report.challengeId());
        }
    }
}
