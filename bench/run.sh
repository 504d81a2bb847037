#!/usr/bin/env bash
# ClusterAtlas at national scale: generates synthetic registries (atlas generate), loads them with `atlas import` and
# with the engine's own bulk load, times search in-process against the bare index query, loads the web app with wrk,
# and prints one table of ratios against the goals (docs: bench/README.md). Results: bench/results/<date>-<engine>.{md,json,svg}.
#
# Usage: bench/run.sh [--smoke] [--scales 10000,100000,1000000] [--engines sqlite,postgres] [--duration SECONDS]
#                     [--runs N] [--work DIR (default bench/work)] [--results DIR] [--no-build] [--no-uncached]
#   --smoke     a tiny scale (500 projects), SQLite only, 1-second wrk runs: checks that everything works (< 1 min once built).
# Environment: BENCH_SCALES, BENCH_ENGINES, BENCH_DURATION, BENCH_RUNS, BENCH_WORK, BENCH_PORT, BENCH_PG_PORT.
# Installs sqlite3, wrk (and postgresql for the PostgreSQL engine) with apt-get when missing. wrk targets 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scales=${BENCH_SCALES:-10000,100000,1000000}
engines=${BENCH_ENGINES:-sqlite,postgres}
duration=${BENCH_DURATION:-10}
runs=${BENCH_RUNS:-20}
work=${BENCH_WORK:-$root/bench/work}
results=""
build=1
uncached=1
smoke=0
while [ $# -gt 0 ]; do
  case $1 in
    --smoke) smoke=1; scales=500; engines=${BENCH_ENGINES:-sqlite}; duration=1; runs=3; uncached=0 ;;
    --scales) scales=$2; shift ;;
    --engines) engines=$2; shift ;;
    --duration) duration=$2; shift ;;
    --runs) runs=$2; shift ;;
    --work) work=$2; shift ;;
    --results) results=$2; shift ;;
    --no-build) build=0 ;;
    --no-uncached) uncached=0 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)"; exit 2 ;;
  esac
  shift
done
[ -n "$results" ] || { [ $smoke = 1 ] && results=$work/results || results=$root/bench/results; }
mkdir -p "$work" "$results"
out=$work/out
rm -rf "$out"; mkdir -p "$out"

log() { printf '== %s\n' "$*" >&2; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(now)"; }

apt_install() {
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
[ -x /usr/bin/time ] || need+=(time)
case ",$engines," in *,postgres,*) ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql) ;; esac
if [ ${#need[@]} -gt 0 ]; then log "installing ${need[*]} (apt-get)"; apt_install "${need[@]}"; fi
command -v python3 >/dev/null || { echo "python3 is required (for the report)"; exit 1; }

if [ $build = 1 ]; then
  log "building (Release)"
  dotnet build ClusterAtlas.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
fi
atlas_dll=$root/src/ClusterAtlas.Cli/bin/Release/net10.0/atlas.dll
atlas() { dotnet "$atlas_dll" "$@"; }
# atlas import under /usr/bin/time: its peak RSS shows whether memory grows with the dump (it should not: streaming).
timed_import() { /usr/bin/time -f %M -o "$dir/import.rss" dotnet "$atlas_dll" "$@"; }
harness() { dotnet "$root/bench/ClusterAtlas.Bench/bin/Release/net10.0/ClusterAtlas.Bench.dll" "$@"; }
webdir=$root/src/ClusterAtlas.Web/bin/Release/net10.0
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=${BENCH_PORT:-$(free_port)}

# --- a private PostgreSQL server, as test.sh starts one (stopped on exit) ---
pg_started=0
start_postgres() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=${BENCH_PG_PORT:-$(free_port)}
  PGDATA=$(mktemp -d "$work/pg.XXXXXX")
  as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && su postgres -s /bin/bash -c "$*"); else bash -c "$*"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
  # A UTF-8 ctype is required: with LC_CTYPE=C pg_trgm extracts no trigrams from Japanese.
  as_pg "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
  as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_wal_size=4GB'" start >/dev/null
  pg_started=1
  log "PostgreSQL on 127.0.0.1:$PGPORT"
}
web_pid=""
cleanup() {
  [ -z "$web_pid" ] || kill "$web_pid" 2>/dev/null || true
  if [ $pg_started = 1 ]; then as_pg "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true; rm -rf "$PGDATA"; fi
}
trap cleanup EXIT

