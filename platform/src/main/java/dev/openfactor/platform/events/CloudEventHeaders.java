package dev.openfactor.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Maps a {@link CloudEvent} to and from Kafka record headers (CloudEvents Kafka binary content mode). */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static void write(CloudEvent event, Headers headers) {
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        put(headers, TIME, event.time().toString());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        if (!event.isTombstone()) {
            put(headers, CONTENT_TYPE, JSON);
        }
    }

    /** Reads an event from a record; throws {@link MalformedEventException} when required attributes are missing. */
    public static CloudEvent read(Headers headers, byte[] value) {
        String id = get(headers, ID);
        String type = get(headers, TYPE);
        String source = get(headers, SOURCE);
        String time = get(headers, TIME);
        if (id == null || type == null || source == null || time == null) {
            throw new MalformedEventException("record lacks a required CloudEvents header");
        }
        try {
            String data = value == null ? null : new String(value, StandardCharsets.UTF_8);
            return new CloudEvent(id, type, source, get(headers, SUBJECT), Instant.parse(time), data);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 timestamp");
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
