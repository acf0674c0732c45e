#!/usr/bin/env bash
# Clinical document benchmark (issue 4): exam-record PDF render + sign throughput on one core,
# against rendering alone and the bare SHA-256 + RSA signature of the same number of bytes.
#   bench/documents.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
HOSPITAL_FONT_DIR=${HOSPITAL_FONT_DIR:-/usr/share/fonts/truetype/dejavu} \
  dotnet bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll documents "${1:-200}"
