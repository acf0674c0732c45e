#!/usr/bin/env bash
# Claim benchmark (issue 6): build + validate + sign the BHYT claims of generated concluded
# episodes (default 100,000, about 15 lines each) on PostgreSQL, streaming in batches. Prints
# episodes/s against a load-only baseline in the same run, the managed heap during the run and the
# process's peak working set. Target: >= 2,000 episodes/s and < 1 GB on 2 cores.
#   bench/claims.sh [EPISODES]
# PostgreSQL: a throwaway cluster, or with HOSPITAL_TEST_PG set a fresh database on that server.
set -euo pipefail
cd "$(dirname "$0")/.."
episodes=${1:-100000}
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
work=$(mktemp -d /tmp/hospital-claims.XXXXXX); chmod 755 "$work"
bench=bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll
source bench/bench-postgres.sh hospital_claims_bench_$$
dotnet "$bench" claims PostgreSQL "$pg" "$work/data" "$episodes"