pg_cs() { echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$1;Timeout=60;Command Timeout=0"; }
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

# The engine's own bulk load of the dump's CSV files into an empty schema (same tables and indexes), parents first.
# sqlite3's .import maps CSV columns by position, so the files are first rewritten in each table's column order
# (untimed, once per scale); psql's \copy takes the column list from the header as it is.
bulk_script() { # engine dump schema-db
  python3 - "$@" <<'PY'
import csv, json, os, sqlite3, sys
csv.field_size_limit(1 << 30)
engine, dump = sys.argv[1], sys.argv[2]
files = json.load(open(os.path.join(dump, "manifest.json")))["files"]
for f in files:
    path = os.path.join(dump, f["file"])
    if engine == "sqlite":
        ordered = os.path.join(dump + "-sqlite-order", f["file"])
        if not os.path.exists(ordered):
            os.makedirs(os.path.dirname(ordered), exist_ok=True)
            columns = [row[1] for row in sqlite3.connect(sys.argv[3]).execute(f'PRAGMA table_info("{f["table"]}")')]
            with open(path, newline="", encoding="utf-8") as src, open(ordered + ".tmp", "w", newline="", encoding="utf-8") as dst:
                reader, writer = csv.reader(src), csv.writer(dst, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
                header = next(reader)
                index = [header.index(c) for c in columns]
                writer.writerow(columns)
                for row in reader:
                    writer.writerow([row[i] for i in index])
            os.replace(ordered + ".tmp", ordered)
        print(f'.import --csv --skip 1 "{ordered}" "{f["table"]}"')
    else:
        header = open(path, encoding="utf-8").readline().strip()
        print(f'\\copy "{f["table"]}"({header}) FROM \'{path}\' WITH (FORMAT csv, HEADER true)')
PY
}

measure_import() { # engine scale dump dir
  local engine=$1 n=$2 dump=$3 dir=$4 t atlas_s raw_s
  if [ "$engine" = sqlite ]; then
    local db=$work/sqlite-$n.db raw=$work/sqlite-raw-$n.db
    rm -f "$db"* "$raw"*
    atlas --provider Sqlite --connection "Data Source=$raw" db migrate >/dev/null
    atlas --provider Sqlite --connection "Data Source=$db" db migrate >/dev/null
    bulk_script sqlite "$dump" "$raw" > "$dir/bulk.sql"
    log "sqlite3 .import of $n projects"
    t=$(now); sqlite3 -bail "$raw" < "$dir/bulk.sql"; raw_s=$(since "$t")
    log "atlas import of $n projects"
    t=$(now); timed_import --provider Sqlite --connection "Data Source=$db" import "$dump" > "$dir/import.log" 2>&1; atlas_s=$(since "$t")
    rm -f "$raw"*
    cs="Data Source=$db"; provider=Sqlite
  else
    psql_ -d postgres -c "DROP DATABASE IF EXISTS atlas_$n WITH (FORCE)" -c "DROP DATABASE IF EXISTS raw_$n WITH (FORCE)"
    atlas --provider Postgres --connection "$(pg_cs raw_$n)" db migrate >/dev/null 2>&1
    atlas --provider Postgres --connection "$(pg_cs atlas_$n)" db migrate >/dev/null 2>&1
    bulk_script postgres "$dump" > "$dir/bulk.sql"
    log "psql \\copy of $n projects"
    t=$(now); psql_ -d "raw_$n" -1 -f "$dir/bulk.sql"; raw_s=$(since "$t")
    log "atlas import of $n projects"
    t=$(now); timed_import --provider Postgres --connection "$(pg_cs atlas_$n)" import "$dump" > "$dir/import.log" 2>&1; atlas_s=$(since "$t")
    psql_ -d postgres -c "DROP DATABASE raw_$n WITH (FORCE)"
    cs=$(pg_cs "atlas_$n"); provider=Postgres
  fi
  local rows; rows=$(python3 -c "import json,sys; print(sum(f['rows'] for f in json.load(open(sys.argv[1]))['files']))" "$dump/manifest.json")
  printf '{"rows": %s, "atlasSeconds": %s, "rawSeconds": %s, "atlasPeakRssKb": %s}\n' "$rows" "$atlas_s" "$raw_s" "$(tail -1 "$dir/import.rss")" > "$dir/import.json"
}

start_web() { # provider cs caching-enabled
  local t; t=$(now)
  # From the project folder, the content root of a `dotnet run` (wwwroot, data links), with the Release build.
  (cd "$root/src/ClusterAtlas.Web" && ASPNETCORE_ENVIRONMENT=Production Database__Provider=$1 ConnectionStrings__Atlas="$2" Database__Seed=false \
    Caching__Enabled=$3 RateLimits__ApiPerMinute=0 Logging__LogLevel__Default=Warning exec dotnet "$webdir/ClusterAtlas.Web.dll" --urls "http://127.0.0.1:$port") > "$dir/web-$3.log" 2>&1 &
  web_pid=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/regions/rg-00001" || true)" = 200 ] && break
    kill -0 "$web_pid" 2>/dev/null || { echo "the web app stopped; see $dir/web-$3.log"; exit 1; }
    sleep 0.1
  done
  cold=$(since "$t")
}

stop_web() { kill "$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; web_pid=""; }

run_wrk() { # name path-format count access(uniform|zipf)
  local name=$1
  BENCH_PATH=$2 BENCH_COUNT=$3 BENCH_ACCESS=$4 wrk -t2 -c16 -d1s -s bench/wrk/rotate.lua "http://127.0.0.1:$port" >/dev/null # warm-up
  BENCH_PATH=$2 BENCH_COUNT=$3 BENCH_ACCESS=$4 wrk -t2 -c16 -d"${duration}s" --latency -s bench/wrk/rotate.lua "http://127.0.0.1:$port" > "$dir/wrk-$name.txt"
}

# One request for every region (4 at a time, as wrk's headers), before the cached runs measure a running portal's steady
# state: at 1M projects the 3,333 regions are otherwise mostly first requests within a 10-second run. Seconds are reported.
fill_cache() { # name path-format count
  local t; t=$(now)
  seq 1 "$3" | awk -v f="http://127.0.0.1:$port$2" '{ printf f "\n", $1 }' \
    | xargs -P4 -n50 curl -s -H 'Accept-Encoding: gzip, deflate, br, zstd' > /dev/null
  printf '{"seconds": %s, "requests": %s}\n' "$(since "$t")" "$3" > "$dir/fill-$1.json"
}

# As configured (response cache on, filled by one request per region), regions drawn by popularity (Zipf): the goal
# lines. Without the cache, every region in turn: what a request costs when nothing helps (reported).
measure_web() { # provider cs regions suffix caching access
  local regions=$3 suffix=$4 access=$6
  start_web "$1" "$2" "$5"
  [ -n "$suffix" ] || fill_cache api "/api/v1/regions/%d" "$regions"
  [ -n "$suffix" ] || fill_cache page "/regions/rg-%05d" "$regions"
  # The baseline after the fills: right after start, the search facets load in the background (seconds at 1M
  # projects), and a /ping measured then is slowed by it (14k instead of 27k req/s in the 2026-12-06 1M run).
  run_wrk "ping$suffix" "/ping?%d" 1 uniform
  run_wrk "api$suffix" "/api/v1/regions/%d" "$regions" "$access"
  run_wrk "page$suffix" "/regions/rg-%05d" "$regions" "$access"
  [ -n "$suffix" ] || run_wrk "search" "/api/v1/search?q=%%E5%%89%%B5%%E8%%96%%AC&limit=20&x=%d" 50 uniform
  local status=/proc/$web_pid/status
  printf '{"coldStartSeconds": %s, "vmHwmKb": %s, "vmRssKb": %s, "access": "%s"}\n' "$cold" \
    "$(awk '/VmHWM/ {print $2}' "$status")" "$(awk '/VmRSS/ {print $2}' "$status")" "$access" > "$dir/server$suffix.json"
  stop_web
}

IFS=, read -r -a scale_list <<< "$scales"
IFS=, read -r -a engine_list <<< "$engines"
for n in "${scale_list[@]}"; do
  dump=$work/dump-$n
  if [ ! -f "$dump/manifest.json" ]; then
    log "generating $n projects"
    t=$(now); atlas generate --projects "$n" --seed 1 --out "$dump" > /dev/null 2>&1; echo "$(since "$t")" > "$dump.seconds"
  fi
done
for engine in "${engine_list[@]}"; do
  [ "$engine" != postgres ] || [ $pg_started = 1 ] || start_postgres
  for n in "${scale_list[@]}"; do
    dir=$out/$engine/$n; mkdir -p "$dir"
    dump=$work/dump-$n
    [ ! -f "$dump.seconds" ] || cp "$dump.seconds" "$dir/generate.seconds"
    measure_import "$engine" "$n" "$dump" "$dir"
    regions=$(python3 -c "import json,sys; print(next(f['rows'] for f in json.load(open(sys.argv[1]))['files'] if f['table']=='Regions'))" "$dump/manifest.json")
    log "search latency ($engine, $n projects)"
    harness search --provider $provider --connection "$cs" --runs "$runs" --out "$dir/search.json" > "$dir/search.txt"
    log "web throughput ($engine, $n projects)"
    measure_web $provider "$cs" "$regions" "" true zipf
    [ $uncached = 0 ] || measure_web $provider "$cs" "$regions" "-uncached" false uniform
    [ "$engine" != sqlite ] || rm -f "$work/sqlite-$n.db"*
    [ "$engine" != postgres ] || psql_ -d postgres -c "DROP DATABASE atlas_$n WITH (FORCE)"
  done
done

python3 bench/report.py --out "$out" --results "$results" --engines "$engines" --scales "$scales"
