#!/usr/bin/env bash
# Load run against a signed-in page on loopback, on SQLite and on PostgreSQL (issue 2 acceptance):
# 50 concurrent connections with wrk, requests/s and p99, against /health in the same run as
# the baseline (no database, no sign-in), so the ratio shows what a real page costs.
#   bench/load.sh [PAGE] [SECONDS]      default PAGE=/reception SECONDS=20
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-/reception}; secs=${2:-20}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
dotnet build Hospital.Web/Hospital.Web.csproj -c Release -nologo -clp:ErrorsOnly
work=$(mktemp -d /tmp/hospital-load.XXXXXX); chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; db/pg-cluster.sh stop "$work/pg" || true; rm -rf "$work"; }
trap cleanup EXIT

run_one() { # provider extra-env...
  local provider=$1; shift
  local port; port=$(db/pg-cluster.sh free-port)
  (cd Hospital.Web && env Demo__Enabled=true Demo__Password=Load12345x Storage__DataDirectory="$work/data-$provider" \
     Logging__LogLevel__Default=Warning "$@" dotnet bin/Release/net10.0/Hospital.Web.dll --urls "http://127.0.0.1:$port" \
     >"$work/app-$provider.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  local jar="$work/cookies-$provider" base="http://127.0.0.1:$port"
  local token; token=$(curl -s -c "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.UserName=admin" --data-urlencode "Input.Password=Load12345x" "$base/account/login"
  local cookie; cookie=$(awk '$6 ~ /hospital.auth/ {print $6"="$7}' "$jar" | paste -sd';' -)
  # The admin sees every page; a reception clerk's page is the busiest in a real hospital.
  [ "$page" = "/reception" ] && { curl -s -b "$jar" -c "$jar" -o /dev/null "$base/"; }
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
  echo "== $provider: GET $page as admin -> HTTP $status"
  wrk -t2 -c50 -d"${secs}s" --latency -H "Cookie: $cookie" "$base$page" >"$work/page-$provider.txt"
  wrk -t2 -c50 -d"${secs}s" --latency "$base/health" >"$work/health-$provider.txt"
  python3 - "$provider" "$work/page-$provider.txt" "$work/health-$provider.txt" <<'PY'
import re, sys
def parse(f):
    t = open(f).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    def ms(v, u): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
    p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", t).groups())
    errs = sum(int(x) for x in re.findall(r"(?:Non-2xx or 3xx responses|Socket errors:.*?)(\d+)", t)) if ("Non-2xx" in t or "Socket errors" in t) else 0
    return rps, p99, errs, t
prov = sys.argv[1]
p, h = parse(sys.argv[2]), parse(sys.argv[3])
print(f"{prov:10} page: {p[0]:9.0f} req/s  p99 {p[1]:7.2f} ms  errors {p[2]}")
print(f"{prov:10} /health baseline: {h[0]:9.0f} req/s  p99 {h[1]:7.2f} ms")
print(f"{prov:10} page/baseline throughput ratio: {p[0]/h[0]:.3f}; p99 ratio: {p[1]/h[1]:.2f}")
PY
}

run_one Sqlite
pgport=$(db/pg-cluster.sh free-port)
db/pg-cluster.sh start "$work/pg" "$pgport"
psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE hospital_load" >/dev/null
run_one PostgreSQL Database__Provider=PostgreSQL "ConnectionStrings__Hospital=Host=127.0.0.1;Port=$pgport;Username=postgres;Database=hospital_load;Maximum Pool Size=100"
