#!/usr/bin/env bash
# Start DiploPortal locally: ./run.sh, then open the address it prints.
#
# Without ConnectionStrings__Portal it runs a private PostgreSQL cluster in
# .data/postgres (kept between runs; stopped again on exit), creates database
# 'diploportal' owned by role diploportal_owner, and the portal migrates it as
# that role, loads reference and demo data, and runs as role diploportal_portal
# (rows only; the audit trail read and append only). The audit chain key is
# generated once into .data/audit-chain.key.
#
# Environment:
#   DIPLOPORTAL_PORT          portal port (default 5080)
#   DIPLOPORTAL_PG_PORT       private PostgreSQL port (default 5433)
#   ConnectionStrings__Portal use this PostgreSQL instead of a private one
#   ConnectionStrings__PortalOwner  with it: the owner role's connection, for
#                             migrations and setup (else the portal's is used)
#   Portal__Audit__ChainKey   the audit chain key (default: .data/audit-chain.key)
#   Portal__Setup__LoadMme    false: do not load the Multinational Military Exercises
#                             1980-2010 on start (default true; loaded once, idempotent)
#   Portal__DataProtection__KeyEncryptionKey
#                             the key that encrypts the stored sign-in keys (default:
#                             one generated once into .data/key-encryption.key)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$REPO"
# shellcheck source=scripts/lib/postgres.sh
source "$REPO/scripts/lib/postgres.sh"

APP_PORT=${DIPLOPORTAL_PORT:-5080}
PG_PORT=${DIPLOPORTAL_PG_PORT:-5433}
PG_DATA="" # set only when this script started the cluster
PG_STARTED=0
APP_STARTED=0

cleanup() {
  local rc=$?
  # Finish the clean-up even when a second signal follows (timeout(1) signals
  # both this script and its process group; impatient users press Ctrl-C twice).
  trap '' INT TERM
  trap - EXIT
  if [[ -n $DP_CHILD && $APP_STARTED -eq 1 ]]; then
    echo "==> Stopping the portal"
  fi
  dp_stop_child
  if [[ $PG_STARTED -eq 1 ]]; then
    echo "==> Stopping PostgreSQL ($PG_DATA)"
    pg_stop_cluster "$PG_DATA"
  fi
  exit "$rc"
}

trap cleanup EXIT
trap 'trap "" INT TERM; exit 130' INT
trap 'trap "" INT TERM; exit 143' TERM

for p in "$APP_PORT" "$PG_PORT"; do
  if [[ ! $p =~ ^[0-9]+$ ]] || ((p < 1 || p > 65535)); then
    dp_die "'$p' is not a valid port number." "set DIPLOPORTAL_PORT / DIPLOPORTAL_PG_PORT to a number from 1 to 65535"
  fi
done

command -v dotnet >/dev/null 2>&1 ||
  dp_die "The .NET SDK (dotnet) was not found on PATH." \
    "install the .NET 10 SDK (see global.json for the version), then run ./run.sh again"

if dp_port_in_use "$APP_PORT"; then
  dp_die "Port $APP_PORT is already in use — stop the other process or set DIPLOPORTAL_PORT" \
    "e.g. DIPLOPORTAL_PORT=5090 ./run.sh"
fi

# --- Database -----------------------------------------------------------------

