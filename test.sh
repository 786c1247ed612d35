#!/usr/bin/env bash
# Run every check and test of DiploPortal, as CI does.
#
# Usage: ./test.sh [FILTER]
#   FILTER (optional) is passed to `dotnet test --filter`, for example
#     ./test.sh 'FullyQualifiedName~Calendar'
#     ./test.sh 'FullyQualifiedName!~Browser'
#
# Steps: docker-compose.yml check, dotnet tool restore, dotnet format
# --verify-no-changes, build with -warnaserror, then dotnet test against a
# throwaway PostgreSQL cluster (fast, non-durable settings; removed afterwards).
# Installs PostgreSQL and Chromium with apt-get when missing and run as root.
#
# The last line printed is always "tests: N passed, N failed[, N skipped]".
# A failed step (format, build, ...) counts as one failed test there, so the
# line never looks green when the run failed. Exit status is non-zero then.
#
# Environment passed to the tests:
#   DIPLOPORTAL_TEST_POSTGRES   base connection string of the throwaway server
#   DIPLOPORTAL_PG_BIN          PostgreSQL's server binaries (database fault tests)
#   DIPLOPORTAL_CHROMIUM        chromium binary (default /usr/bin/chromium)
#   DIPLOPORTAL_TEST_ARTIFACTS  screenshots etc. (default <repo>/.test-artifacts;
#                               the .trx files are copied to its trx/ folder)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$REPO"
# shellcheck source=scripts/lib/postgres.sh
source "$REPO/scripts/lib/postgres.sh"

FILTER=${1:-}
WORK=""
PG_DATA=""
FAILED_STEPS=()
SUMMARY_PRINTED=0

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [[ -n ${CI:-} ]]; then
  # No MSBuild worker processes left behind after a CI run.
  export MSBUILDDISABLENODEREUSE=1
fi

# Quiet on purpose: nothing may be printed after the summary line.
cleanup() {
  {
    dp_stop_child
    if [[ -n $PG_DATA ]]; then
      pg_stop_cluster "$PG_DATA"
      PG_DATA=""
    fi
    if [[ -n $WORK ]]; then
      rm -rf "$WORK"
      WORK=""
    fi
    if [[ -n ${CI:-} ]]; then
      dotnet build-server shutdown || true
    fi
  } >/dev/null 2>&1 || true
}

on_exit() {
  local rc=$?
  # Finish the clean-up even when a second signal follows (timeout(1) signals
  # both this script and its process group; impatient users press Ctrl-C twice).
  trap '' INT TERM
  trap - EXIT
  cleanup
  if [[ $SUMMARY_PRINTED -eq 0 ]]; then
    # Stopped before the tests could run (setup error or Ctrl-C).
    echo "tests: 0 passed, 1 failed"
    [[ $rc -ne 0 ]] || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'trap "" INT TERM; exit 130' INT
trap 'trap "" INT TERM; exit 143' TERM

# run_step NAME COMMAND...: run a step; remember it when it fails.
run_step() {
  local name=$1
  shift
  dp_note "$name"
  if "$@"; then
    return 0
  fi
  FAILED_STEPS+=("$name")
  return 1
}

# Print "files passed failed skipped" summed over every .trx under DIR.
sum_trx() {
  local dir=$1
  if command -v python3 >/dev/null 2>&1 && python3 - "$dir" <<'PY'; then
import glob, sys
import xml.etree.ElementTree as ET

files = passed = failed = skipped = 0
for path in sorted(glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)):
    files += 1
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        print(f"warning: cannot read {path}: {err}", file=sys.stderr)
        failed += 1
        continue
    for el in root.iter():
        if el.tag.endswith("}Counters") or el.tag == "Counters":
            num = lambda key: int(el.get(key) or 0)
            passed += num("passed")
            failed += num("failed") + num("error") + num("timeout") + num("aborted")
            # The trx logger leaves notExecuted at 0 for skipped xunit tests;
            # total - executed counts them.
            skipped += max(num("notExecuted"), num("total") - num("executed"))
print(files, passed, failed, skipped)
PY
    return 0
  fi
  # No python3: read the attributes of each <Counters .../> element.
  local f counters files=0 passed=0 failed=0 skipped=0 key value
  local -A n
  while IFS= read -r -d '' f; do
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1 || true)
    for key in total executed passed failed error timeout aborted notExecuted; do
      value=$(sed -n "s/.* $key=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
      n[$key]=${value:-0}
    done
    passed=$((passed + n[passed]))
    failed=$((failed + n[failed] + n[error] + n[timeout] + n[aborted]))
    value=$((n[total] - n[executed]))
    skipped=$((skipped + (value > n[notExecuted] ? value : n[notExecuted])))
  done < <(find "$dir" -name '*.trx' -print0 2>/dev/null)
  echo "$files $passed $failed $skipped"
}

