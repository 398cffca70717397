package dev.openfactor.notification.config;

import java.util.List;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops notification-service from starting under the prod profile with the sandbox on: the
 * sandbox records every SMS and voice code in clear and serves them over HTTP, and a production
 * system that silently stopped sending codes would lock its users out.
 */
@ApplicationScoped
public class SandboxProductionGuard {

    static final String REFUSAL = "openfactor.notification.sandbox.enabled=true under the prod profile: the sandbox "
            + "sends nothing and keeps every SMS and voice code in clear at /sandbox/v1/deliveries. Turn it off, run "
            + "another profile (./openfactor up uses 'local'), or set openfactor.notification.sandbox.allow-in-prod=true "
            + "(OPENFACTOR_NOTIFICATION_SANDBOX_ALLOW_IN_PROD) if this system really is a sandbox.";

    void check(@Observes StartupEvent ignored, NotificationConfig config, Config mpConfig) {
        check(mpConfig.unwrap(SmallRyeConfig.class).getProfiles(), config.sandbox());
    }

    /** Throws, failing the start, if the sandbox is on under prod without the explicit allowance. */
    static void check(List<String> activeProfiles, NotificationConfig.Sandbox sandbox) {
        if (activeProfiles.contains("prod") && sandbox.enabled() && !sandbox.allowInProd()) {
            throw new IllegalStateException(REFUSAL);
        }
    }
}
