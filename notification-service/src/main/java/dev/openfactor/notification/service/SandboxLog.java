package dev.openfactor.notification.service;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openfactor.notification.config.NotificationConfig;
import dev.openfactor.notification.rest.SandboxResource.SandboxDelivery;
import dev.openfactor.platform.jdbc.Jdbc;
import dev.openfactor.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads the sandbox channel's records; refuses (404) when the sandbox is off. */
@ApplicationScoped
public class SandboxLog {

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final NotificationConfig config;

    SandboxLog(Jdbc jdbc, ObjectMapper mapper, NotificationConfig config) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    public List<SandboxDelivery> byAddress(String address) {
        if (!config.sandbox().enabled()) {
            throw ProblemException.notFound("Sandbox");
        }
        return jdbc.query("""
                SELECT notification_id, channel, address, challenge_id, content, delivered_at FROM sandbox_delivery
                WHERE address = ? ORDER BY delivered_at, id""",
                row -> new SandboxDelivery(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        json(row.getString(5)), Jdbc.instant(row, 6)), address);
    }

    private com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return mapper.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
