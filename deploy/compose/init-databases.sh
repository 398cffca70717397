#!/usr/bin/env bash
# Runs once, on the first start of the compose PostgreSQL (empty data volume): creates the role the
# services log in as and one database per service, owned by it (ARCHITECTURE.md: one database per
# service; one server is fine here). The password comes from .env through the container's environment.
set -euo pipefail

: "${OPENFACTOR_DB_PASSWORD:?OPENFACTOR_DB_PASSWORD must be set (docker-compose.yml passes it from .env)}"

# psql variables (:'password') quote the value, so any character is safe in it.
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
    -v password="${OPENFACTOR_DB_PASSWORD}" <<'SQL'
CREATE ROLE openfactor LOGIN PASSWORD :'password';
CREATE DATABASE openfactor_enrollment OWNER openfactor;
CREATE DATABASE openfactor_verification OWNER openfactor;
CREATE DATABASE openfactor_notification OWNER openfactor;
CREATE DATABASE openfactor_prompt OWNER openfactor;
SQL
