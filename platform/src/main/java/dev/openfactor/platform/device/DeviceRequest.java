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

    /** From a JAX-RS request: the path with its query exactly as sent (raw, not decoded). */
    public static DeviceRequest from(String method, java.net.URI requestUri, jakarta.ws.rs.core.HttpHeaders headers,
            byte[] body) {
        String path = requestUri.getRawPath() + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
        return new DeviceRequest(headers.getHeaderString(DEVICE_HEADER), headers.getHeaderString(TIMESTAMP_HEADER),
                headers.getHeaderString(SIGNATURE_HEADER), method, path, body == null ? new byte[0] : body);
    }
}
