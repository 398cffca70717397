#!/usr/bin/env bash
# Makes PostgreSQL answer on 127.0.0.1:5432 and creates OpenFactor's role and databases (idempotent).
set -euo pipefail
# shellcheck source=deploy/local/lib.sh
source "$(dirname "$0")/lib.sh"

DATABASES="openfactor_enrollment openfactor_verification openfactor_notification
openfactor_enrollment_test openfactor_verification_test openfactor_notification_test openfactor_platform_test
openfactor_bench_enrollment openfactor_bench_verification openfactor_bench_notification
openfactor_prompt openfactor_prompt_test openfactor_bench_prompt"

ready() { pg_isready -q -h 127.0.0.1 -p 5432; }

ensure_running() {
  command -v pg_isready >/dev/null || die "PostgreSQL client tools are missing: apt-get install postgresql"
  ready && return 0
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "${version}" ] || die "no PostgreSQL on 127.0.0.1:5432 and none installed: apt-get install postgresql (15 or newer)"
  say "starting PostgreSQL ${version} cluster 'main'"
  pg_ctlcluster --skip-systemctl-redirect "${version}" main start
  wait_until 30 ready || die "PostgreSQL ${version} did not become ready; see /var/log/postgresql/"
}

# Superuser psql: as root through the postgres account, else over TCP as postgres.
admin_psql() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "psql -qtAX -v ON_ERROR_STOP=1 $(printf '%q ' "$@")"
  else
    psql -qtAX -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"
  fi
}

ensure_schema_owner() {
  if [ "$(admin_psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'openfactor'")" != 1 ]; then
    admin_psql -c "CREATE ROLE openfactor LOGIN PASSWORD 'openfactor'"
  fi
  local db created=""
  for db in ${DATABASES}; do
    if [ "$(admin_psql -c "SELECT 1 FROM pg_database WHERE datname = '${db}'")" != 1 ]; then
      admin_psql -c "CREATE DATABASE ${db} OWNER openfactor"
      created="${created} ${db}"
    fi
  done
  say "postgres: ready on 127.0.0.1:5432${created:+ (created${created})}"
}

ensure_running
ensure_schema_owner