check_compose() {
  if ! command -v docker-compose >/dev/null 2>&1; then
    if ! dp_is_root || ! dp_apt_install docker-compose >/dev/null 2>&1; then
      echo "note: docker-compose is not installed; skipping the docker-compose.yml check"
      return 0
    fi
  fi
  # Compose refuses to start without each of its secrets: check that it does, then validate
  # the file with dummy values.
  local secrets=(POSTGRES_PASSWORD PORTAL_DB_PASSWORD PORTAL_AUDIT_CHAIN_KEY DIPLOPORTAL_KEY_ENCRYPTION_KEY) missing other
  for missing in "${secrets[@]}"; do
    local given=()
    for other in "${secrets[@]}"; do
      [[ $other == "$missing" ]] || given+=("$other=compose-check")
    done
    if env -u "$missing" "${given[@]}" docker-compose -f docker-compose.yml config -q 2>/dev/null; then
      echo "docker-compose.yml starts without $missing; it must refuse" >&2
      return 1
    fi
  done
  POSTGRES_PASSWORD=compose-check PORTAL_DB_PASSWORD=compose-check PORTAL_AUDIT_CHAIN_KEY=compose-check \
    DIPLOPORTAL_KEY_ENCRYPTION_KEY=compose-check docker-compose -f docker-compose.yml config -q
}

# A merge that left conflict markers behind (in docs too, which no build reads).
check_conflict_markers() {
  if git -C "$REPO" rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
    git -C "$REPO" grep -n -I -E '^(<<<<<<<|>>>>>>>) ' -- . ':!*.trx' >&2; then
    echo "conflict markers left in the files above" >&2
    return 1
  fi
  return 0
}

# --- Prerequisites ----------------------------------------------------------------

command -v dotnet >/dev/null 2>&1 ||
  dp_die "The .NET SDK (dotnet) was not found on PATH." \
    "install the .NET 10 SDK (see global.json for the version)"

pg_ensure_installed
pg_ensure_user

