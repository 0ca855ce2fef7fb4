#!/bin/sh
# Creates Temporal's two databases and the application's own on PostgreSQL, and brings Temporal's
# schemas up to date from the schemas built into temporal-sql-tool. The one schema setup of the
# deployment: compose runs it in the temporalio/admin-tools image before the server starts, and the
# local cluster (npm run cluster, the cluster tests) runs it with the SQL tool built into .tools/.
# Safe to run again on every start.
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${POSTGRES_PWD:?}"
export SQL_PASSWORD="$POSTGRES_PWD"
PORT=${DB_PORT:-5432}

tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "$PORT" "$@"
}

# compose starts this once PostgreSQL reports healthy and the local cluster once it answers; the wait
# covers a restart of the database in between, where nc exists (the admin-tools image has it).
if command -v nc >/dev/null 2>&1; then
  until nc -z "$POSTGRES_SEEDS" "$PORT"; do
    echo "waiting for PostgreSQL at $POSTGRES_SEEDS:$PORT"
    sleep 2
  done
fi

for db in temporal temporal_visibility "${APP_DBNAME:-ressourceforloeb}"; do
  tool --db "$db" create 2>/dev/null || echo "database $db exists"
done
for db in temporal temporal_visibility; do
  tool --db "$db" setup-schema -v 0.0 2>/dev/null || echo "schema of $db is set up"
done
tool --db temporal update-schema --schema-name postgresql/v12/temporal
tool --db temporal_visibility update-schema --schema-name postgresql/v12/visibility
echo "Temporal's schemas are up to date"
