#!/usr/bin/env bash
# A production-like Spotlight cluster on one machine, in one command: a private PostgreSQL server, the
# schema, two silo processes and the API as their Orleans client (postgres mode). Ctrl-C stops it all.
# Run `silo/local-cluster.sh --help` for the options.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: silo/local-cluster.sh [options]

Starts a private PostgreSQL server (initdb + pg_ctl, 127.0.0.1, a free port, a temporary directory),
builds the silo and the API, applies the schema (migrate), starts two silos and the API in postgres mode,
waits until all three are ready and prints where everything is. Ctrl-C (SIGINT) or SIGTERM stops the
API, the silos (gracefully) and PostgreSQL, and removes the temporary directory.

Options (environment variable in brackets):
  --api-port PORT     the API's HTTP port, default 5000 [SPOTLIGHT_API_PORT]
  --keep              keep the run directory (data, logs) after stopping [SPOTLIGHT_KEEP=1]
  --no-build          use the existing build output instead of running dotnet build first
  -c, --configuration NAME
                      build configuration, default Debug [SPOTLIGHT_CONFIGURATION]
  --start-timeout SECONDS
                      how long the silos and the API may take to become ready, default 300
                      [SPOTLIGHT_START_TIMEOUT]
  -h, --help          this text

Every other port (PostgreSQL, silo, gateway, health) is a free one. The run directory is created under
$TMPDIR (or /tmp).
EOF
}

fail() {
    echo "local-cluster: $*" >&2
    exit 1
}

say() {
    echo "==> $*"
}

# A script started in the background by a non-interactive shell (CI, a test runner, `cmd &` in a script)
# inherits SIGINT ignored, and bash cannot trap a signal that was ignored when it started: SIGINT would
# not stop the cluster. Start again with SIGINT's default handling, which the trap below then replaces.
sigint_ignored() {
    local mask
    mask="$(awk '/^SigIgn:/ { print $2 }' "/proc/$$/status" 2>/dev/null)" || return 1
    [[ -n "$mask" ]] && (((16#$mask >> 1) & 1))
}
if [[ -z "${SPOTLIGHT_LOCAL_CLUSTER_SIGINT_RESET:-}" ]] && sigint_ignored && env --default-signal=INT true 2>/dev/null; then
    export SPOTLIGHT_LOCAL_CLUSTER_SIGINT_RESET=1
    exec env --default-signal=INT bash "${BASH_SOURCE[0]}" "$@"
fi

# ---------------------------------------------------------------------------------------------- options
api_port="${SPOTLIGHT_API_PORT:-5000}"
keep="${SPOTLIGHT_KEEP:-0}"
build=1
configuration="${SPOTLIGHT_CONFIGURATION:-Debug}"
start_timeout="${SPOTLIGHT_START_TIMEOUT:-300}"

while (($# > 0)); do
    case "$1" in
        --api-port) api_port="${2:?--api-port needs a port}"; shift 2 ;;
        --api-port=*) api_port="${1#*=}"; shift ;;
        --keep) keep=1; shift ;;
        --no-build) build=0; shift ;;
        -c | --configuration) configuration="${2:?--configuration needs a name}"; shift 2 ;;
        --configuration=*) configuration="${1#*=}"; shift ;;
        --start-timeout) start_timeout="${2:?--start-timeout needs seconds}"; shift 2 ;;
        --start-timeout=*) start_timeout="${1#*=}"; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "local-cluster: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

if ! [[ "$api_port" =~ ^[0-9]+$ ]] || ((api_port < 1 || api_port > 65535)); then
    echo "local-cluster: --api-port must be a TCP port, not '$api_port'" >&2
    exit 2
fi
[[ "$start_timeout" =~ ^[0-9]+$ ]] || { echo "local-cluster: --start-timeout must be whole seconds, not '$start_timeout'" >&2; exit 2; }
if [[ "$keep" == 1 || "$keep" == true ]]; then keep=1; else keep=0; fi