CHROMIUM=${DIPLOPORTAL_CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
  if [[ -n ${DIPLOPORTAL_CHROMIUM:-} ]]; then
    dp_die "DIPLOPORTAL_CHROMIUM=$CHROMIUM is not an executable file." "point it at a chromium binary or unset it"
  fi
  dp_is_root ||
    dp_die "Chromium (/usr/bin/chromium) is needed by the browser tests." \
      "install it as root: apt-get update && apt-get install -y chromium"
  dp_note "Installing Chromium (apt-get install -y chromium)..."
  dp_apt_install chromium >/dev/null ||
    dp_die "Could not install Chromium with apt-get." "run: apt-get update && apt-get install -y chromium"
  [[ -x $CHROMIUM ]] || dp_die "Chromium was installed but $CHROMIUM is missing." "set DIPLOPORTAL_CHROMIUM to its path"
fi

# --- Throwaway PostgreSQL ---------------------------------------------------------

WORK=$(mktemp -d -t diploportal-test.XXXXXX)
if ! pg_path_reachable "$WORK"; then
  # TMPDIR points somewhere the postgres user cannot enter (e.g. /root/tmp).
  rm -rf "$WORK"
  WORK=$(mktemp -d /tmp/diploportal-test.XXXXXX)
fi
pg_own_dir "$WORK"
chmod 755 "$WORK"

dp_note "Starting a throwaway PostgreSQL"
pg_init_cluster "$WORK/pgdata" --no-sync ||
  dp_die "initdb failed for the test cluster in $WORK." "check free space in $(dirname "$WORK")"
sock=$(pg_socket_dir "$WORK/sock")
started=0
for _ in 1 2 3; do
  # Another process may grab the port between probing and binding: retry.
  PG_PORT=$(dp_free_port) || dp_die "Could not find a free TCP port." "check the network settings"
  PG_DATA=$WORK/pgdata
  if pg_start_cluster "$PG_DATA" "$PG_PORT" "$sock" "$WORK/postgres.log" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300; then
    started=1
    break
  fi
done
[[ $started -eq 1 ]] || dp_die "The test PostgreSQL did not start (log lines above)." "is $PG_BIN/postgres working?"
dp_note "PostgreSQL on 127.0.0.1:$PG_PORT"

export DIPLOPORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
# For tests that start (and kill) a server of their own: the shared one must stay up.
export DIPLOPORTAL_PG_BIN=$PG_BIN
export DIPLOPORTAL_CHROMIUM=$CHROMIUM
export DIPLOPORTAL_TEST_ARTIFACTS=${DIPLOPORTAL_TEST_ARTIFACTS:-$REPO/.test-artifacts}
mkdir -p "$DIPLOPORTAL_TEST_ARTIFACTS"

# --- Checks, build, tests ---------------------------------------------------------

run_step "conflict markers" check_conflict_markers || true
run_step "docker-compose.yml check" check_compose || true
run_step "dotnet tool restore" dp_run dotnet tool restore || true
if ! run_step "dotnet format (verify)" dp_run dotnet format DiploPortal.sln --verify-no-changes; then
  echo "hint:  run: dotnet format DiploPortal.sln"
fi

RESULTS=$WORK/results
tests_ran=0
test_rc=0
if run_step "dotnet build" dp_run dotnet build DiploPortal.sln -c Release -nologo -warnaserror; then
  test_args=(test DiploPortal.sln -c Release --no-build --logger trx --results-directory "$RESULTS")
  if [[ -n $FILTER ]]; then
    test_args+=(--filter "$FILTER")
  fi
  dp_note "dotnet test${FILTER:+ --filter $FILTER}"
  dp_run dotnet "${test_args[@]}" || test_rc=$?
  tests_ran=1
fi

read -r trx_files passed failed skipped < <(sum_trx "$RESULTS")
if [[ $tests_ran -eq 1 ]]; then
  if [[ $trx_files -eq 0 ]]; then
    FAILED_STEPS+=("dotnet test (no .trx results produced)")
  elif [[ $test_rc -ne 0 && $failed -eq 0 ]]; then
    # e.g. a crashed test host: no failed counter, but the run is not green.
    FAILED_STEPS+=("dotnet test (exit code $test_rc)")
  fi
  if [[ $trx_files -gt 0 ]]; then
    rm -rf "$DIPLOPORTAL_TEST_ARTIFACTS/trx"
    mkdir -p "$DIPLOPORTAL_TEST_ARTIFACTS/trx"
    find "$RESULTS" -name '*.trx' -exec cp {} "$DIPLOPORTAL_TEST_ARTIFACTS/trx/" \;
  fi
fi

if [[ ${#FAILED_STEPS[@]} -gt 0 ]]; then
  echo
  echo "Failed steps:"
  printf '  - %s\n' "${FAILED_STEPS[@]}"
fi

cleanup
failed=$((failed + ${#FAILED_STEPS[@]}))
summary="tests: $passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then
  summary+=", $skipped skipped"
fi
SUMMARY_PRINTED=1
echo "$summary"
if [[ $failed -gt 0 ]]; then
  exit 1
fi
