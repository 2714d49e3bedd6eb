#!/bin/bash
# The streaming replica: on first start, clone the primary with pg_basebackup (-R writes standby.signal and
# primary_conninfo, -S streams through the slot the primary keeps for it), then run the image's own entrypoint.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  until PGPASSWORD="$POSTGRES_REPLICATION_PASSWORD" gosu postgres pg_basebackup --host=postgres-primary \
      --username=replicator --pgdata="$PGDATA" --wal-method=stream --slot=replica_1 --write-recovery-conf \
      --checkpoint=fast --progress; do
    echo "waiting for the primary to accept the base backup"
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
fi
# the WAL receiver's libpq reads it when primary_conninfo carries no password
export PGPASSWORD="$POSTGRES_REPLICATION_PASSWORD"
exec docker-entrypoint.sh "$@"
