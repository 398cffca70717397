package dev.openfactor.platform.crypto;

/**
 * The AES-GCM associated data of every envelope the services exchange, in one place: it binds an
 * envelope to the one record it belongs to, so a sealed value copied elsewhere does not open. The
 * producer and the consumer of an envelope must build exactly the same string, hence these methods.
 */
public final class AssociatedData {

    private AssociatedData() {
    }

    /** A credential's secret under the key-encryption key (TOTP seeds): sealed by enrollment, opened by verification. */
    public static String method(String tenantId, String methodId) {
        return "openfactor:method:" + tenantId + "/" + methodId;
    }

    /** The code in a notification command under the delivery key: sealed by its producers, opened by notification. */
    public static String notification(String notificationId) {
        return "openfactor:notification:" + notificationId;
    }
}
