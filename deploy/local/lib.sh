# Shared by ./openfactor and deploy/local/*.sh: where local state lives and how to check processes.
# shellcheck shell=bash

OPENFACTOR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OPENFACTOR_HOME="${OPENFACTOR_HOME:-${OPENFACTOR_ROOT}/.openfactor}"
OPENFACTOR_KAFKA_PORT="${OPENFACTOR_KAFKA_PORT:-9092}"
RUN_DIR="${OPENFACTOR_HOME}/run"
LOG_DIR="${OPENFACTOR_HOME}/logs"
mkdir -p "${RUN_DIR}" "${LOG_DIR}"

say() { printf '%s\n' "$*"; }
die() { printf 'openfactor: %s\n' "$*" >&2; exit 1; }

# pid_of NAME: the pid recorded for NAME if that process is still alive.
pid_of() {
  local file="${RUN_DIR}/$1.pid" pid
  [ -f "${file}" ] || return 1
  pid=$(cat "${file}")
  kill -0 "${pid}" 2>/dev/null || return 1
  printf '%s' "${pid}"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until SECONDS COMMAND...: polls COMMAND every 0.25 s until it succeeds or time runs out.
wait_until() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ "${SECONDS}" -lt "${deadline}" ] || return 1
    sleep 0.25
  done
}

# start_background NAME LOGFILE COMMAND...: detached from this shell, pid recorded.
start_background() {
  local name=$1 log=$2; shift 2
  setsid nohup "$@" >"${log}" 2>&1 < /dev/null &
  printf '%s' $! > "${RUN_DIR}/${name}.pid"
}

# stop_process NAME: SIGTERM, then SIGKILL after 20 s.
stop_process() {
  local pid
  pid=$(pid_of "$1") || { rm -f "${RUN_DIR}/$1.pid"; return 0; }
  kill "${pid}" 2>/dev/null || true
  if ! wait_until 20 bash -c "! kill -0 ${pid} 2>/dev/null"; then
    kill -9 "${pid}" 2>/dev/null || true
  fi
  rm -f "${RUN_DIR}/$1.pid"
  say "stopped $1"
}
