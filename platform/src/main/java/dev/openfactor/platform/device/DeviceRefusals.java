package dev.openfactor.platform.device;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts refused device signatures by reason ({@code openfactor.security.device-refusals}) and logs
 * each at INFO with the device id of the path. The caller still answers the one uniform 401: the
 * reason is for operators, never for the client. No header value, timestamp or signature is logged.
 */
@ApplicationScoped
public class DeviceRefusals {

    /** Why a signed request was refused. */
    public enum Reason {
        /** A header is missing. */
        MISSING_HEADER,
        /** A header cannot belong to a signed request (not digits, not base64, a control character). */
        MALFORMED_HEADER,
        /** The headers name another device than the path. */
        DEVICE_MISMATCH,
        /** No usable key is stored for the device. */
        UNKNOWN_DEVICE,
        /** The timestamp is outside ±60 s, or no number. */
        STALE_TIMESTAMP,
        /** The signature does not verify under the device's key. */
        BAD_SIGNATURE,
        /** The same signed content was accepted before. */
        REPLAYED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Logger LOG = Logger.getLogger(DeviceRefusals.class);
    private static final int MAX_LOGGED_ID = 64;

    private final MeterRegistry meters;

    DeviceRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    void refused(Reason reason, String pathDeviceId) {
        meters.counter("openfactor.security.device-refusals", "reason", reason.tag()).increment();
        LOG.infof("device signature refused (%s) for device %s", reason.tag(), printable(pathDeviceId));
    }

    /** The id comes from the request: keep it to one short line of plain characters. */
    private static String printable(String id) {
        if (id == null) {
            return "(none)";
        }
        String clean = id.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return clean.length() <= MAX_LOGGED_ID ? clean : clean.substring(0, MAX_LOGGED_ID) + "...";
    }
}
