#!/usr/bin/env bash
# Measures `atlas import` of a synthetic full dump (CSV) against the engines' own bulk loaders on the same files:
# sqlite3's .import, and PostgreSQL COPY (psql \copy) when ATLAS_BENCH_POSTGRES names a server.
# Usage: tools/bench-import.sh [SCALE]   (scale 1 ≈ 600,000 rows; needs sqlite3 and /usr/bin/time: apt-get install -y sqlite3 time)
# Example: ATLAS_BENCH_POSTGRES="Host=127.0.0.1;Port=56100;Username=postgres" tools/bench-import.sh 1
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
work=${ATLAS_BENCH_WORK:-/tmp/atlas-bench}
rm -rf "$work"; mkdir -p "$work"

dotnet build ClusterAtlas.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
ATLAS_BENCH_DIR="$work/dump" ATLAS_BENCH_SCALE="$scale" \
  dotnet test tests/ClusterAtlas.Tests -c Release --no-build -nologo -v quiet --filter "FullyQualifiedName~BenchmarkDump_WrittenForTheScript" >/dev/null
atlas=(dotnet src/ClusterAtlas.Cli/bin/Release/net10.0/atlas.dll)
rows=$(python3 -c "import json,sys; print(sum(f['rows'] for f in json.load(open(sys.argv[1]))['files']))" "$work/dump/manifest.json")
echo "dump: $rows rows, $(du -sh "$work/dump" | cut -f1) of CSV in $(ls "$work/dump"/*.csv | wc -l) files"
timed() { /usr/bin/time -f "%e %M" -o "$work/time" "$@"; read -r secs rss < "$work/time"; }
report() { python3 -c "import sys; r,s,m=int(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); print(f'{sys.argv[1]:<34} {s:7.1f} s {r/s:10,.0f} rows/s   peak RSS {m/1024:6.0f} MB')" "$1" "$rows" "$secs" "$rss"; }

# SQLite: atlas import, and sqlite3 .import of the same files into the same (empty, migrated) schema.
"${atlas[@]}" --connection "Data Source=$work/atlas.db" db migrate >/dev/null
cp "$work/atlas.db" "$work/sqlite3.db"
timed "${atlas[@]}" --connection "Data Source=$work/atlas.db" import "$work/dump" 2> "$work/atlas-sqlite.log" >/dev/null
grep -E "checked [0-9]+ rows|wrote [0-9]+ rows|rebuilt|imported in" "$work/atlas-sqlite.log" | sed 's/^/  /'
report "atlas import (SQLite)" 
# Bulk-load limit: .import into new all-TEXT tables (no types, keys, indexes or checks).
{ for f in "$work"/dump/*.csv; do echo ".import --csv $f $(basename "$f" .csv)"; done; } > "$work/import-raw.sql"
timed sqlite3 "$work/sqlite3-raw.db" < "$work/import-raw.sql"
report "sqlite3 .import (new TEXT tables)"
# Same schema: .import each file into a scratch table, then INSERT … SELECT into the real table (the CSV's columns
# are in the dump's order, not the table's, and .import maps by position); one transaction.
python3 - "$work/dump" > "$work/import.sql" <<'PY'
import csv, glob, os, sys
print("BEGIN;")
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.csv"))):
    table = os.path.basename(path)[:-4]
    with open(path, encoding="utf-8-sig") as f:
        columns = ", ".join('"%s"' % c for c in next(csv.reader(f)))
    print(f'.import --csv {path} "temp_{table}"')
    print(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "temp_{table}";')
    print(f'DROP TABLE "temp_{table}";')
print("COMMIT;")
PY
timed sqlite3 "$work/sqlite3.db" < "$work/import.sql"
report "sqlite3 .import (same schema)"

if [ -n "${ATLAS_BENCH_POSTGRES:-}" ]; then
  pg="$ATLAS_BENCH_POSTGRES"
  host=$(sed -E 's/.*Host=([^;]*).*/\1/' <<<"$pg"); port=$(sed -E 's/.*Port=([^;]*).*/\1/' <<<"$pg"); user=$(sed -E 's/.*Username=([^;]*).*/\1/' <<<"$pg")
  for db in atlas_bench atlas_copy; do psql -h "$host" -p "$port" -U "$user" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" postgres; done
  "${atlas[@]}" --provider Postgres --connection "$pg;Database=atlas_bench" db migrate >/dev/null 2>&1
  "${atlas[@]}" --provider Postgres --connection "$pg;Database=atlas_copy" db migrate >/dev/null 2>&1
  timed "${atlas[@]}" --provider Postgres --connection "$pg;Database=atlas_bench" import "$work/dump" 2> "$work/atlas-pg.log" >/dev/null
  grep -E "checked [0-9]+ rows|wrote [0-9]+ rows|rebuilt|imported in" "$work/atlas-pg.log" | sed 's/^/  /'
  report "atlas import (PostgreSQL)"
  # Parents first, as the manifest lists them (the foreign keys are checked as rows arrive), with the CSV's columns.
  python3 - "$work/dump" > "$work/copy.sql" <<'PY'
import csv, json, os, sys
for f in json.load(open(os.path.join(sys.argv[1], "manifest.json")))["files"]:
    path = os.path.join(sys.argv[1], f["file"])
    with open(path, encoding="utf-8-sig") as h:
        columns = ", ".join('"%s"' % c for c in next(csv.reader(h)))
    print(f'\\copy "{f["table"]}" ({columns}) FROM \'{path}\' WITH (FORMAT csv, HEADER true)')
PY
  timed psql -h "$host" -p "$port" -U "$user" -q -1 -f "$work/copy.sql" atlas_copy
  report "psql \\copy (same schema)"
fi
