#!/usr/bin/env bash
# HL7 codec benchmark (issue 5 closing note): ORU^R01 parse+encode messages/s and MB/s on one core,
# with the ratio against python3-hl7 (Debian package python3-hl7) parsing and re-encoding the same
# messages in the same run. Target: at least 50x.
#   bench/hl7.sh [SECONDS_PER_CASE]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
/usr/bin/python3 -c 'import hl7' 2>/dev/null || {
  echo "== Installing python3-hl7 (the baseline)"
  sudo=""; [ "$(id -u)" != "0" ] && sudo="sudo"
  $sudo apt-get install -y -qq python3-hl7 >/dev/null
}
dotnet build bench/Hospital.Bench/Hospital.Bench.csproj -c Release -nologo -clp:ErrorsOnly
dotnet bench/Hospital.Bench/bin/Release/net10.0/Hospital.Bench.dll hl7 "$seconds" bench/hl7_baseline.py
