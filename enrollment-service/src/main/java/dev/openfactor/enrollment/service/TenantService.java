package dev.openfactor.enrollment.service;

import java.time.Clock;
import java.util.Base64;

import dev.openfactor.enrollment.domain.Tenant;
import dev.openfactor.enrollment.domain.TenantNameTakenException;
import dev.openfactor.enrollment.messaging.ApiKeySnapshot;
import dev.openfactor.enrollment.messaging.Topics;
import dev.openfactor.enrollment.repository.TenantRepository;
import dev.openfactor.platform.outbox.Outbox;
import dev.openfactor.platform.problem.ProblemException;
import dev.openfactor.platform.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Operator use cases: tenants and their API keys. */
@ApplicationScoped
public class TenantService {

    private final TenantRepository tenants;
    private final ApiKeys apiKeys;
    private final Outbox outbox;
    private final Clock clock;

    TenantService(TenantRepository tenants, ApiKeys apiKeys, Outbox outbox, Clock clock) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Tenant create(String name, String displayName) {
        if (tenants.findByName(name).isPresent()) {
            throw new TenantNameTakenException(name);
        }
        Tenant tenant = Tenant.create(name, displayName, clock.instant());
        tenants.persist(tenant);
        return tenant;
    }

    /** Issues a key and announces its hash; the plaintext key is returned once, here. */
    @Transactional
    public ApiKeys.IssuedApiKey issueApiKey(String tenantId, String label) {
        requireTenant(tenantId);
        ApiKeys.IssuedApiKey issued = apiKeys.issue(tenantId, label);
        announce(new ApiKeySnapshot(issued.keyId(), tenantId, label,
                Base64.getEncoder().encodeToString(issued.secretHash()), issued.createdAt(), null));
        return issued;
    }

    @Transactional
    public void revokeApiKey(String tenantId, String keyId) {
        requireTenant(tenantId);
        if (!apiKeys.exists(tenantId, keyId)) {
            throw ProblemException.notFound("API key");
        }
        if (apiKeys.revoke(tenantId, keyId)) {
            ApiKeys.KeyState state = apiKeys.state(keyId).orElseThrow();
            announce(new ApiKeySnapshot(keyId, tenantId, state.label(),
                    Base64.getEncoder().encodeToString(state.secretHash()), state.createdAt(), state.revokedAt()));
        }
    }

    private void announce(ApiKeySnapshot snapshot) {
        outbox.publish(Topics.API_KEYS, snapshot.keyId(), ApiKeySnapshot.TYPE, snapshot.tenantId(), snapshot);
    }

    private void requireTenant(String tenantId) {
        if (tenants.findByIdOptional(tenantId).isEmpty()) {
            throw ProblemException.notFound("Tenant");
        }
    }
}
