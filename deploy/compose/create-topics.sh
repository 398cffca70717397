#!/usr/bin/env bash
# One-shot: creates OpenFactor's topics on the compose broker, as deploy/local/kafka/CreateTopics.java
# does for ./openfactor up (same names, 6 partitions, profiles and api-keys compacted). Idempotent.
# Auto-creation is off on the broker: a snapshot topic created by a first write would not be compacted.
set -euo pipefail

BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}
PARTITIONS=6

create() {
  local topic=$1
  shift
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP}" --create --if-not-exists \
    --topic "${topic}" --partitions "${PARTITIONS}" --replication-factor 1 "$@"
}

create openfactor.profiles --config cleanup.policy=compact
create openfactor.api-keys --config cleanup.policy=compact
create openfactor.notifications
create openfactor.notifications.dlq
create openfactor.deliveries
create openfactor.audit

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP}" --describe --topics-with-overrides
