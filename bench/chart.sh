#!/usr/bin/env bash
# Chart benchmark (issue 4): opening the chart of a patient with a long history (default 200 past
# visits, each with exam, vitals, 3 orders with results, a prescription and 2 signed documents),
# among 200 other patients with 5 visits each, on PostgreSQL and SQLite. Prints p50/p95/p99 of
# the chart queries, the queries plus the "opened record" audit row, the signed-in page over HTTP
# and one visit's HoSoBenhAn export, each p95 as a ratio to a primary-key lookup of the patient
# measured in the same run. Target: page p95 < 100 ms on PostgreSQL.
#   bench/chart.sh [VISITS] [RUNS]
# PostgreSQL: a throwaway cluster, or with HOSPITAL_TEST_PG set (e.g. the dev server on port
# 55433) a fresh database on that server, dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
visits=${1:-200}; runs=${2:-200}
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
work=$(mktemp -d /tmp/hospital-chart.XXXXXX); chmod 755 "$work"
bench=bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll
source bench/bench-postgres.sh hospital_chart_bench_$$
dotnet "$bench" chart PostgreSQL "$pg" "$work/data-pg" "$visits" "$runs"
dotnet "$bench" chart Sqlite "Data Source=$work/chart.db" "$work/data-sqlite" "$visits" "$runs"
