#!/usr/bin/env bash
# Kill the database under load and count what survives.
#
# Usage: scripts/db-fault.sh [--no-build] [--writers N] [--down SECONDS] [--port P]
#
# --port P puts PostgreSQL on P and the portal on P+1 (default: free ports).
#
# Starts a durable PostgreSQL cluster (fsync and synchronous_commit on, as in
# production) and the portal over it (Development, demo accounts), then runs
# three kinds of writers at once, as the demo account `staff`:
#   create  N writers: POST /api/engagements; each 201 (with its id and version)
#           is an acknowledged write;
#   update  N writers: each owns one engagement and sends PUT with If-Match; each
#           200 (with its new version) is acknowledged;
#   import  one writer: `diploportal-tools import` of a 25-row CSV file, over and
#           over; a file counts when the command reports success (exit 0).
# It kills the postmaster with kill -9, probes the portal while the database is
# down (the API must answer 503 problem details, also to a write; /healthz/ready
# must fail; a page must say that the database did not answer), starts the
# cluster again and measures how long the portal takes to answer again by itself
# (no restart of the portal). Then it looks in the database for every
# acknowledged write: a created engagement by id and version; an update by its
# values (the row holds that update or a later one of the same writer, and the
# last acknowledged one with its version); every row of an imported file.
#
# KEEP=1 keeps the work folder (logs of PostgreSQL and the portal) for a look.
# Prints "<kind>: acknowledged N, found N, lost N" per writer kind, what was
# answered while down and the recovery time; exits non-zero when a write was
# lost, a probe answered wrongly or recovery took more than 30 s. Everything it
# starts is stopped and removed at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
# shellcheck source=scripts/lib/postgres.sh
source "$REPO/scripts/lib/postgres.sh"

BUILD=1
WRITERS=4
DOWN_SECONDS=5
FIXED_PORT=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --writers) WRITERS=$2; shift ;;
    --down) DOWN_SECONDS=$2; shift ;;
    --port) FIXED_PORT=$2; shift ;;
    *) dp_die "Unknown argument: $1" "usage: scripts/db-fault.sh [--no-build] [--writers N] [--down SECONDS] [--port P]" ;;
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
    [[ -n $WORK ]] && touch "$WORK/stop"
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
  dp_run dotnet build src/DiploPortal.Tools -c Release -nologo -v q
fi
DLL=$REPO/src/DiploPortal.Web/bin/Release/net10.0/DiploPortal.Web.dll
TOOLS=$REPO/src/DiploPortal.Tools/bin/Release/net10.0/diploportal-tools.dll
[[ -f $DLL && -f $TOOLS ]] || dp_die "The portal or the tools are not built." "build first: dotnet build DiploPortal.sln -c Release"

WORK=$(mktemp -d /tmp/dp-fault.XXXXXX)
chmod 755 "$WORK"
pg_own_dir "$WORK"
dp_note "Starting a durable PostgreSQL cluster (fsync on)"
pg_init_cluster "$WORK/pgdata"
PG_DATA=$WORK/pgdata
PG_PORT=${FIXED_PORT:-$(dp_free_port)}
SOCK=$(pg_socket_dir "$WORK/sock")
start_db() { pg_start_cluster "$PG_DATA" "$PG_PORT" "$SOCK" "$WORK/postgres.log" -c max_connections=100; }
start_db
# As run.sh sets them up: the owner role migrates (and owns everything), the portal runs as a role that owns nothing.
pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE diploportal_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" \
  -c "CREATE ROLE diploportal_portal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" \
  -c "CREATE DATABASE portal OWNER diploportal_owner" >/dev/null
psql_portal() { pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d portal -tA "$@"; }

