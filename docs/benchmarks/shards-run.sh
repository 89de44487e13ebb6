#!/bin/bash
# One load run per argument (1 or 2 engagement shards), postgres mode, fixed rate; per-process CPU, and per
# PostgreSQL server WAL bytes, commits and rows written (pg_stat_database, pg_stat_wal) over the sending phase.
set -u
# Settings (environment): ROOT the repository (default: two folders up from this script, Release-built),
# BENCH_DIR (absolute) where the two servers' data, logs and each run's figures go (default: a new temporary folder),
# PGBIN the PostgreSQL server binaries (default: the newest under /usr/lib/postgresql), RATE events/s.
cd "${ROOT:-$(dirname "$0")/../..}"
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
OUT=${BENCH_DIR:-$(mktemp -d)}
chmod 755 "$OUT"
RATE=${RATE:-40000}
start_server() { # data dir, port
  if [ ! -d $1 ]; then mkdir -p $1; chown postgres:postgres $1; runuser -u postgres -- $PGBIN/initdb -D $1 -U postgres --auth=trust -E UTF8 >/dev/null; fi
  runuser -u postgres -- $PGBIN/pg_ctl -D $1 stop -m fast >/dev/null 2>&1
  runuser -u postgres -- $PGBIN/pg_ctl -D $1 -l $1.log -o "-p $2 -c shared_buffers=1GB -c max_connections=300 -k $OUT -c shared_preload_libraries=pg_stat_statements -c max_wal_size=4GB" start -w >/dev/null
}
start_server $OUT/pgdata 55432
start_server $OUT/pgdata2 55433
export Logging__LogLevel__Default=Warning Spotlight__Dashboard=false \
  Spotlight__RateLimits__PerSecond=100000 Spotlight__RateLimits__Burst=100000 \
  Spotlight__RateLimits__IngestPerSecond=100000 Spotlight__RateLimits__IngestBurst=100000 MALLOC_ARENA_MAX=2
ticks() { local t=0; for f in "$@"; do t=$((t + $(awk '{print $14+$15}' /proc/$f/stat 2>/dev/null || echo 0))); done; echo $t; }
# A server's CPU: its live processes, and separately what its postmaster reaped from exited ones (cutime+cstime);
# the machine's busy ticks (/proc/stat) as a check on both.
server_live() { local pm=$(head -1 $1/postmaster.pid); echo $(( $(ticks $pm $(pgrep -P $pm)) )); }
server_reaped() { local pm=$(head -1 $1/postmaster.pid); awk '{print $16+$17}' /proc/$pm/stat; }
machine() { awk '/^cpu /{print $2+$3+$4+$7+$8}' /proc/stat; }
cpu() { echo "$(ticks $SILO_PID) $(ticks $API_PID) $(ticks $(pgrep -f Spotlight.LoadTest.dll)) $(server_live $OUT/pgdata) $(server_reaped $OUT/pgdata) $(server_live $OUT/pgdata2) $(server_reaped $OUT/pgdata2) $(machine)"; }
stats() { # port db -> wal_bytes commits inserted updated deleted
  psql -h 127.0.0.1 -p $1 -U postgres -d $2 -qAtF' ' -c "SELECT (SELECT wal_bytes FROM pg_stat_wal), xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = current_database()"
}
for shards in "$@"; do
  db=bench_$(date +%H%M%S)
  for port in 55432 55433; do
    runuser -u postgres -- $PGBIN/createdb -h 127.0.0.1 -p $port $db
    psql -h 127.0.0.1 -p $port -U postgres -d $db -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  done
  export Spotlight__Mode=postgres
  export Spotlight__Postgres__ConnectionString="Host=127.0.0.1;Port=55432;Username=postgres;Database=$db;Maximum Pool Size=100"
  unset Spotlight__Postgres__EngagementShards__0 Spotlight__Postgres__EngagementShards__1
  if [ "$shards" = 2 ]; then
    export Spotlight__Postgres__EngagementShards__0="$Spotlight__Postgres__ConnectionString"
    export Spotlight__Postgres__EngagementShards__1="Host=127.0.0.1;Port=55433;Username=postgres;Database=$db;Maximum Pool Size=100"
  fi
  (cd silo/bin/Release/net10.0 && DOTNET_ENVIRONMENT=Production exec dotnet Spotlight.Silo.dll > $OUT/silo-$db.log 2>&1) &
  SILO=$!
  (cd client-api/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Development exec dotnet Spotlight.ClientApi.dll --urls http://127.0.0.1:5080 > $OUT/api-$db.log 2>&1) &
  API=$!
  for i in $(seq 120); do curl -sf http://127.0.0.1:5080/readyz >/dev/null && break; sleep 1; done
  SILO_PID=$(pgrep -f Spotlight.Silo.dll | head -1); API_PID=$(pgrep -f Spotlight.ClientApi.dll | head -1)
  echo "=== $(date +%H:%M:%S) shards=$shards db=$db rate=$RATE"
  dotnet loadtest/bin/Release/net10.0/Spotlight.LoadTest.dll --target http://127.0.0.1:5080 --duration 60 --verify-seconds 180 \
    --alert-titles 5 --alert-rules 100 --rate $RATE --out $OUT/out-$shards-$db 2>&1 | grep --line-buffered -vE "^t=|tracks cleared|videos registered" | while IFS= read -r line; do
      echo "$line"
      case "$line" in
        *"Sending for"*) psql -h 127.0.0.1 -p 55432 -U postgres -d $db -qc "CHECKPOINT" ; psql -h 127.0.0.1 -p 55433 -U postgres -d $db -qc "CHECKPOINT"
           { cpu; date +%s.%N; stats 55432 $db; stats 55433 $db; } > $OUT/s0-$db ;;
        *"Applied to the end"*) { cpu; date +%s.%N; stats 55432 $db; stats 55433 $db; } > $OUT/s1-$db ;;
      esac
    done
  echo "start/end (cpu ticks silo api loadgen pg1-live pg1-reaped pg2-live pg2-reaped machine; time; per server: wal_bytes commits ins upd del):"; cat $OUT/s0-$db $OUT/s1-$db
  kill $API $SILO; wait $API $SILO 2>/dev/null
  for port in 55432 55433; do runuser -u postgres -- $PGBIN/dropdb -h 127.0.0.1 -p $port $db; done
done
for d in $OUT/pgdata $OUT/pgdata2; do runuser -u postgres -- $PGBIN/pg_ctl -D $d stop -m fast >/dev/null; done
