# shellcheck shell=bash
# Shared helpers for run.sh and test.sh: find or install PostgreSQL, run its
# binaries as the right user, manage a private cluster, probe ports, and run
# long commands so that Ctrl-C works. Source this file; it defines functions
# (dp_*, pg_*) and the DP_APT_UPDATED / DP_CHILD state they use, nothing else.
#
# Why the indirection: the PostgreSQL server refuses to run as root, and
# Debian keeps the server binaries off PATH (/usr/lib/postgresql/NN/bin).

# Print "error: MSG" and an optional "hint: HINT" on stderr, then exit 1.
dp_die() {
  printf 'error: %s\n' "$1" >&2
  if [[ -n ${2:-} ]]; then
    printf 'hint:  %s\n' "$2" >&2
  fi
  exit 1
}

dp_note() {
  printf '==> %s\n' "$*"
}

dp_is_root() {
  [[ $(id -u) -eq 0 ]]
}

# apt-get install, refreshing the package lists once per script run (a fresh
# machine has none). apt's chatter goes to a log shown only when it fails.
DP_APT_UPDATED=${DP_APT_UPDATED:-0}
dp_apt_install() {
  local log rc=0
  log=$(mktemp)
  {
    if [[ $DP_APT_UPDATED -eq 0 ]]; then
      apt-get update -q && DP_APT_UPDATED=1
    fi &&
      DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -q "$@"
  } >"$log" 2>&1 </dev/null || rc=$?
  if [[ $rc -ne 0 ]]; then
    tail -n 20 "$log" >&2
  fi
  rm -f "$log"
  return "$rc"
}

# Set PG_BIN to the folder holding initdb/pg_ctl/postgres: the newest
# /usr/lib/postgresql/*/bin, else wherever pg_ctl on PATH really lives.
pg_find_bindir() {
  local dir best="" ctl
  # sort -V so that 16 beats 9; a glob that matches nothing fails the -x test.
  while IFS= read -r dir; do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
      best=$dir
    fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  if [[ -z $best ]] && ctl=$(command -v pg_ctl 2>/dev/null); then
    dir=$(dirname "$(readlink -f "$ctl")")
    if [[ -x $dir/initdb ]]; then
      best=$dir
    fi
  fi
  [[ -n $best ]] || return 1
  PG_BIN=$best
}

# Make sure PG_BIN is set, installing Debian's postgresql when we are root.
pg_ensure_installed() {
  if pg_find_bindir; then
    return 0
  fi
  if ! dp_is_root; then
    dp_die "PostgreSQL server binaries (initdb, pg_ctl) were not found." \
      "install them as root: apt-get update && apt-get install -y postgresql"
  fi
  dp_note "Installing PostgreSQL (apt-get install -y postgresql)..."
  if ! dp_apt_install postgresql >/dev/null; then
    dp_die "Could not install PostgreSQL with apt-get." \
      "run: apt-get update && apt-get install -y postgresql, then try again"
  fi
  pg_find_bindir || dp_die "PostgreSQL was installed but initdb was not found under /usr/lib/postgresql." \
    "check the package: dpkg -L postgresql-common | grep bin"
}

# Set PG_OS_USER: the account that owns and runs the cluster. As root that is
# the 'postgres' system user (created when missing); otherwise ourselves.
pg_ensure_user() {
  if ! dp_is_root; then
    PG_OS_USER=$(id -un)
    return 0
  fi
  PG_OS_USER=postgres
  if ! id -u postgres >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres ||
      dp_die "Could not create the 'postgres' system user." "run: useradd --system postgres"
  fi
}

