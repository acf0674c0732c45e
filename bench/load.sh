#!/usr/bin/env bash
# Load run against a signed-in page on loopback, on SQLite and on PostgreSQL (issue 2 acceptance):
# 50 concurrent connections with wrk, requests/s and p99 of the page and of the signed-in home
# page, against /health in the same run as the baseline (no database, no sign-in), so the
# ratio shows what a real page costs. Each run stays within a minute of signing in: wrk does
# not take refreshed cookies, and after the 1-minute security-stamp interval every request of
# a stale cookie would be re-validated against the database.
#   bench/load.sh [PAGE] [SECONDS] [USER]   default PAGE=/reception SECONDS=20 USER=reception
set -euo pipefail
cd "$(dirname "$0")/.."
page=${1:-/reception}; secs=${2:-20}; user=${3:-reception}
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
    --data-urlencode "Input.UserName=$user" --data-urlencode "Input.Password=Load12345x" "$base/account/login"
  local cookie; cookie=$(awk '$6 ~ /hospital.auth/ {print $6"="$7}' "$jar" | paste -sd';' -)
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
  echo "== $provider: GET $page as $user -> HTTP $status (must be 200)"
  [ "$status" = "200" ] || { echo "the page does not answer 200 for $user" >&2; return 1; }
  # Warm-up first: the JIT's tiered compilation makes the first seconds slower than steady state.
  wrk -t2 -c50 -d5s -H "Cookie: $cookie" "$base$page" >/dev/null
  wrk -t2 -c50 -d"${secs}s" --latency -H "Cookie: $cookie" "$base$page" >"$work/page-$provider.txt"
  wrk -t2 -c50 -d"${secs}s" --latency -H "Cookie: $cookie" "$base/" >"$work/home-$provider.txt"
  wrk -t2 -c50 -d"${secs}s" --latency "$base/health" >"$work/health-$provider.txt"
  python3 - "$provider" "$page" "$work/page-$provider.txt" "$work/home-$provider.txt" "$work/health-$provider.txt" <<'PY'
import re, sys
def parse(f):
    t = open(f).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    def ms(v, u): return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
    p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", t).groups())
    errs = sum(int(x) for x in re.findall(r"(?:Non-2xx or 3xx responses|Socket errors:.*?)(\d+)", t)) if ("Non-2xx" in t or "Socket errors" in t) else 0
    return rps, p99, errs, t
prov, name = sys.argv[1], sys.argv[2]
h = parse(sys.argv[5])
for label, f in ((name, sys.argv[3]), ("/ (home)", sys.argv[4]), ("/health", sys.argv[5])):
    r = parse(f)
    print(f"{prov:10} {label:12} {r[0]:8.0f} req/s  p99 {r[1]:7.2f} ms  errors {r[2]}  "
          f"throughput vs /health {r[0]/h[0]:.3f}  p99 vs /health {r[1]/h[1]:.1f}x")
PY
}

run_one Sqlite
pgport=$(db/pg-cluster.sh free-port)
db/pg-cluster.sh start "$work/pg" "$pgport"
psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE hospital_load" >/dev/null
run_one PostgreSQL Database__Provider=PostgreSQL "ConnectionStrings__Hospital=Host=127.0.0.1;Port=$pgport;Username=postgres;Database=hospital_load;Maximum Pool Size=100"
