#!/usr/bin/env bash
# A real Apache Kafka broker (KRaft, broker+controller in one process) from Maven Central's jars.
# Usage: deploy/local/kafka.sh install|start|stop|status
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "$0")/lib.sh"

KAFKA_DIR="${OPENFACTOR_HOME}/kafka"
LIB="${KAFKA_DIR}/lib"
CONFIG="${KAFKA_DIR}/server.properties"
LOG="${LOG_DIR}/kafka.log"
CONTROLLER_PORT=$((OPENFACTOR_KAFKA_PORT + 1))
BOOTSTRAP="127.0.0.1:${OPENFACTOR_KAFKA_PORT}"

install() {
  [ -f "${LIB}/.complete" ] && return 0
  say "kafka: fetching broker jars into ${LIB}"
  rm -rf "${LIB}" && mkdir -p "${LIB}"
  "${OPENFACTOR_ROOT}/mvnw" -B -q -f "${OPENFACTOR_ROOT}/deploy/local/kafka/pom.xml" \
      dependency:copy-dependencies -DoutputDirectory="${LIB}"
  touch "${LIB}/.complete"
}

write_config() {
  cat > "${CONFIG}" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${CONTROLLER_PORT}
listeners=PLAINTEXT://${BOOTSTRAP},CONTROLLER://127.0.0.1:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${BOOTSTRAP}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${KAFKA_DIR}/data
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
PROPS
}

kafka_java() { java -Xms128m -Xmx512m -XX:+UseSerialGC -cp "${LIB}/*" "$@"; }

# Formats the storage once; existing data (and its cluster id) is kept across restarts.
format_once() {
  [ -f "${KAFKA_DIR}/data/meta.properties" ] && return 0
  local cluster_id
  cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  kafka_java kafka.tools.StorageTool format -t "${cluster_id}" -c "${CONFIG}" >"${LOG_DIR}/kafka-format.log" 2>&1 \
    || die "formatting Kafka storage failed; see ${LOG_DIR}/kafka-format.log"
}

started() { grep -q 'Kafka Server started' "${LOG}" 2>/dev/null && port_open "${OPENFACTOR_KAFKA_PORT}"; }

create_topics() {
  kafka_java "${OPENFACTOR_ROOT}/deploy/local/kafka/CreateTopics.java" "${BOOTSTRAP}" 2>>"${LOG_DIR}/kafka-topics.log" \
    | sed 's/^/kafka: /'
}

start() {
  if pid=$(pid_of kafka); then
    say "kafka: already running (pid ${pid}) on ${BOOTSTRAP}"
  elif port_open "${OPENFACTOR_KAFKA_PORT}"; then
    say "kafka: a broker already answers on ${BOOTSTRAP}; using it"
  else
    install
    mkdir -p "${KAFKA_DIR}"
    write_config
    format_once
    start_background kafka "${LOG}" java -Xms128m -Xmx512m -XX:+UseSerialGC -cp "${LIB}/*" kafka.Kafka "${CONFIG}"
    if ! wait_until 60 started; then
      tail -n 40 "${LOG}" >&2
      die "Kafka did not start within 60 s; full log: ${LOG}"
    fi
    say "kafka: started (pid $(pid_of kafka)) on ${BOOTSTRAP}"
  fi
  install
  create_topics
}

status() {
  if pid=$(pid_of kafka); then
    say "kafka: running (pid ${pid}) on ${BOOTSTRAP}"
  elif port_open "${OPENFACTOR_KAFKA_PORT}"; then
    say "kafka: a broker not started by us answers on ${BOOTSTRAP}"
  else
    say "kafka: stopped"
    return 3
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop_process kafka ;;
  status) status ;;
  *) die "usage: deploy/local/kafka.sh install|start|stop|status" ;;
esac
