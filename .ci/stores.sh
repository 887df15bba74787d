#!/usr/bin/env bash
# The cluster stores the tests and benchmarks use, on loopback, in a temporary directory:
#   .ci/stores.sh start   PostgreSQL (port 55432, durable: fsync and synchronous_commit on) and Redis (port 56379,
#                         no persistence), each started only if it is not already answering; prints the exports
#   .ci/stores.sh stop    stops both and removes the directory
#   .ci/stores.sh env     prints the exports (DOCKET_TEST_POSTGRES, DOCKET_TEST_REDIS)
# Debian's packages: apt-get install -y postgresql redis-server. initdb refuses to run as root, so as root the
# PostgreSQL cluster is made and run by the postgres user (or, lacking it, a created docket-ci user).
# Overrides: DOCKET_STORES_DIR, DOCKET_PG_PORT, DOCKET_REDIS_PORT.
set -euo pipefail

DIR="${DOCKET_STORES_DIR:-${TMPDIR:-/tmp}/docket-stores}"
PG_PORT="${DOCKET_PG_PORT:-55432}"
REDIS_PORT="${DOCKET_REDIS_PORT:-56379}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

exports() {
  echo "export DOCKET_TEST_POSTGRES='Host=127.0.0.1;Port=${PG_PORT};Username=docket;Password=docket;Database=postgres'"
  echo "export DOCKET_TEST_REDIS='127.0.0.1:${REDIS_PORT}'"
}

# Runs a command as the user that owns the PostgreSQL cluster.
as_pg() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
    return
  fi
  local user=postgres
  if ! id "$user" >/dev/null 2>&1; then
    user=docket-ci
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  fi
  if command -v runuser >/dev/null; then
    runuser -u "$user" -- "$@"
  else
    su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"
  fi
}

start_postgres() {
  [ -n "$PG_BIN" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    return
  fi
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  mkdir -p "$DIR/pg" "$DIR/pg-run"
  [ "$(id -u)" -ne 0 ] || chown "$(as_pg id -un)" "$DIR/pg" "$DIR/pg-run"
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    echo docket > "$DIR/pwfile"
    chmod 644 "$DIR/pwfile"
    as_pg "$PG_BIN/initdb" -D "$DIR/pg" -U docket --pwfile="$DIR/pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    rm -f "$DIR/pwfile"
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg-run/pg.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR/pg-run -c max_connections=200 -c fsync=on -c synchronous_commit=on -c shared_buffers=128MB -c wal_compression=on -c max_wal_size=2GB" >/dev/null
}

start_redis() {
  command -v redis-server >/dev/null || { echo "Redis is not installed (apt-get install -y redis-server)" >&2; exit 1; }
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    return
  fi
  mkdir -p "$DIR"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
  for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "Redis did not answer on 127.0.0.1:$REDIS_PORT (see $DIR/redis.log)" >&2
  exit 1
}

stop() {
  if [ -n "$PG_BIN" ] && [ -f "$DIR/pg/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null || true
  fi
  if [ -f "$DIR/redis.pid" ]; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start_postgres; start_redis; exports ;;
  stop) stop ;;
  env) exports ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
