#!/usr/bin/env bash
# Runs every test, twice: on SQLite (embedded) and on a private PostgreSQL server started here and stopped at the end.
# Installs what it needs with apt-get when missing (postgresql; chromium and fonts-noto-cjk for the browser tests,
# which drive Debian's /usr/bin/chromium with Playwright and never download a browser). Usage: ./test.sh [extra dotnet test args]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '\n== %s\n' "$*"; }

apt_install() {
  local packages=("$@")
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; return; fi
    echo "need ${packages[*]} (apt-get as root)"; exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  log "installing postgresql (apt-get)"
  apt_install postgresql
fi
# Browser tests (tests/ClusterAtlas.BrowserTests): Chromium, and a CJK font so Japanese renders instead of tofu boxes.
has_cjk_font() { fc-list : family 2>/dev/null | grep 'Noto Sans CJK' >/dev/null || ls /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc >/dev/null 2>&1; }
browser_packages=()
[ -x /usr/bin/chromium ] || browser_packages+=(chromium)
has_cjk_font || browser_packages+=(fonts-noto-cjk)
if [ ${#browser_packages[@]} -gt 0 ]; then
  log "installing ${browser_packages[*]} (apt-get)"
  apt_install "${browser_packages[@]}"
fi
command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required"; exit 1; }

log "restore and build"
dotnet tool restore >/dev/null
dotnet build ClusterAtlas.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

mkdir -p TestResults
results=()
run_lane() {
  local lane=$1; shift
  log "tests on $lane"
  local out="TestResults/$lane.log"
  set +e
  dotnet test ClusterAtlas.slnx -c Release --no-build -nologo --logger "trx;LogFilePrefix=$lane" --results-directory TestResults "$@" 2>&1 | tee "$out"
  local rc=${PIPESTATUS[0]}
  set -e
  results+=("$lane:$rc")
}

run_lane sqlite "$@"

# --- PostgreSQL lane: a throw-away server on a free loopback port ---
PGBIN=$(pg_bin)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
PGDATA=$(mktemp -d /tmp/atlas-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && su postgres -s /bin/bash -c "$*"); else bash -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA"
stop_pg() { as_pg "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true; rm -rf "$PGDATA"; }
trap stop_pg EXIT
log "starting PostgreSQL on 127.0.0.1:$PGPORT"
# A UTF-8 ctype is required: with LC_CTYPE=C pg_trgm extracts no trigrams from Japanese.
as_pg "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off'" start >/dev/null
export ATLAS_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Include Error Detail=true"
# The browser tests always use their own SQLite file, so they run once, in the SQLite lane.
run_lane postgres --filter "FullyQualifiedName!~ClusterAtlas.BrowserTests" "$@"
unset ATLAS_TEST_POSTGRES

# Sum the runner's closing lines ("Failed: N, Passed: N, …") of both lanes.
read -r passed failed < <(cat TestResults/sqlite.log TestResults/postgres.log |
  awk '/Failed: +[0-9]+, Passed: +[0-9]+/ { match($0, /Failed: +[0-9]+/); f += substr($0, RSTART + 7, RLENGTH - 7);
       match($0, /Passed: +[0-9]+/); p += substr($0, RSTART + 7, RLENGTH - 7) } END { print p + 0, f + 0 }')
status=0
for r in "${results[@]}"; do
  [ "${r#*:}" = 0 ] || { echo "lane ${r%%:*} failed (exit ${r#*:})"; status=1; }
done
echo
echo "$passed passed, $failed failed"
exit $status
