package dev.openfactor.enrollment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One code sent to a phone, counted against the per-user and per-number send limits. */
@Entity
@Table(name = "code_send")
public class CodeSend {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    @Column(nullable = false)
    private String scope;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected CodeSend() {
    }

    public CodeSend(String tenantId, String scope, Instant sentAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.scope = scope;
        this.sentAt = sentAt;
    }
}
