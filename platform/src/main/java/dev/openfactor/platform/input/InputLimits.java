package dev.openfactor.platform.input;

/**
 * Every cap on what a client may send, in UTF-8 bytes (what PostgreSQL, Kafka and the profile
 * snapshot pay for), in one place. Ids are ours or a tenant's (a UPN is far below 256 bytes).
 */
public final class InputLimits {

    /** Any id: path parameters (userId, methodId, challengeId, deviceId, ...) and ids in bodies. */
    public static final int ID = 256;
    /** Labels and names a person gives: credential labels, device names, API key labels. */
    public static final int LABEL = 100;
    /** A tenant's display name. */
    public static final int DISPLAY_NAME = 200;
    /** An APNs or FCM push token, or a Web Push subscription (its JSON, endpoint included). */
    public static final int PUSH_TOKEN = 4096;
    /** A device's public key, base64 X.509 SubjectPublicKeyInfo (P-256 is 124 characters). */
    public static final int PUBLIC_KEY = 512;
    /** One value of a sign-in's context (application, location, user agent). */
    public static final int CONTEXT_VALUE = 512;
    /** The client IP address in a sign-in's context (IPv6 with zone fits). */
    public static final int IP_ADDRESS = 64;
    /** A code typed by the user (TOTP, SMS, recovery code). */
    public static final int CODE = 32;
    /** A phone number as typed (E.164 or national with spaces). */
    public static final int PHONE_NUMBER = 32;
    /** An office phone's extension. */
    public static final int PHONE_EXTENSION = 16;
    /** The app's version string. */
    public static final int APP_VERSION = 50;
    /** A query parameter value. */
    public static final int QUERY_VALUE = 1024;

    private InputLimits() {
    }
}