# Run a command as PG_OS_USER. From / so that a cwd the postgres user cannot
# enter (e.g. under /root) does not produce warnings or failures.
pg_as_user() {
  if dp_is_root; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# Succeed when PG_OS_USER can reach DIR: every existing folder from DIR up to /
# must be searchable by that user, or initdb/pg_ctl fail with odd errors.
pg_path_reachable() {
  local dir
  dir=$(readlink -m "$1")
  dp_is_root || return 0
  while [[ -n $dir ]]; do
    if [[ -d $dir ]] && ! runuser -u "$PG_OS_USER" -- test -x "$dir"; then
      return 1
    fi
    [[ $dir == / ]] && break
    dir=$(dirname "$dir")
  done
  return 0
}

# Make DIR (created when missing) owned by PG_OS_USER.
pg_own_dir() {
  mkdir -p "$1"
  if dp_is_root; then
    chown "$PG_OS_USER:" "$1"
  fi
}

# Succeed when something listens on 127.0.0.1:PORT.
dp_port_in_use() {
  local port=$1 rc=0
  if command -v python3 >/dev/null 2>&1; then
    # A bind probe with SO_REUSEADDR (as Kestrel and PostgreSQL use) fails only
    # on a real listener, not on connections left in TIME_WAIT.
    python3 - "$port" 2>/dev/null <<'PY' || rc=$?
import errno, socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError as e:
    sys.exit(3 if e.errno == errno.EADDRINUSE else 4)
finally:
    s.close()
PY
    case $rc in
      0) return 1 ;;
      3) return 0 ;;
    esac
  fi
  # No usable python3: a listener is what accepts a connection.
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Print a TCP port on 127.0.0.1 that nothing listens on right now.
dp_free_port() {
  local port tries
  if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null; then
      return 0
    fi
  fi
  for ((tries = 0; tries < 100; tries++)); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# pg_init_cluster DATADIR [extra initdb args...]
# Creates an empty cluster whose superuser is 'postgres', password-less (trust)
# for local connections only; the server itself listens on 127.0.0.1 only.
pg_init_cluster() {
  local datadir=$1
  shift
  pg_own_dir "$datadir"
  chmod 700 "$datadir"
  pg_as_user "$PG_BIN/initdb" -D "$datadir" -A trust -E UTF8 --locale=C.UTF-8 -U postgres "$@" >/dev/null
}

# Unix socket paths are limited to 107 bytes; fall back to a short folder.
pg_socket_dir() {
  local wanted=$1
  if (( ${#wanted} + 20 > 107 )); then
    wanted=$(mktemp -d /tmp/dp-pgsock.XXXXXX)
  fi
  pg_own_dir "$wanted"
  printf '%s\n' "$wanted"
}

# pg_start_cluster DATADIR PORT SOCKETDIR LOGFILE [extra server options...]
# Extra options are appended to the postgres command line (e.g. "-c fsync=off").
pg_start_cluster() {
  local datadir=$1 port=$2 sockdir=$3 logfile=$4
  shift 4
  local opts="-p $port -k $sockdir -c listen_addresses=127.0.0.1"
  if [[ $# -gt 0 ]]; then
    opts+=" $*"
  fi
  touch "$logfile"
  if dp_is_root; then
    chown "$PG_OS_USER:" "$logfile"
  fi
  if ! pg_as_user "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 -o "$opts" start >/dev/null; then
    printf -- '--- last lines of %s ---\n' "$logfile" >&2
    tail -n 15 "$logfile" >&2 || true
    return 1
  fi
}

# Succeed when a server is running from DATADIR.
pg_cluster_running() {
  [[ -f $1/postmaster.pid ]] && pg_as_user "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# The port a running cluster listens on (4th line of postmaster.pid).
pg_cluster_port() {
  sed -n 4p "$1/postmaster.pid"
}

# Stop the server running from DATADIR, if any; quiet and never failing, as it
# runs from traps.
pg_stop_cluster() {
  local datadir=$1
  if [[ -f $datadir/postmaster.pid ]]; then
    pg_as_user "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
}

# pg_create_database PORT NAME: create database NAME on 127.0.0.1:PORT unless
# it exists already.
pg_create_database() {
  local port=$1 name=$2 exists
  exists=$(pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -tA \
    -v ON_ERROR_STOP=1 -v name="$name" <<<"SELECT 1 FROM pg_database WHERE datname = :'name';") || return 1
  if [[ $exists != 1 ]]; then
    pg_as_user "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}

# --- Running long commands so that Ctrl-C works -------------------------------------

# dp_run CMD...: run CMD and wait for it. It runs in the background because
# bash defers traps while a foreground command runs, and ignores a Ctrl-C that
# the command handles itself (as every .NET program does): the script would go
# on to its next step. With `wait`, an INT/TERM trap runs at once and can call
# dp_stop_child. CMD's stdin is /dev/null.
DP_CHILD=""
dp_run() {
  local rc=0
  "$@" </dev/null &
  DP_CHILD=$!
  wait "$DP_CHILD" || rc=$?
  DP_CHILD=""
  return "$rc"
}

# Print the ids of PID's descendants (children first), read from /proc.
dp_descendants() {
  local child
  while read -r child; do
    [[ -n $child ]] || continue
    echo "$child"
    dp_descendants "$child"
  done < <(cat /proc/"$1"/task/*/children 2>/dev/null | tr ' ' '\n')
}

# Succeed while any of the given processes runs (zombies do not count: our
# own child stays one until `wait` reaps it).
dp_any_alive() {
  local id state
  for id in "$@"; do
    state=$(awk '{ print $3 }' "/proc/$id/stat" 2>/dev/null) || continue
    [[ -n $state && $state != Z ]] && return 0
  done
  return 1
}

# Stop the command dp_run is waiting for, with everything it started (dotnet
# format's restore, dotnet test's test host, dotnet run's app): SIGTERM first,
# which .NET answers with a graceful shutdown, SIGKILL after 10 s.
dp_stop_child() {
  local pid=$DP_CHILD i
  local -a tree
  [[ -n $pid ]] || return 0
  DP_CHILD=""
  mapfile -t tree < <(dp_descendants "$pid")
  tree+=("$pid")
  kill -TERM "${tree[@]}" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    dp_any_alive "${tree[@]}" || break
    sleep 0.1
  done
  kill -KILL "${tree[@]}" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
