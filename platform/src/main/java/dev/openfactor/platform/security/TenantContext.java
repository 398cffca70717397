package dev.openfactor.platform.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant whose API key authenticated the current request. Repositories take the tenant id
 * from here (through the service layer) so that no query can reach another tenant's rows.
 */
@RequestScoped
public class TenantContext {

    static final String KEY = "openfactor.tenantId";

    private final CurrentVertxRequest request;

    TenantContext(CurrentVertxRequest request) {
        this.request = request;
    }

    public String tenantId() {
        RoutingContext current = request.getCurrent();
        String tenantId = current == null ? null : current.get(KEY);
        if (tenantId == null) {
            throw new IllegalStateException("no authenticated tenant on this request");
        }
        return tenantId;
    }

    static void bind(RoutingContext routing, String tenantId) {
        routing.put(KEY, tenantId);
    }
}
