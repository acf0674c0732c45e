#!/usr/bin/env bash
# ASTM benchmark (issue 5 closing note): frames/s through the E1381 link layer and records/s through the E1394
# reader on one thread, each with a ratio to a baseline over the same bytes measured in the same run
# (checksum-only frame validation; string.Split of the records), and the CPU of an idle serial session on a
# socat pty (socat must be installed; the row is skipped without it).
#   bench/astm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
dotnet bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll astm
