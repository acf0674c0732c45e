#!/usr/bin/env bash
# A throwaway or development PostgreSQL cluster owned by this checkout.
#   db/pg-cluster.sh start DIR PORT   create (if new) and start a cluster in DIR on 127.0.0.1:PORT
#   db/pg-cluster.sh stop DIR         stop it
#   db/pg-cluster.sh free-port        print a free TCP port on loopback
# Runs the server as the 'postgres' user when invoked as root (PostgreSQL refuses to run as root).
# Connection: Host=127.0.0.1;Port=PORT;Username=postgres (trust authentication on loopback only).
set -euo pipefail

pgbin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
  echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

case "${1:-}" in
  start)
    dir=$2; port=$3; bin=$(pgbin)
    mkdir -p "$dir"
    [ "$(id -u)" = "0" ] && chown -R postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      log=$(mktemp /tmp/pg-initdb.XXXXXX.log)
      [ "$(id -u)" = "0" ] && chown postgres "$log"
      as_owner "'$bin/initdb' -D '$dir' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$log' 2>&1" \
        || { cat "$log" >&2; rm -f "$log"; exit 1; }
      rm -f "$log"
    fi
    as_owner "'$bin/pg_ctl' -D '$dir' -w -t 60 -l '$dir/server.log' \
      -o \"-p $port -c listen_addresses=127.0.0.1 -k '$dir' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB\" start" >/dev/null
    ;;
  stop)
    dir=$2; bin=$(pgbin)
    [ -f "$dir/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$dir' -m fast -w stop" >/dev/null || true
    ;;
  free-port)
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR | free-port" >&2; exit 2 ;;
esac
