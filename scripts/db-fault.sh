#!/usr/bin/env bash
# Kill the database under load and count what survives.
#
# Usage: scripts/db-fault.sh [--no-build] [--writers N] [--down SECONDS]
#
# Starts a durable PostgreSQL cluster (fsync and synchronous_commit on, as in
# production) and the portal over it (Development, demo accounts), runs N
# writers that ask POST /api/auth/token for tokens (each acknowledged token is
# a committed row in access_tokens plus an audit entry), kills the postmaster
# with kill -9, probes the portal while the database is down (the API must
# answer 503 problem details, /healthz/ready must fail, a page must say that
# the database did not answer), starts the cluster again and measures how long
# the portal takes to answer again by itself (no restart of the portal).
# Then it looks up every acknowledged token in the database.
#
# KEEP=1 keeps the work folder (logs of PostgreSQL and the portal) for a look.
# Prints "acknowledged N, found N, lost N; recovered in S s" last and exits
# non-zero when a write was lost, a probe answered wrongly or recovery took
# more than 30 s. Everything it starts is stopped and removed at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
# shellcheck source=scripts/lib/postgres.sh
source "$REPO/scripts/lib/postgres.sh"

BUILD=1
WRITERS=4
DOWN_SECONDS=5
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --writers) WRITERS=$2; shift ;;
    --down) DOWN_SECONDS=$2; shift ;;
    *) dp_die "Unknown argument: $1" "usage: scripts/db-fault.sh [--no-build] [--writers N] [--down SECONDS]" ;;
  esac
  shift
done

RECOVERY_LIMIT=30
WORK=""
PG_DATA=""
PORTAL_PID=""
WRITER_PIDS=()
FAILURES=()

cleanup() {
  {
    for pid in "${WRITER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n $PORTAL_PID ]]; then
      kill "$PORTAL_PID" 2>/dev/null || true
      wait "$PORTAL_PID" 2>/dev/null || true
    fi
    [[ -n $PG_DATA ]] && pg_stop_cluster "$PG_DATA"
    [[ -n $WORK && -z ${KEEP:-} ]] && rm -rf "$WORK"
  } >/dev/null 2>&1 || true
}
trap cleanup EXIT

pg_ensure_installed
pg_ensure_user
command -v curl >/dev/null || dp_die "curl is needed." "apt-get install -y curl"

if [[ $BUILD -eq 1 ]]; then
  dp_note "Building the portal (Release)"
  dp_run dotnet build src/DiploPortal.Web -c Release -nologo -v q
fi
DLL=$REPO/src/DiploPortal.Web/bin/Release/net10.0/DiploPortal.Web.dll
[[ -f $DLL ]] || dp_die "$DLL is missing." "build first: dotnet build src/DiploPortal.Web -c Release"

WORK=$(mktemp -d /tmp/dp-fault.XXXXXX)
chmod 755 "$WORK"
pg_own_dir "$WORK"
dp_note "Starting a durable PostgreSQL cluster (fsync on)"
pg_init_cluster "$WORK/pgdata"
PG_DATA=$WORK/pgdata
PG_PORT=$(dp_free_port)
SOCK=$(pg_socket_dir "$WORK/sock")
start_db() { pg_start_cluster "$PG_DATA" "$PG_PORT" "$SOCK" "$WORK/postgres.log" -c max_connections=100; }
start_db
psql_portal() { pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d portal -tA "$@"; }

PORTAL_PORT=$(dp_free_port)
BASE=http://127.0.0.1:$PORTAL_PORT
dp_note "Starting the portal on $BASE"
(
  cd "$REPO/src/DiploPortal.Web"
  export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$BASE
  export ConnectionStrings__Portal="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=portal;Timeout=3"
  export Portal__Setup__ApplyMigrations=true Portal__Setup__LoadReferenceData=true Portal__Setup__DemoAccounts=true
  export Portal__RateLimits__Token__PermitLimit=1000000 Portal__RateLimits__SignIn__PermitLimit=1000000
  export Portal__LogDirectory=$WORK/logs
  exec dotnet "$DLL" >"$WORK/portal.log" 2>&1
) &
PORTAL_PID=$!
for _ in $(seq 1 120); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz/ready") == 200 ]] && break
  kill -0 "$PORTAL_PID" 2>/dev/null || { tail -n 20 "$WORK/portal.log"; dp_die "The portal stopped during start-up."; }
  sleep 1
done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz/ready") == 200 ]] || dp_die "The portal did not become ready."

