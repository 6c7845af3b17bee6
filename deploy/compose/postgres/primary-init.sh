#!/bin/sh
# Runs once, when the primary's data directory is created (docker-entrypoint-initdb.d): a user for streaming
# replication and the pg_hba.conf line that lets it connect (the image's "all" does not cover replication).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=user="$REPLICATION_USER" --set=password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"user" WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication $REPLICATION_USER all scram-sha-256" >> "$PGDATA/pg_hba.conf"
