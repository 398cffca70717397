package dev.openfactor.notification.messaging;

import java.util.List;
import java.util.Map;

import dev.openfactor.notification.service.CommandIntake;
import dev.openfactor.platform.consumer.ConsumerSpec;
import dev.openfactor.platform.consumer.EventConsumers;
import dev.openfactor.notification.domain.NotificationCommand;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads {@code openfactor.notifications}. A command is only recorded here (fast, durable,
 * idempotent by notification id); sending and retrying happen in the dispatcher, so one slow
 * provider never holds a partition.
 */
@ApplicationScoped
public class CommandConsumer {

    static final String TOPIC = "openfactor.notifications";
    static final String GROUP = "notification-service.commands";

    private final EventConsumers consumers;
    private final CommandIntake intake;

    CommandConsumer(EventConsumers consumers, CommandIntake intake) {
        this.consumers = consumers;
        this.intake = intake;
    }

    void start(@Observes StartupEvent ignored) {
        consumers.start(new ConsumerSpec(GROUP, List.of(TOPIC), Map.of(NotificationCommand.TYPE, intake)));
    }
}
