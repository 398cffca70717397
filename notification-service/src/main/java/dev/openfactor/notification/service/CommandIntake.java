package dev.openfactor.notification.service;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.domain.NotificationCommand;
import dev.openfactor.notification.repository.DeliveryRepository;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.MalformedEventException;
import dev.openfactor.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/** Records a command as a pending delivery (once per notification id) and wakes the dispatcher on commit. */
@ApplicationScoped
public class CommandIntake {

    private final DeliveryRepository deliveries;
    private final Dispatcher dispatcher;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper mapper;
    private final Clock clock;

    CommandIntake(DeliveryRepository deliveries, Dispatcher dispatcher, TransactionSynchronizationRegistry transactions,
            ObjectMapper mapper, Clock clock) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(CloudEvent event) {
        if (event.isTombstone()) {
            return;
        }
        NotificationCommand c = read(event.data());
        if (c.notificationId() == null || c.channel() == null || c.address() == null || c.expiresAt() == null
                || c.tenantId() == null || c.userId() == null) {
            throw new MalformedEventException("notification command lacks a required field");
        }
        if (deliveries.receive(c.notificationId(), c.tenantId(), c.userId(), c.channel(), event.data(), c.expiresAt(),
                clock.instant())) {
            AfterCommit.run(transactions, dispatcher::wake);
        }
    }

    private NotificationCommand read(String json) {
        try {
            return mapper.readValue(json, NotificationCommand.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("notification command is not valid JSON for its schema");
        }
    }
}