PORTAL_PORT=$([[ -n $FIXED_PORT ]] && echo $((FIXED_PORT + 1)) || dp_free_port)
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=diploportal_portal;Database=portal;Timeout=3"
BASE=http://127.0.0.1:$PORTAL_PORT
dp_note "Starting the portal on $BASE"
(
  cd "$REPO/src/DiploPortal.Web"
  export ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$BASE
  export ConnectionStrings__Portal=$CONNECTION
  export ConnectionStrings__PortalOwner="Host=127.0.0.1;Port=$PG_PORT;Username=diploportal_owner;Database=portal;Timeout=3"
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
token() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/auth/token" | jq -r '.token // empty'; }
STAFF=$(token staff)
[[ -n $STAFF ]] || dp_die "No token for the staff account."

# A browser session: the sign-in form's antiforgery token, then the post.
JAR=$WORK/cookies
FORM=$(curl -s -c "$JAR" -b "$JAR" "$BASE/account/sign-in")
AF=$(sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' <<<"$FORM" | head -n 1)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_handler=sign-in" --data-urlencode "__RequestVerificationToken=$AF" \
  --data-urlencode "Input.UserName=analyst" --data-urlencode "Input.Password=$PASSWORD" "$BASE/account/sign-in"

# The body of an engagement the API takes (the fields GET returns, nations by code).
engagement() {
  jq -nc --arg title "$1" '{title: $title, kind: "StaffTalks", channel: "FaceToFace", occurredOn: "2025-03-04", host: "FRA",
    location: "Brest", summary: "Written by the fault drill.", outcome: "Positive", classification: "Restricted",
    releasableToAlliances: ["NATO"], participants: ["GBR", "FRA"]}'
}
# api METHOD PATH BODY [IF-MATCH]: prints the body, then the status on a line of its own (000 when no answer).
api() {
  local match=()
  [[ -n ${4:-} ]] && match=(-H "If-Match: $4")
  curl -s --max-time 10 -X "$1" -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' "${match[@]}" \
    -d "$3" -w '\n%{http_code}' "$BASE$2" || true
}
running() { [[ ! -e $WORK/stop ]]; }

# create N: acknowledged engagements go to acked-create-N as "id version".
create_writer() {
  local n=$1 k=0 answer code
  while running; do
    k=$((k + 1))
    answer=$(api POST /api/engagements "$(engagement "fault-drill create w$n #$k")")
    code=${answer##*$'\n'}
    if [[ $code == 201 ]]; then
      jq -r '"\(.id) \(.version)"' <<<"${answer%$'\n'*}" >>"$WORK/acked-create-$n"
    else
      echo "${code:-000}" >>"$WORK/other-create"
    fi
  done
}
# update N: owns one engagement; acknowledged updates go to acked-update-N as "id k version".
update_writer() {
  local n=$1 k=0 answer code id version
  answer=$(api POST /api/engagements "$(engagement "fault-drill update w$n #0")")
  [[ ${answer##*$'\n'} == 201 ]] || { echo "no engagement to update" >>"$WORK/other-update"; return; }
  id=$(jq -r .id <<<"${answer%$'\n'*}")
  version=$(jq -r .version <<<"${answer%$'\n'*}")
  while running; do
    k=$((k + 1))
    answer=$(api PUT "/api/engagements/$id" "$(engagement "fault-drill update w$n #$k")" "\"$version\"")
    code=${answer##*$'\n'}
    if [[ $code == 200 ]]; then
      version=$(jq -r .version <<<"${answer%$'\n'*}")
      echo "$id $k $version" >>"$WORK/acked-update-$n"
    else
      echo "${code:-000}" >>"$WORK/other-update"
      # An update whose answer was lost may have been saved: read the version again before the next one.
      answer=$(curl -s --max-time 5 -H "Authorization: Bearer $STAFF" -o /dev/null -D - "$BASE/api/engagements/$id" | sed -n 's/^etag: "\([0-9]*\)".*/\1/Ip' | tr -d '\r')
      [[ -n $answer ]] && version=$answer
      sleep 0.2
    fi
  done
}
# import: files of 25 rows through the tools' import command; a file counts when the command exits 0.
import_writer() {
  local k=0 file
  while running; do
    k=$((k + 1))
    file=$WORK/import-$k.csv
    {
      echo "title,kind,channel,occurred_on,host_nation,location,participants,outcome,outcome_notes,summary,classification,releasable_to_nations,releasable_to_alliances"
      for r in $(seq 1 25); do
        echo "fault-drill import $k row $r,StaffTalks,FaceToFace,2025-03-04,FRA,Brest,GBR;FRA,Positive,,Imported by the fault drill,Restricted,,NATO"
      done
    } >"$file"
    if DOTNET_ENVIRONMENT=Development timeout 60 dotnet "$TOOLS" import --file "$file" --as staff --connection "$CONNECTION" >>"$WORK/import.log" 2>&1; then
      echo "$k" >>"$WORK/acked-import"
    else
      echo "exit" >>"$WORK/other-import"
    fi
  done
}

dp_note "Running $WRITERS create writers, $WRITERS update writers and an importer"
for n in $(seq 1 "$WRITERS"); do
  create_writer "$n" &
  WRITER_PIDS+=($!)
  update_writer "$n" &
  WRITER_PIDS+=($!)
done
import_writer &
WRITER_PIDS+=($!)
count() { cat "$WORK"/$1 2>/dev/null | wc -l; }
# At most 30 s: on a busy machine each import is mostly the tool's start-up.
for _ in $(seq 1 60); do
  [[ $(count 'acked-create-*') -ge 20 && $(count 'acked-update-*') -ge 20 && $(count acked-import) -ge 2 ]] && break
  sleep 0.5
done

dp_note "kill -9 of the PostgreSQL server (postmaster $(head -n 1 "$PG_DATA/postmaster.pid"))"
kill -9 "$(head -n 1 "$PG_DATA/postmaster.pid")"
sleep 1
API_DOWN=$(curl -s -o "$WORK/api-down.json" -w '%{http_code}' -H "Authorization: Bearer $STAFF" "$BASE/api/engagements")
WRITE_DOWN=$(curl -s -o "$WORK/write-down.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $STAFF" -H 'Content-Type: application/json' \
  -d "$(engagement "fault-drill refused")" "$BASE/api/engagements")
READY_DOWN=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz/ready")
PAGE_DOWN=$(curl -s -o "$WORK/page-down.html" -w '%{http_code}' -b "$JAR" "$BASE/engagements")
echo "while down: GET /api/engagements $API_DOWN ($(head -c 200 "$WORK/api-down.json")), POST $WRITE_DOWN, /healthz/ready $READY_DOWN, page /engagements $PAGE_DOWN"
[[ $API_DOWN == 503 ]] && grep -q 'problem\|"title"' "$WORK/api-down.json" || FAILURES+=("the API answered $API_DOWN while the database was down")
[[ $WRITE_DOWN == 503 ]] && grep -q '"title"' "$WORK/write-down.json" || FAILURES+=("a write through the API was answered $WRITE_DOWN while the database was down")
[[ $READY_DOWN != 200 ]] || FAILURES+=("/healthz/ready answered 200 while the database was down")
grep -q 'The database did not answer\|The database is not available' "$WORK/page-down.html" || FAILURES+=("the page did not say that the database is down")
grep -q '   at ' "$WORK/page-down.html" "$WORK/api-down.json" "$WORK/write-down.json" && FAILURES+=("a stack trace was sent while the database was down")
# The writers keep going while the database is down; readiness is probed twice a second.
READY_PROBES=0
READY_FAILED=0
END=$(($(date +%s) + DOWN_SECONDS))
while [[ $(date +%s) -lt $END ]]; do
  READY_PROBES=$((READY_PROBES + 1))
  [[ $(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/healthz/ready") == 200 ]] || READY_FAILED=$((READY_FAILED + 1))
  sleep 0.5
done
[[ $READY_FAILED -eq $READY_PROBES ]] || FAILURES+=("/healthz/ready answered 200 to $((READY_PROBES - READY_FAILED)) of $READY_PROBES probes while down")

touch "$WORK/stop"
for pid in "${WRITER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
WRITER_PIDS=()
tally() { cat "$WORK"/$1 2>/dev/null | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}'; }
DOWN_ANSWERS="creates $(tally other-create); updates $(tally other-update); imports $(tally other-import)"

dp_note "Starting PostgreSQL again (crash recovery)"
for _ in $(seq 1 20); do start_db 2>/dev/null && break; sleep 0.5; done
pg_cluster_running "$PG_DATA" || dp_die "PostgreSQL did not start again."
START=$(date +%s.%N)
RECOVERED=""
while true; do
  api=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $STAFF" "$BASE/api/engagements")
  ready=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz/ready")
  elapsed=$(echo "$(date +%s.%N) - $START" | bc)
  if [[ $api == 200 && $ready == 200 ]]; then RECOVERED=$(printf '%.2f' "$elapsed"); break; fi
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
WRITE_AFTER=$(api POST /api/engagements "$(engagement "fault-drill after")")
[[ ${WRITE_AFTER##*$'\n'} == 201 ]] || FAILURES+=("a write after recovery was answered ${WRITE_AFTER##*$'\n'}")

# What the database holds, straight from PostgreSQL (not through the portal).
psql_portal -c "COPY (SELECT id, xmin::text, title FROM engagements WHERE title LIKE 'fault-drill %') TO STDOUT" >"$WORK/rows"
# create: the id with the acknowledged version (nothing changes these rows after their creation).
cat "$WORK"/acked-create-* 2>/dev/null | sort -u >"$WORK/acked-create" || true
CREATE_ACKED=$(wc -l <"$WORK/acked-create")
CREATE_FOUND=$(awk -F'\t' 'NR == FNR { have[$1 " " $2] = 1; next } ($0 in have) { n++ } END { print n + 0 }' "$WORK/rows" "$WORK/acked-create")
# update: every acknowledged update is there when its row holds it or a later one of the same writer, and the
# last acknowledged one of each writer with its version (unless a later, unacknowledged one was saved too).
cat "$WORK"/acked-update-* 2>/dev/null >"$WORK/acked-update" || true
UPDATE_ACKED=$(wc -l <"$WORK/acked-update")
UPDATE_FOUND=$(awk -F'\t' '
  NR == FNR { split($3, t, "#"); seq[$1] = t[2] + 0; ver[$1] = $2; next }
  { split($0, a, " "); id = a[1]; k = a[2] + 0; v = a[3]
    if ((id in seq) && (seq[id] > k || (seq[id] == k && ver[id] == v))) n++ }
  END { print n + 0 }' "$WORK/rows" "$WORK/acked-update")
# import: all 25 rows of every file the command reported as imported.
IMPORT_ACKED=$(count acked-import)
IMPORT_FOUND=0
while read -r k; do
  [[ $(grep -c $'\t'"fault-drill import $k row " "$WORK/rows") -eq 25 ]] && IMPORT_FOUND=$((IMPORT_FOUND + 1))
done < <(cat "$WORK/acked-import" 2>/dev/null)
# A file whose import was not acknowledged (the database died under it) is all there or not at all, never in part.
IMPORT_UNACKED=0
IMPORT_UNACKED_SAVED=0
IMPORT_PARTIAL=0
for file in "$WORK"/import-*.csv; do
  k=${file##*/import-}
  k=${k%.csv}
  grep -qx "$k" "$WORK/acked-import" 2>/dev/null && continue
  IMPORT_UNACKED=$((IMPORT_UNACKED + 1))
  rows=$(grep -c $'\t'"fault-drill import $k row " "$WORK/rows" || true)
  case $rows in
    0) ;;
    25) IMPORT_UNACKED_SAVED=$((IMPORT_UNACKED_SAVED + 1)) ;;
    *)
      IMPORT_PARTIAL=$((IMPORT_PARTIAL + 1))
      FAILURES+=("import file $k, not acknowledged, was saved in part ($rows of 25 rows)")
      ;;
  esac
done
LOST_TOTAL=0
report() {
  local kind=$1 acked=$2 found=$3
  echo "$kind: acknowledged $acked, found $found, lost $((acked - found))"
  LOST_TOTAL=$((LOST_TOTAL + acked - found))
  [[ $acked -gt 0 ]] || FAILURES+=("no $kind write was acknowledged")
}
ERRORS=$(cat "$WORK"/logs/*.json 2>/dev/null | grep -c '"@l":"Error"\|"@l":"Fatal"' || true)
HEALTH_ERRORS=$(cat "$WORK"/logs/*.json 2>/dev/null | grep '"@l":"Error"' | grep -c '"@mt":"Health check ' || true)

echo "answers to the writers while down: $DOWN_ANSWERS"
echo "/healthz/ready while down: $READY_FAILED of $READY_PROBES probes failed; error entries in the portal's log: $ERRORS ($HEALTH_ERRORS of them the health check's report of a failed probe)"
report "create (POST /api/engagements)" "$CREATE_ACKED" "$CREATE_FOUND"
report "update (PUT with If-Match)" "$UPDATE_ACKED" "$UPDATE_FOUND"
report "import (files of 25 rows, tools import)" "$IMPORT_ACKED" "$IMPORT_FOUND"
echo "imports not acknowledged: $IMPORT_UNACKED ($IMPORT_UNACKED_SAVED saved in full, $IMPORT_PARTIAL in part)"
[[ $LOST_TOTAL -eq 0 ]] || FAILURES+=("$LOST_TOTAL acknowledged writes are missing")
if [[ ${#FAILURES[@]} -gt 0 ]]; then
  printf 'FAILED: %s\n' "${FAILURES[@]}"
fi
echo "recovered in $RECOVERED s"
[[ ${#FAILURES[@]} -eq 0 ]]