PASSWORD=${DIPLOPORTAL_DEMO_PASSWORD:-diploportal-demo}
BODY="{\"userName\":\"analyst\",\"password\":\"$PASSWORD\"}"
token() { curl -s -X POST -H 'Content-Type: application/json' -d "$BODY" "$@" "$BASE/api/auth/token"; }
READER=$(token | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[[ -n $READER ]] || dp_die "No token for the reader."

# A browser session: the sign-in form's antiforgery token, then the post.
JAR=$WORK/cookies
FORM=$(curl -s -c "$JAR" -b "$JAR" "$BASE/account/sign-in")
AF=$(sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' <<<"$FORM" | head -n 1)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_handler=sign-in" --data-urlencode "__RequestVerificationToken=$AF" \
  --data-urlencode "Input.UserName=analyst" --data-urlencode "Input.Password=$PASSWORD" "$BASE/account/sign-in"

# writer N: asks for tokens until stopped; acknowledged ones go to acked-N, other answers are tallied.
writer() {
  local n=$1 answer code
  while true; do
    answer=$(token -w '\n%{http_code}' --max-time 10 || true)
    code=${answer##*$'\n'}
    if [[ $code == 200 ]]; then
      sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"${answer%$'\n'*}" >>"$WORK/acked-$n"
    else
      echo "$code" >>"$WORK/other-$n"
    fi
  done
}
dp_note "Running $WRITERS writers"
for n in $(seq 1 "$WRITERS"); do
  writer "$n" &
  WRITER_PIDS+=($!)
done
# Each token costs a password hash (210,000 PBKDF2 rounds): wait for some acknowledged writes first.
for _ in $(seq 1 120); do
  [[ $(cat "$WORK"/acked-* 2>/dev/null | wc -l) -ge 20 ]] && break
  sleep 0.5
done

dp_note "kill -9 of the PostgreSQL server (postmaster $(head -n 1 "$PG_DATA/postmaster.pid"))"
kill -9 "$(head -n 1 "$PG_DATA/postmaster.pid")"
sleep 1
API_DOWN=$(curl -s -o "$WORK/api-down.json" -w '%{http_code}' -H "Authorization: Bearer $READER" "$BASE/api/engagements")
READY_DOWN=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz/ready")
PAGE_DOWN=$(curl -s -o "$WORK/page-down.html" -w '%{http_code}' -b "$JAR" "$BASE/engagements")
echo "while down: GET /api/engagements $API_DOWN ($(head -c 200 "$WORK/api-down.json")), /healthz/ready $READY_DOWN, page /engagements $PAGE_DOWN"
[[ $API_DOWN == 503 ]] && grep -q 'problem\|"title"' "$WORK/api-down.json" || FAILURES+=("the API answered $API_DOWN while the database was down")
[[ $READY_DOWN != 200 ]] || FAILURES+=("/healthz/ready answered 200 while the database was down")
grep -q 'The database did not answer\|The database is not available' "$WORK/page-down.html" || FAILURES+=("the page did not say that the database is down")
grep -q '   at ' "$WORK/page-down.html" "$WORK/api-down.json" && FAILURES+=("a stack trace was sent while the database was down")
sleep "$DOWN_SECONDS"

for pid in "${WRITER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
WRITER_PIDS=()

dp_note "Starting PostgreSQL again (crash recovery)"
for _ in $(seq 1 20); do start_db 2>/dev/null && break; sleep 0.5; done
pg_cluster_running "$PG_DATA" || dp_die "PostgreSQL did not start again."
START=$(date +%s.%N)
RECOVERED=""
while true; do
  api=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $READER" "$BASE/api/engagements")
  ready=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz/ready")
  elapsed=$(echo "$(date +%s.%N) - $START" | bc)
  if [[ $api == 200 && $ready == 200 ]]; then RECOVERED=$elapsed; break; fi
  if (( $(echo "$elapsed > 60" | bc) )); then break; fi
  sleep 0.25
done
if [[ -z $RECOVERED ]]; then
  FAILURES+=("the portal did not recover within 60 s")
  RECOVERED=never
elif (( $(echo "$RECOVERED > $RECOVERY_LIMIT" | bc) )); then
  FAILURES+=("recovery took $RECOVERED s (limit $RECOVERY_LIMIT s)")
fi
PAGE_AFTER=$(curl -s -o "$WORK/page-after.html" -w '%{http_code}' -b "$JAR" "$BASE/engagements")
if [[ $PAGE_AFTER != 200 ]] || grep -q 'The database did not answer' "$WORK/page-after.html"; then
  FAILURES+=("the page did not recover (answered $PAGE_AFTER)")
fi

cat "$WORK"/acked-* 2>/dev/null | sort -u >"$WORK/acked" || true
ACKED=$(wc -l <"$WORK/acked")
OTHER=$(cat "$WORK"/other-* 2>/dev/null | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
while read -r t; do printf '%s' "$t" | sha256sum | cut -d' ' -f1; done <"$WORK/acked" >"$WORK/acked-hashes"
chmod 644 "$WORK/acked-hashes"
FOUND=$(psql_portal -c "CREATE TEMP TABLE acked (h text); COPY acked FROM '$WORK/acked-hashes'; SELECT count(*) FROM acked JOIN access_tokens ON token_hash = h;" | tail -n 1)
LOST=$((ACKED - FOUND))
[[ $LOST -eq 0 ]] || FAILURES+=("$LOST acknowledged writes are missing")
[[ $ACKED -gt 0 ]] || FAILURES+=("no write was acknowledged")
ERRORS=$(grep -c '"@l":"Error"\|"@l":"Fatal"' "$WORK"/logs/*.json 2>/dev/null | awk -F: '{s+=$NF} END {print s+0}')

echo "other answers to the writers: ${OTHER:-none}; error entries in the portal's log: $ERRORS"
if [[ ${#FAILURES[@]} -gt 0 ]]; then
  printf 'FAILED: %s\n' "${FAILURES[@]}"
fi
echo "acknowledged $ACKED, found $FOUND, lost $LOST; recovered in $RECOVERED s"
[[ ${#FAILURES[@]} -eq 0 ]]
