#!/bin/sh
# Installs (if missing) and starts Debian's PostgreSQL, creates a role and a database for mikata's store
# tests, and prints the line to export:
#
#   eval "$(.ci/postgres.sh)"      # sets MIKATA_TEST_DATABASE_URL
#
# Safe to run as root and to run twice. Diagnostics go to stderr; stdout carries only the export line.
set -eu

ROLE=${MIKATA_PG_ROLE:-mikata}
PASSWORD=${MIKATA_PG_PASSWORD:-mikata}
DB=${MIKATA_PG_DATABASE:-mikata_test}

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  log "creating cluster $VERSION/main"
  pg_createcluster --locale C.UTF-8 "$VERSION" main >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main on port $PORT"
  pg_ctlcluster "$VERSION" main start >&2
fi

# Wait until the server accepts connections (a fresh start takes a moment).
i=0
until su postgres -c "pg_isready -q -p $PORT" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 60 ]; then log "the server did not come up on port $PORT"; exit 1; fi
  sleep 0.5
done

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT -d postgres $*" >&2; }

if [ "$(su postgres -c "psql -tA -p $PORT -d postgres -c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"")" != "1" ]; then
  log "creating role $ROLE"
  psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB\""
fi
if [ "$(su postgres -c "psql -tA -p $PORT -d postgres -c \"SELECT 1 FROM pg_database WHERE datname = '$DB'\"")" != "1" ]; then
  log "creating database $DB"
  # UTF8 whatever the cluster's default, so Japanese text is stored as it is.
  psql_admin "-c \"CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0\""
fi

echo "export MIKATA_TEST_DATABASE_URL=postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
