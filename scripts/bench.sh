#!/usr/bin/env bash
# The staff-records benchmark (docs/PERFORMANCE.md): builds a database with the demo generator at
# 1,000,000 engagements (once; kept in .data/bench for later runs), measures the list, search,
# nation page and import server-side, then load-tests the rendered list page over HTTP with wrk.
#
# Usage: scripts/bench.sh [ENGAGEMENTS]     (default 1000000)
# Environment: BENCH_ITERATIONS (default 200), BENCH_HTTP_SECONDS (default 30), BENCH_SKIP_SERVER=1 (HTTP only),
#              BENCH_CONNECTIONS (default 32)
# Output: the tables on stdout; query plans in docs/perf/plans.txt.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
# shellcheck source=scripts/lib/postgres.sh
source "$REPO/scripts/lib/postgres.sh"

ENGAGEMENTS=${1:-1000000}
ITERATIONS=${BENCH_ITERATIONS:-200}
HTTP_SECONDS=${BENCH_HTTP_SECONDS:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DATA="$REPO/.data/bench"
PG_DATA=""
APP_PID=""

cleanup() {
  if [[ -n $APP_PID ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ -n $PG_DATA ]]; then pg_stop_cluster "$PG_DATA"; fi
}
trap cleanup EXIT

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
pg_ensure_installed
pg_ensure_user
command -v wrk >/dev/null 2>&1 || dp_apt_install wrk || dp_die "wrk is needed for the HTTP measurement." "apt-get install wrk"

mkdir -p "$DATA"
pg_own_dir "$DATA"
if [[ ! -f $DATA/cluster/PG_VERSION ]]; then
  dp_note "Creating the benchmark cluster in $DATA/cluster"
  pg_init_cluster "$DATA/cluster"
fi
PG_PORT=$(dp_free_port 55490)
PG_DATA="$DATA/cluster"
# Durable settings (fsync and synchronous commit on), as in production; more memory for sorts and caches.
pg_start_cluster "$PG_DATA" "$PG_PORT" "$(pg_socket_dir "$DATA/run")" "$DATA/postgres.log" \
  "-c shared_buffers=1GB -c work_mem=32MB -c max_connections=200"
pg_create_database "$PG_PORT" bench
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=bench;Username=postgres;Maximum Pool Size=100"
export ConnectionStrings__Portal="$CONNECTION"

dp_note "Building (Release)"
dotnet build src/DiploPortal.Tools -c Release -nologo -v q
dotnet build src/DiploPortal.Benchmarks -c Release -nologo -v q
dotnet build src/DiploPortal.Web -c Release -nologo -v q

existing=$(pg_as_user "$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench -tA \
  -c "SELECT count(*) FROM engagements WHERE is_demo" 2>/dev/null || echo 0)
if [[ ${existing:-0} -lt $ENGAGEMENTS ]]; then
  dp_note "Loading $ENGAGEMENTS demo engagements (once; several minutes for a million)"
  dotnet run --no-build -c Release --project src/DiploPortal.Tools -- migrate
  dotnet run --no-build -c Release --project src/DiploPortal.Tools -- seed-reference
  time dotnet run --no-build -c Release --project src/DiploPortal.Tools -- seed-demo --engagements "$ENGAGEMENTS" --seed 42 --force
  pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench -c "VACUUM ANALYZE"
else
  dotnet run --no-build -c Release --project src/DiploPortal.Tools -- migrate
  # A migration may have rewritten rows (the day copies of the link tables did): without a vacuum the
  # measurements would read dead tuples and stale statistics.
  pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench -c "VACUUM ANALYZE"
fi

if [[ ${BENCH_SKIP_SERVER:-} != 1 ]]; then
dp_note "Server-side measurements ($ITERATIONS runs each, after a warm-up)"
dotnet run --no-build -c Release --project src/DiploPortal.Benchmarks -- \
  --connection "$CONNECTION" --iterations "$ITERATIONS" --plans "$REPO/docs/perf/plans.txt"
fi

dp_note "HTTP: the rendered list page, $CONNECTIONS connections for $HTTP_SECONDS s"
APP_PORT=$(dp_free_port 5190)
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" \
  Portal__Setup__DemoAccounts=true Portal__RateLimits__SignIn__PermitLimit=1000 \
  Serilog__MinimumLevel__Default=Warning \
  dotnet run --no-build -c Release --project src/DiploPortal.Web --no-launch-profile >"$DATA/portal.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$APP_PORT/healthz/ready" >/dev/null 2>&1 && break
  sleep 1
done
jar=$(mktemp)
form=$(curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:$APP_PORT/account/sign-in")
token=$(sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n 1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$APP_PORT/account/sign-in" \
  --data-urlencode "_handler=sign-in" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.UserName=analyst-restricted" --data-urlencode "Input.Password=${DIPLOPORTAL_DEMO_PASSWORD:-diploportal-demo}"
# curl marks HttpOnly cookies (the sign-in cookie is one) with a "#HttpOnly_" prefix in its jar.
cookies=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$jar")
[[ $cookies == *DiploPortal.Auth* ]] || dp_die "Signing in for the HTTP measurement failed." "see $DATA/portal.log"
url="http://127.0.0.1:$APP_PORT/engagements?from=1990-01-01"
curl -fsS -o /dev/null -H "Cookie: $cookies" "$url"
wrk -t2 -c"$CONNECTIONS" -d"${HTTP_SECONDS}s" --latency -s "$REPO/scripts/wrk-p95.lua" -H "Cookie: $cookies" "$url"
# Engagements between two nations (every one took part), the multi-nation filter.
wrk -t2 -c"$CONNECTIONS" -d"${HTTP_SECONDS}s" --latency -s "$REPO/scripts/wrk-p95.lua" -H "Cookie: $cookies" \
  "http://127.0.0.1:$APP_PORT/engagements?nation=FRA&nation=DEU"
# The planners' timeline of the year the server-side run filled with 5,000 exercises (TimelineBench), in the same run.
wrk -t2 -c"$CONNECTIONS" -d"${HTTP_SECONDS}s" --latency -s "$REPO/scripts/wrk-p95.lua" -H "Cookie: $cookies" \
  "http://127.0.0.1:$APP_PORT/exercises/timeline?from=2040-01-01&span=year"
# The lessons of a series: observations reached through the visible exercises, newest edition first.
wrk -t2 -c"$CONNECTIONS" -d"${HTTP_SECONDS}s" --latency -s "$REPO/scripts/wrk-p95.lua" -H "Cookie: $cookies" \
  "http://127.0.0.1:$APP_PORT/exercises/lessons?series=RIMPAC"
rm -f "$jar"