# ----------------------------------------------------------------------------------------- prerequisites
# wait -n -p (which child exited) needs bash 5.1.
if ((BASH_VERSINFO[0] < 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] < 1))); then
    fail "needs bash 5.1 or newer (this is $BASH_VERSION)."
fi

for tool in dotnet curl setsid; do
    command -v "$tool" >/dev/null || fail "'$tool' is not installed."
done

# Debian keeps each major version's server binaries apart, off the PATH; take the newest, else the PATH's.
find_postgres_bin() {
    local dir
    while read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return 0
        fi
    done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -t/ -k5,5nr)
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        # Resolved, since a PATH may hold links to a few of the binaries only (initdb, pg_ctl, not createdb).
        dirname "$(readlink -f "$(command -v initdb)")"
        return 0
    fi
    return 1
}

pg_bin="$(find_postgres_bin)" ||
    fail "no PostgreSQL server binaries (initdb, pg_ctl) found in /usr/lib/postgresql/*/bin or on the PATH. Install them: apt-get install postgresql"
[[ -x "$pg_bin/createdb" ]] || fail "$pg_bin has initdb but no createdb. Install the PostgreSQL client too: apt-get install postgresql"

running_as_root=0
if ((EUID == 0)); then
    # initdb refuses to run as root, so the server runs as `postgres` (the Debian package creates that user).
    running_as_root=1
    id -u postgres >/dev/null 2>&1 || fail "running as root needs a 'postgres' user to run the server as (apt-get install postgresql creates it)."
fi

# The prefix that runs a server command as the user the server runs as.
as_postgres_prefix=()
if ((running_as_root)); then as_postgres_prefix=(runuser -u postgres --); fi

