#!/usr/bin/env bash
# Reception benchmark (issue 3 acceptance): patient search and visit registration on a large
# patient master, on PostgreSQL (default 1,000,000 patients) and SQLite (default 100,000).
# Prints p50/p95/p99 per operation and each p95 as a ratio to a primary-key lookup (search) or a
# one-row insert transaction (registration) measured in the same run.
#   bench/reception.sh [PG_PATIENTS] [SQLITE_PATIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
pg_n=${1:-1000000}; sqlite_n=${2:-100000}
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
work=$(mktemp -d /tmp/hospital-bench.XXXXXX); chmod 755 "$work"
cleanup() { db/pg-cluster.sh stop "$work/pg" || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(db/pg-cluster.sh free-port)
db/pg-cluster.sh start "$work/pg" "$port"
bench=bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll
dotnet "$bench" PostgreSQL "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" "$pg_n" "$work/data-pg"
dotnet "$bench" Sqlite "Data Source=$work/bench.db" "$sqlite_n" "$work/data-sqlite"
