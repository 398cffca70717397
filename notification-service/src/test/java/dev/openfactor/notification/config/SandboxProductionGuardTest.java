package dev.openfactor.notification.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SandboxProductionGuardTest {

    @Test
    void refusesToStartUnderProdWithTheSandboxOn() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> SandboxProductionGuard.check(List.of("prod"), sandbox(true, false)));

        assertTrue(refusal.getMessage().contains("openfactor.notification.sandbox.allow-in-prod=true"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("prod profile"), refusal.getMessage());
    }

    @Test
    void startsUnderProdWithTheSandboxOnWhenExplicitlyAllowed() {
        assertDoesNotThrow(() -> SandboxProductionGuard.check(List.of("prod"), sandbox(true, true)));
    }

    @Test
    void startsUnderProdWithTheSandboxOff() {
        assertDoesNotThrow(() -> SandboxProductionGuard.check(List.of("prod"), sandbox(false, false)));
    }

    @Test
    void startsWithTheSandboxOnUnderTheLocalProfile() {
        assertDoesNotThrow(() -> SandboxProductionGuard.check(List.of("local"), sandbox(true, false)));
    }

    private static NotificationConfig.Sandbox sandbox(boolean enabled, boolean allowInProd) {
        return new NotificationConfig.Sandbox() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public boolean allowInProd() {
                return allowInProd;
            }
        };
    }
}