as_postgres() {
    "${as_postgres_prefix[@]}" "$@"
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
silo_dll="$root/silo/bin/$configuration/net10.0/Spotlight.Silo.dll"
api_dll="$root/client-api/bin/$configuration/net10.0/Spotlight.ClientApi.dll"

# ----------------------------------------------------------------------------------------------- ports
port_in_use() {
    local port="$1"
    if command -v ss >/dev/null; then
        [[ -n "$(ss -Htln "sport = :$port")" ]]
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

chosen_ports=()

# Sets the named variable to a free port, below Linux's ephemeral range (32768-60999) where the OS picks
# the local ports of outgoing connections, so that no client connection takes it before its server binds it.
take_free_port() {
    local -n into="$1"
    local port attempt
    for ((attempt = 0; attempt < 1000; attempt++)); do
        port=$((20000 + RANDOM % 12000))
        if [[ " ${chosen_ports[*]} " != *" $port "* ]] && ! port_in_use "$port"; then
            chosen_ports+=("$port")
            # shellcheck disable=SC2034 # A reference to the caller's variable.
            into="$port"
            return 0
        fi
    done
    fail "no free TCP port between 20000 and 32000 after 1000 tries."
}

if port_in_use "$api_port"; then
    fail "the API port $api_port is already in use (another Spotlight, perhaps: dotnet run --project client-api listens on 5000). Stop it, or choose another port with --api-port PORT."
fi
chosen_ports+=("$api_port")

# --------------------------------------------------------------------------------------- process helpers
run_dir=""
pg_data=""
pg_pid=""
step_pid=""
api_pid=""
silo_pids=()
pg_watch_pid=""
declare -A process_names=()
declare -A process_logs=()
stopped=0

# Alive means running: a child that exited but is not yet reaped (a zombie) counts as gone.
alive() {
    local pid="$1" stat
    [[ -n "$pid" && -r "/proc/$pid/stat" ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat%% *}" != Z ]]
}

# Runs a command in its own session (so a terminal's Ctrl-C reaches only this script, which stops things in
# order) with its output in a log file; sets started_pid.
start_process() {
    local name="$1" log="$2" dir="$3"
    shift 3
    (cd "$dir" && exec setsid "$@") >"$log" 2>&1 </dev/null &
    started_pid=$!
    process_names[$started_pid]="$name"
    process_logs[$started_pid]="$log"
}

print_log_tail() {
    local log="$1"
    if [[ -s "$log" ]]; then
        echo "----- last lines of $log -----" >&2
        tail -n 40 "$log" >&2
        echo "-----" >&2
    fi
}

# A step that must finish (build, initdb, migrate): runs in the background so that a signal is handled at
# once. On failure it shows the step's log, and another one named with --also-show (the server's own log).
run_step() {
    local also_show=""
    if [[ "$1" == --also-show ]]; then
        also_show="$2"
        shift 2
    fi
    local name="$1" log="$2" dir="$3" status=0
    shift 3
    start_process "$name" "$log" "$dir" "$@"
    step_pid=$started_pid
    wait "$step_pid" || status=$?
    step_pid=""
    if ((status != 0)); then
        print_log_tail "$log"
        [[ -z "$also_show" ]] || print_log_tail "$also_show"
        fail "$name failed (exit code $status); the end of its log is above."
    fi
}

# shellcheck disable=SC2317 # Reached through cleanup, which only the EXIT trap calls.
# SIGTERM, then SIGKILL (the whole session) for whatever is still running after the deadline.
stop_processes() {
    local deadline_seconds="$1" pid
    shift
    local pids=()
    for pid in "$@"; do
        [[ -n "$pid" ]] && alive "$pid" && pids+=("$pid") && kill -TERM "$pid" 2>/dev/null
    done
    local deadline=$((SECONDS + deadline_seconds)) running
    while :; do
        running=()
        for pid in "${pids[@]}"; do
            alive "$pid" && running+=("$pid")
        done
        ((${#running[@]} == 0 || SECONDS >= deadline)) && break
        sleep 0.2
    done
    for pid in "${running[@]}"; do
        echo "local-cluster: ${process_names[$pid]:-process $pid} did not stop within ${deadline_seconds} s; killing it." >&2
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    done
    for pid in "$@"; do
        [[ -n "$pid" ]] || continue
        # Anything the process started in its session goes with it.
        kill -KILL -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}

# shellcheck disable=SC2317 # Reached through cleanup, which only the EXIT trap calls.
stop_postgres() {
    # Interrupted while it started, the server may be up before this script read its pid.
    if [[ -z "$pg_pid" && -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
        pg_pid="$(head -n 1 "$pg_data/postmaster.pid")"
    fi
    alive "$pg_pid" || return 0
    if ! as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null 2>&1; then
        echo "local-cluster: PostgreSQL did not stop within 60 s; stopping it immediately." >&2
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if alive "$pg_pid"; then
        kill -KILL "$pg_pid" 2>/dev/null || true
    fi
}

# Runs once, on any exit: the API first (a client), then the silos (each leaves the cluster gracefully;
# Spotlight's own shutdown timeout is 30 s), then PostgreSQL, then the run directory.
# shellcheck disable=SC2317 # Called by the EXIT trap.
cleanup() {
    local status=$?
    set +e
    trap '' INT TERM HUP
    ((stopped)) && return
    stopped=1
    if ((${#silo_pids[@]} > 0)); then
        say "Stopping (the silos leave the cluster gracefully; up to a minute)..."
    elif [[ -n "$step_pid$pg_pid" ]]; then
        say "Stopping..."
    fi
    stop_processes 60 "$step_pid"
    stop_processes 30 "$api_pid"
    # A silo leaving gracefully marks itself Dead in PostgreSQL; without the server it would wait in vain.
    local silo_deadline=60
    if [[ -n "$pg_pid" ]] && ! alive "$pg_pid"; then
        silo_deadline=10
    fi
    stop_processes "$silo_deadline" "${silo_pids[@]}"
    stop_processes 5 "$pg_watch_pid"
    stop_postgres
    if [[ -n "$run_dir" ]]; then
        if ((keep)); then
            say "Kept the run directory: $run_dir"
        else
            rm -rf "$run_dir"
        fi
    fi
    say "Stopped."
    exit "$status"
}

trap cleanup EXIT
# A requested stop is a success: exit 0, and the EXIT trap stops everything.
trap 'echo; exit 0' INT TERM HUP

# Reports a child that exited (or PostgreSQL going away) and fails, which stops the rest.
report_exit() {
    local pid="$1" status="$2"
    local name="${process_names[$pid]:-process $pid}"
    if [[ "$pid" == "$pg_watch_pid" ]]; then
        print_log_tail "$run_dir/logs/postgres.log"
        fail "PostgreSQL (pid $pg_pid) exited unexpectedly; the end of its log is above."
    fi
    print_log_tail "${process_logs[$pid]}"
    fail "$name (pid $pid) exited unexpectedly with exit code $status; the end of its log is above."
}

check_children() {
    local pid status
    for pid in "$api_pid" "${silo_pids[@]}" "$pg_watch_pid"; do
        if [[ -n "$pid" ]] && ! alive "$pid"; then
            status=0
            wait "$pid" || status=$?
            report_exit "$pid" "$status"
        fi
    done
}

# --------------------------------------------------------------------------------------------- the run
run_dir="$(mktemp -d "${TMPDIR:-/tmp}/spotlight-cluster.XXXXXX")"
logs="$run_dir/logs"
mkdir -p "$logs"
pg_dir="$run_dir/postgres"
pg_data="$pg_dir/data"
mkdir -p "$pg_dir"
touch "$logs/postgres.log"
if ((running_as_root)); then
    # The server runs as `postgres`: it owns its folder and log, and may pass through the run directory.
    chmod 0711 "$run_dir"
    chown -R postgres:postgres "$pg_dir" "$logs/postgres.log"
    as_postgres test -w "$pg_dir" ||
        fail "the 'postgres' user cannot write to $pg_dir (is ${TMPDIR:-/tmp} closed to other users? set TMPDIR to a directory it can reach)."
fi
say "Run directory: $run_dir (logs in $logs)"


if ((build)); then
    # Built once, here, so that the processes below start from one finished build instead of racing
    # each other's `dotnet run` builds. No build servers: nothing of this run outlives it.
    say "Building the API and the silo ($configuration; logs: $logs/build-*.log)..."
    for project in client-api/Spotlight.ClientApi.csproj silo/Spotlight.Silo.csproj; do
        run_step "dotnet build $project" "$logs/build-$(basename "$(dirname "$project")").log" "$root" \
            dotnet build "$project" -c "$configuration" --disable-build-servers -nologo -v minimal
    done
fi
for dll in "$silo_dll" "$api_dll"; do
    [[ -f "$dll" ]] || fail "$dll is missing; build first (or run without --no-build)."
done

pg_port=""
take_free_port pg_port
say "Starting PostgreSQL on 127.0.0.1:$pg_port ($pg_bin)..."
run_step "initdb" "$logs/initdb.log" "$run_dir" \
    "${as_postgres_prefix[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync
# Trust authentication is fine for a throwaway server that listens on loopback only; its Unix socket is in
# its own folder, not in the system's /var/run/postgresql.
run_step --also-show "$logs/postgres.log" "pg_ctl start" "$logs/pg_ctl.log" "$run_dir" \
    "${as_postgres_prefix[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$logs/postgres.log" -w -t 120 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start
pg_pid="$(head -n 1 "$pg_data/postmaster.pid")"
# The postmaster is not this script's child; a watcher that is turns its exit into one `wait -n` sees.
start_process "PostgreSQL" /dev/null "$run_dir" tail --pid="$pg_pid" -f /dev/null
pg_watch_pid=$started_pid
run_step "createdb" "$logs/createdb.log" "$run_dir" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres spotlight
connection_string="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=spotlight"

# Settings every process shares (README: "Running a cluster on PostgreSQL by hand"). The cluster id is
# this run's own, so nothing here ever joins another system's silos, whatever their ports.
cluster_id="local-$(date +%Y%m%d%H%M%S)-$$"
export Spotlight__Mode=postgres
export Spotlight__Postgres__ConnectionString="$connection_string"
export Spotlight__Cluster__ClusterId="$cluster_id"
export Spotlight__Cluster__AdvertisedAddress=127.0.0.1
export Spotlight__Dashboard=true
# Development: the dev token route and the interactive API page, as in embedded mode.
export DOTNET_ENVIRONMENT=Development
export ASPNETCORE_ENVIRONMENT=Development
export Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff "
# As the API's appsettings have it: Polly logs every placement attempt at Information.
export Logging__LogLevel__Polly=Warning

say "Applying the schema (migrate)..."
run_step "migrate" "$logs/migrate.log" "$(dirname "$silo_dll")" dotnet "$silo_dll" migrate

silo_ports=()
gateway_ports=()
health_ports=()
for n in 1 2; do
    i=$((n - 1))
    take_free_port "silo_ports[$i]"
    take_free_port "gateway_ports[$i]"
    take_free_port "health_ports[$i]"
    start_process "silo-$n" "$logs/silo-$n.log" "$(dirname "$silo_dll")" dotnet "$silo_dll" \
        "--Spotlight:Cluster:SiloName=silo-$n" \
        "--Spotlight:Cluster:SiloPort=${silo_ports[$i]}" \
        "--Spotlight:Cluster:GatewayPort=${gateway_ports[$i]}" \
        "--Spotlight:Cluster:HealthPort=${health_ports[$i]}"
    silo_pids+=("$started_pid")
done
say "Started silo-1 (pid ${silo_pids[0]}) and silo-2 (pid ${silo_pids[1]})."

# Loopback only: in Development the API mints tokens for anyone who asks.
api_url="http://localhost:$api_port"
start_process "api" "$logs/api.log" "$(dirname "$api_dll")" dotnet "$api_dll" --urls "$api_url"
api_pid=$started_pid
say "Started the API (pid $api_pid); waiting for the silos and the API to be ready (up to $start_timeout s)..."

deadline=$((SECONDS + start_timeout))
for url in "http://127.0.0.1:${health_ports[0]}/readyz" "http://127.0.0.1:${health_ports[1]}/readyz" "$api_url/readyz"; do
    until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
        check_children
        if ((SECONDS >= deadline)); then
            fail "$url did not answer 200 within $start_timeout s (the logs are in $logs; a slow machine may need --start-timeout)."
        fi
        sleep 0.5
    done
done

if ((keep)); then
    run_dir_fate="kept after stopping"
else
    run_dir_fate="removed after stopping; --keep keeps it"
fi
cat <<EOF

Spotlight is running in postgres mode: two silos and the API as their client (cluster id $cluster_id).
  API:               $api_url
  Web pages:         $api_url/
  API reference:     $api_url/scalar/v1
  Orleans dashboard: $api_url/dashboard/
  PostgreSQL:        $connection_string
                     psql -h 127.0.0.1 -p $pg_port -U postgres spotlight
  silo-1 health:     http://127.0.0.1:${health_ports[0]}/readyz (silo port ${silo_ports[0]}, gateway port ${gateway_ports[0]})
  silo-2 health:     http://127.0.0.1:${health_ports[1]}/readyz (silo port ${silo_ports[1]}, gateway port ${gateway_ports[1]})
  Processes:         api $api_pid, silo-1 ${silo_pids[0]}, silo-2 ${silo_pids[1]}, postgres $pg_pid
  Logs:              $logs (api.log, silo-1.log, silo-2.log, postgres.log, migrate.log, build-*.log)
  Run directory:     $run_dir ($run_dir_fate)
Press Ctrl-C to stop everything.
EOF

# Until a signal (the trap exits 0 and everything stops) or a child's unexpected exit (exit 1).
exited_pid=""
status=0
wait -n -p exited_pid "$api_pid" "${silo_pids[@]}" "$pg_watch_pid" || status=$?
report_exit "$exited_pid" "$status"
