#!/bin/sh
# A streaming read replica of postgres-primary. On first start it clones the primary with pg_basebackup (-R writes
# standby.signal and primary_conninfo), then it runs as a hot standby and follows the primary's WAL.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -p 5432 -q; do
    echo "replica: waiting for $PRIMARY_HOST"
    sleep 1
  done
  mkdir -p "$PGDATA"
  chmod 0700 "$PGDATA"
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U "$REPLICATION_USER" \
    -D "$PGDATA" --wal-method=stream --write-recovery-conf --checkpoint=fast --progress
fi
exec postgres -c hot_standby=on "$@"
