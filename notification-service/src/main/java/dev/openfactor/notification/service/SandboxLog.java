package dev.openfactor.notification.service;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.rest.SandboxResource.SandboxDelivery;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads the sandbox channel's records; refuses (404) when the sandbox is off. */
@ApplicationScoped
public class SandboxLog {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final NotificationConfig config;

    SandboxLog(EntityManager em, ObjectMapper mapper, NotificationConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<SandboxDelivery> byAddress(String address) {
        if (!config.sandbox().enabled()) {
            throw ProblemException.notFound("Sandbox");
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT notification_id, channel, address, challenge_id, content, delivered_at FROM sandbox_delivery
                WHERE address = ?1 ORDER BY delivered_at, id""").setParameter(1, address).getResultList();
        return rows.stream().map(r -> new SandboxDelivery((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                json((String) r[4]), r[5] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[5]).toInstant())).toList();
    }

    private com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return mapper.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
