#!/bin/sh
# Creates Temporal's two databases on PostgreSQL and brings their schemas up to date. Runs in the
# temporalio/admin-tools image before the server starts; safe to run again on every `compose up`.
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${POSTGRES_PWD:?}"
export SQL_PASSWORD="$POSTGRES_PWD"

tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "${DB_PORT:-5432}" "$@"
}

until nc -z "$POSTGRES_SEEDS" "${DB_PORT:-5432}"; do
  echo "waiting for PostgreSQL at $POSTGRES_SEEDS"
  sleep 2
done

for db in temporal temporal_visibility; do
  tool --db "$db" create 2>/dev/null || echo "database $db exists"
  tool --db "$db" setup-schema -v 0.0 2>/dev/null || echo "schema of $db is set up"
done
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
echo "Temporal's schemas are up to date"
