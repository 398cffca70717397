package dev.openfactor.notification.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.domain.NotificationCommand;
import dev.openfactor.notification.repository.DeliveryRepository;
import dev.openfactor.platform.consumer.EventHandler;
import dev.openfactor.platform.events.CloudEvent;
import dev.openfactor.platform.events.MalformedEventException;
import dev.openfactor.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Records commands as pending deliveries (once per notification id: a redelivered command finds its
 * row and sends nothing) and wakes the dispatcher on commit. A whole poll's commands go in one
 * statement, the intake's one round trip; one malformed command fails the batch, and the consumer
 * then goes command by command, so it alone is skipped.
 */
@ApplicationScoped
public class CommandIntake implements EventHandler {

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

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(CloudEvent event) {
        handleAll(List.of(event));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleAll(List<CloudEvent> events) {
        List<DeliveryRepository.Received> received = new ArrayList<>(events.size());
        for (CloudEvent event : events) {
            if (!event.isTombstone()) {
                received.add(received(event));
            }
        }
        if (deliveries.receiveAll(received, clock.instant()) > 0) {
            AfterCommit.run(transactions, dispatcher::wake);
        }
    }

    private DeliveryRepository.Received received(CloudEvent event) {
        NotificationCommand c = read(event.data());
        if (c.notificationId() == null || c.channel() == null || c.address() == null || c.expiresAt() == null
                || c.tenantId() == null || c.userId() == null) {
            throw new MalformedEventException("notification command lacks a required field");
        }
        return new DeliveryRepository.Received(c.notificationId(), c.tenantId(), c.userId(), c.channel(), event.data(),
                c.expiresAt());
    }

    private NotificationCommand read(String json) {
        try {
            return mapper.readValue(json, NotificationCommand.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("notification command is not valid JSON for its schema");
        }
    }
}