# Print "host port" from an Npgsql connection string (Host/Server, Port).
conn_host_port() {
  local host="" port="" part key value
  local IFS=';'
  for part in $1; do
    key=$(printf '%s' "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    value=${value#"${value%%[![:space:]]*}"}
    value=${value%"${value##*[![:space:]]}"}
    case $key in
      host | server) host=${value%%,*} ;;
      port) port=$value ;;
    esac
  done
  # Npgsql allows host:port.
  if [[ $host == *:* && $host != /* ]]; then
    port=${port:-${host##*:}}
    host=${host%:*}
  fi
  printf '%s %s\n' "${host:-localhost}" "${port:-5432}"
}

pg_reachable() {
  local host=$1 port=$2 tool
  if pg_find_bindir; then
    tool=$PG_BIN/pg_isready
  else
    tool=$(command -v pg_isready 2>/dev/null || true)
  fi
  if [[ -n $tool && -x $tool ]]; then
    "$tool" -q -h "$host" -p "$port" -t 5
    return
  fi
  # No client tools: a TCP connect is the best check we have.
  timeout 5 bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null
}

# pg_ensure_roles PORT DB: the owner role (owns the database and every object in
# it, runs the migrations) and the portal's role (owns nothing; granted rows by
# the portal's setup). A database made by an older run.sh belongs to postgres:
# hand it and its objects over to the owner role.
pg_ensure_roles() {
  local port=$1 db=$2
  pg_as_user "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 <<'SQL'
DO $$
DECLARE r record;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'diploportal_owner') THEN
    CREATE ROLE diploportal_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'diploportal_portal') THEN
    CREATE ROLE diploportal_portal LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  EXECUTE format('ALTER DATABASE %I OWNER TO diploportal_owner', current_database());
  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm')
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER %s %s OWNER TO diploportal_owner',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.proowner = 'postgres'::regrole
             AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO diploportal_owner', r.name);
  END LOOP;
  FOR r IN SELECT s.stxname FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
           WHERE n.nspname = 'public' AND s.stxowner = 'postgres'::regrole LOOP
    EXECUTE format('ALTER STATISTICS public.%I OWNER TO diploportal_owner', r.stxname);
  END LOOP;
END $$;
SQL
}

if [[ -n ${ConnectionStrings__Portal:-} ]]; then
  read -r EXT_HOST EXT_PORT < <(conn_host_port "$ConnectionStrings__Portal")
  dp_note "Using the PostgreSQL from ConnectionStrings__Portal ($EXT_HOST:$EXT_PORT)"
  pg_reachable "$EXT_HOST" "$EXT_PORT" ||
    dp_die "Cannot reach PostgreSQL at $EXT_HOST:$EXT_PORT (from ConnectionStrings__Portal)." \
      "start that server or fix the connection string; unset ConnectionStrings__Portal to let run.sh start its own"
  CONNECTION=$ConnectionStrings__Portal
else
  pg_ensure_installed
  pg_ensure_user

  PG_BASE=$REPO/.data
  if ! pg_path_reachable "$PG_BASE"; then
    # e.g. a checkout under /root: the postgres user cannot enter it.
    hash=$(printf '%s' "$REPO" | sha256sum | cut -c1-12)
    PG_BASE=/var/tmp/diploportal-$hash
    mkdir -p "$PG_BASE"
    chmod 755 "$PG_BASE"
    dp_note "The postgres user cannot read $REPO; keeping the database in $PG_BASE instead"
  fi
  mkdir -p "$PG_BASE"
  data=$PG_BASE/postgres
  log=$PG_BASE/postgres.log

  if [[ ! -f $data/PG_VERSION ]]; then
    if [[ -d $data && -n $(ls -A "$data" 2>/dev/null) ]]; then
      dp_die "$data exists but is not a PostgreSQL cluster." "move it away or delete it, then run ./run.sh again"
    fi
    dp_note "Creating a PostgreSQL cluster in $data"
    pg_init_cluster "$data" ||
      dp_die "initdb failed for $data." "check free disk space and permissions of $PG_BASE"
  fi
  cluster_version=$(<"$data/PG_VERSION")
  bin_version=$("$PG_BIN/pg_ctl" --version | awk '{ split($3, v, "."); print v[1] }')
  if [[ $cluster_version != "$bin_version" ]]; then
    dp_die "The cluster in $data is PostgreSQL $cluster_version but the installed server is $bin_version." \
      "install PostgreSQL $cluster_version, or delete $data to start from an empty database"
  fi

  if pg_cluster_running "$data"; then
    # Left running by another run.sh (or one that was killed): reuse it and
    # leave it to whoever started it.
    PG_PORT=$(pg_cluster_port "$data")
    dp_note "PostgreSQL is already running from $data on port $PG_PORT; using it"
  else
    if dp_port_in_use "$PG_PORT"; then
      dp_die "Port $PG_PORT (for the private PostgreSQL) is already in use." \
        "stop the other process or set DIPLOPORTAL_PG_PORT, e.g. DIPLOPORTAL_PG_PORT=5434 ./run.sh"
    fi
    sock=$(pg_socket_dir "$PG_BASE/run")
    dp_note "Starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $log)"
    PG_DATA=$data
    PG_STARTED=1
    pg_start_cluster "$data" "$PG_PORT" "$sock" "$log" ||
      dp_die "PostgreSQL did not start (see the log lines above)." "full log: $log"
  fi

  pg_create_database "$PG_PORT" diploportal ||
    dp_die "Could not create database 'diploportal' on port $PG_PORT." "see $log"
  pg_ensure_roles "$PG_PORT" diploportal ||
    dp_die "Could not set up the database roles of 'diploportal' on port $PG_PORT." "see $log"
  CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=diploportal;Username=diploportal_portal"
  OWNER_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Database=diploportal;Username=diploportal_owner"

  # The audit chain key: made once, kept beside the cluster (the chain verifies only under the key it was written with).
  key_file=$PG_BASE/audit-chain.key
  if [[ -z ${Portal__Audit__ChainKey:-} ]]; then
    if [[ ! -s $key_file ]]; then
      (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
      dp_note "Generated the audit chain key in $key_file"
    fi
    Portal__Audit__ChainKey=$(<"$key_file")
  fi
fi

# --- Portal ---------------------------------------------------------------------

# The Data Protection keys (sign-in cookies) are stored encrypted in the database;
# this key encrypts them. Generated once, kept beside the cluster, readable by us only.
if [[ -z ${Portal__DataProtection__KeyEncryptionKey:-} ]]; then
  key_file=$REPO/.data/key-encryption.key
  if [[ ! -s $key_file ]]; then
    mkdir -p "$REPO/.data"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file") ||
      dp_die "Could not write $key_file." "check the permissions of $REPO/.data"
  fi
  Portal__DataProtection__KeyEncryptionKey=$(<"$key_file")
  export Portal__DataProtection__KeyEncryptionKey
fi

dp_note "Building the portal (Release)..."
dp_run dotnet build src/DiploPortal.Web -c Release -nologo -v q ||
  dp_die "The build failed (errors above)." "fix the errors, or check that 'dotnet --info' shows the SDK from global.json"

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://localhost:$APP_PORT"
export ConnectionStrings__Portal="$CONNECTION"
if [[ -n ${OWNER_CONNECTION:-} ]]; then
  export ConnectionStrings__PortalOwner="$OWNER_CONNECTION"
fi
if [[ -n ${Portal__Audit__ChainKey:-} ]]; then
  export Portal__Audit__ChainKey
fi
export Portal__Setup__ApplyMigrations=true
export Portal__Setup__LoadReferenceData=true
export Portal__Setup__LoadMme=${Portal__Setup__LoadMme:-true}
export Portal__Setup__DemoData=true
export Portal__Setup__DemoAccounts=true

echo
echo "DiploPortal: http://localhost:$APP_PORT   (Ctrl-C stops it)"
echo

# In the background (dp_run) so that Ctrl-C reaches the trap at once.
app_rc=0
APP_STARTED=1
dp_run dotnet run --no-build -c Release --project src/DiploPortal.Web --no-launch-profile || app_rc=$?
if [[ $app_rc -ne 0 ]]; then
  dp_die "The portal stopped with exit code $app_rc (its log is above)." \
    "a database error at start-up usually means a migration problem; check the first error line"
fi
