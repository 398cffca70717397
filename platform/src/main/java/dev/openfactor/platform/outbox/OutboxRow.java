package dev.openfactor.platform.outbox;

import dev.openfactor.platform.events.CloudEvent;

/** One unpublished outbox row: where it goes and what it carries. */
record OutboxRow(String topic, String key, CloudEvent event) {
}
