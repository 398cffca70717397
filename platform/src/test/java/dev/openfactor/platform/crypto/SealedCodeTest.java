package dev.openfactor.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The wire formats every producer and consumer of an envelope must agree on, pinned as literals. */
class SealedCodeTest {

    private final KeyRing delivery = KeyRing.parse("delivery", "d1", "d1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=");

    @Test
    void associatedDataNamesTheRecordAnEnvelopeBelongsTo() {
        assertEquals("openfactor:method:tenant-1/method-1", AssociatedData.method("tenant-1", "method-1"));
        assertEquals("openfactor:notification:n-1", AssociatedData.notification("n-1"));
    }

    @Test
    void theCodeIsSealedAsJsonBoundToItsNotification() {
        SecretEnvelope sealed = SealedCode.seal(delivery, "n-1", "042917");

        assertEquals("{\"code\":\"042917\"}", delivery.openString(sealed, "openfactor:notification:n-1"));
    }

    @Test
    void opensCodesSealedInTheFormatTheServicesHaveAlwaysWritten() {
        SecretEnvelope sealed = delivery.sealString("{\"code\":\"042917\"}", "openfactor:notification:n-1");

        assertEquals("042917", SealedCode.open(delivery, sealed, "n-1"));
    }

    @Test
    void aCodeSealedForOneNotificationDoesNotOpenForAnother() {
        SecretEnvelope sealed = SealedCode.seal(delivery, "n-1", "042917");

        assertThrows(EnvelopeException.class, () -> SealedCode.open(delivery, sealed, "n-2"));
    }

    @Test
    void sealedTextThatIsNotJsonIsRefusedWithoutRepeatingIt() {
        SecretEnvelope sealed = delivery.sealString("code=042917", "openfactor:notification:n-1");

        EnvelopeException e = assertThrows(EnvelopeException.class, () -> SealedCode.open(delivery, sealed, "n-1"));
        assertFalse(e.getMessage().contains("042917"));
        assertNull(e.getCause());
    }

    @Test
    void jsonWithoutACodeOpensToNull() {
        SecretEnvelope sealed = delivery.sealString("{}", "openfactor:notification:n-1");

        assertNull(SealedCode.open(delivery, sealed, "n-1"));
    }
}
