package dev.openfactor.platform.device;

/**
 * What a signed app request presents: the three {@code X-OpenFactor-*} headers, the method, the
 * path with its query, and the raw body (empty for none).
 */
public record DeviceRequest(String deviceId, String timestamp, String signature, String method, String pathWithQuery,
        byte[] body) {

    public static final String DEVICE_HEADER = "X-OpenFactor-Device";
    public static final String TIMESTAMP_HEADER = "X-OpenFactor-Timestamp";
    public static final String SIGNATURE_HEADER = "X-OpenFactor-Signature";
}
