package dev.openfactor.enrollment.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.openfactor.enrollment.service.DeviceService;
import dev.openfactor.platform.consumer.ConsumerSpec;
import dev.openfactor.platform.consumer.EventConsumers;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.EventJson;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads delivery reports: a push token that its push service (APNs, FCM, Web Push) calls
 * unregistered or gone is retired, and the republished profile stops verification-service from
 * pushing to it.
 */
@ApplicationScoped
public class DeliveryReportConsumer {

    static final String GROUP = "enrollment-service.deliveries";
    /** A dead token retired a quarter second later costs nothing; a fetch per push costs CPU. */
    private static final Duration GATHER = Duration.ofMillis(250);

    private final EventConsumers consumers;
    private final DeviceService devices;
    private final EventJson json;

    DeliveryReportConsumer(EventConsumers consumers, DeviceService devices, EventJson json) {
        this.consumers = consumers;
        this.devices = devices;
        this.json = json;
    }

    void start(@Observes StartupEvent ignored) {
        // Almost every report says "sent": passed over without a transaction or a processed-event row.
        consumers.start(new ConsumerSpec(GROUP, List.of(DeliveryReport.TOPIC), Map.of(DeliveryReport.TYPE, this::apply))
                .onlyWhen(event -> !event.isTombstone() && json.read(event, DeliveryReport.class).addressInvalid())
                .gathering(GATHER));
    }

    void apply(CloudEvent event) {
        if (event.isTombstone()) {
            return;
        }
        DeliveryReport report = json.read(event, DeliveryReport.class);
        if (report.addressInvalid() && report.deviceId() != null && report.tenantId() != null) {
            devices.retirePushToken(report.tenantId(), report.deviceId(), report.reason());
        }
    }
}
