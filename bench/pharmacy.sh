#!/usr/bin/env bash
# Pharmacy benchmark (issue 7) on PostgreSQL: (b) the monthly stock report over a generated year of
# ledger rows (default 1,000,000) against count+sum of the month's rows in the same run; (a)
# dispensations per second with 10 pharmacists in parallel against 1 pharmacist in the same run
# (default 3,000 generated signed prescriptions).
#   bench/pharmacy.sh [LEDGER_ROWS] [PRESCRIPTIONS]
# PostgreSQL: a throwaway cluster, or with HOSPITAL_TEST_PG set a fresh database on that server.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
prescriptions=${2:-3000}
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
work=$(mktemp -d /tmp/hospital-pharmacy.XXXXXX); chmod 755 "$work"
bench=bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll
source bench/bench-postgres.sh hospital_pharmacy_bench_$$
dotnet "$bench" pharmacy PostgreSQL "$pg" "$work/data" "$rows" "$prescriptions"
