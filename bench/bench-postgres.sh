# Sourced by the benchmark scripts: sets $pg to a PostgreSQL connection string for this run and
# removes it (and $work) on exit. With HOSPITAL_TEST_PG set (e.g. the dev server on port 55433) a
# fresh database "$1" on that server, dropped afterwards; otherwise a throwaway cluster under $work.
#   work=$(mktemp -d ...); source bench/bench-postgres.sh hospital_x_bench_$$
bench_db=$1
if [ -n "${HOSPITAL_TEST_PG:-}" ]; then
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$HOSPITAL_TEST_PG"); port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$HOSPITAL_TEST_PG")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$HOSPITAL_TEST_PG")
  cleanup() { psql -h "$host" -p "$port" -U "$user" -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" postgres >/dev/null || true; rm -rf "$work"; }
  trap cleanup EXIT
  psql -h "$host" -p "$port" -U "$user" -qc "CREATE DATABASE $bench_db" postgres >/dev/null
  pg="Host=$host;Port=$port;Username=$user;Database=$bench_db"
else
  cleanup() { db/pg-cluster.sh stop "$work/pg" || true; rm -rf "$work"; }
  trap cleanup EXIT
  port=$(db/pg-cluster.sh free-port)
  db/pg-cluster.sh start "$work/pg" "$port"
  pg="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi
