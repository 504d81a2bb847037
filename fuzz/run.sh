#!/usr/bin/env bash
# Fuzzes the parsers with SharpFuzz + AFL++:  fuzz/run.sh [TARGET|all] [SECONDS]   (defaults: all 300)
# Targets are the names in fuzz/ClusterAtlas.Fuzz/FuzzTargets.cs; seeds come from fuzz/corpus/TARGET/.
# One afl-fuzz at a time (a lock enforces it): the machine's cores are shared. Findings go to fuzz/findings/
# (git-ignored); crashing and hanging inputs are copied to fuzz/crashes/TARGET/, which CorpusReplayTests replays.
set -euo pipefail

TARGET=${1:-all}
SECONDS_PER_TARGET=${2:-300}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/out"
FINDINGS="$HERE/findings"
export PATH="$PATH:$HOME/.dotnet/tools"

exec 9>/tmp/clusteratlas-fuzz.lock
flock -n 9 || { echo "another fuzz/run.sh is running; AFL++ runs one target at a time" >&2; exit 1; }

if ! command -v afl-fuzz >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq afl++
fi
if ! command -v sharpfuzz >/dev/null; then
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
fi

# Publish the harness, then instrument only the library under test: coverage of the harness, SharpFuzz or
# EF Core would only dilute AFL's map.
rm -rf "$OUT"
dotnet publish "$HERE/ClusterAtlas.Fuzz" -c Release -o "$OUT" --nologo -v quiet
sharpfuzz "$OUT/ClusterAtlas.dll"

if [ "$TARGET" = all ]; then
  TARGETS=$(ls "$HERE/corpus")
else
  TARGETS=$TARGET
fi

for t in $TARGETS; do
  [ -d "$HERE/corpus/$t" ] || { echo "no seeds in fuzz/corpus/$t" >&2; exit 2; }
  rm -rf "${FINDINGS:?}/$t"
  mkdir -p "$FINDINGS"
  echo "== $t: $SECONDS_PER_TARGET s"
  # AFL_NO_AFFINITY: do not pin a core on a machine other jobs share. -t 5000: a run over 5 s is a hang.
  AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    afl-fuzz -V "$SECONDS_PER_TARGET" -i "$HERE/corpus/$t" -o "$FINDINGS/$t" -t 5000 -m none \
    -- dotnet "$OUT/ClusterAtlas.Fuzz.dll" "$t" > "$FINDINGS/$t.log" 2>&1 || { echo "afl-fuzz failed; see $FINDINGS/$t.log" >&2; tail -20 "$FINDINGS/$t.log" >&2; exit 1; }

  # Named by content: AFL's names (id:000000,sig:06,…) hold ':' and ',', which some file systems refuse, and
  # restart at 000000 every run, so a later run would overwrite an earlier finding.
  for kind in crash hang; do
    for f in "$FINDINGS/$t"/default/${kind}s/id:* "$FINDINGS/$t"/default/${kind}es/id:*; do
      [ -e "$f" ] || continue
      mkdir -p "$HERE/crashes/$t"
      cp "$f" "$HERE/crashes/$t/$kind-$(sha1sum < "$f" | cut -c1-12)"
    done
  done
done

stat_of() { grep -E "^$2 " "$1" | head -1 | sed 's/.*: //'; }
printf '\n%-12s %12s %10s %11s %8s %6s %8s %6s\n' target execs_done execs/s 'run_time s' corpus edges crashes hangs
for t in $TARGETS; do
  s="$FINDINGS/$t/default/fuzzer_stats"
  [ -f "$s" ] || continue
  printf '%-12s %12s %10s %11s %8s %6s %8s %6s\n' "$t" "$(stat_of "$s" execs_done)" "$(stat_of "$s" execs_per_sec)" \
    "$(stat_of "$s" run_time)" "$(stat_of "$s" corpus_count)" "$(stat_of "$s" edges_found)" "$(stat_of "$s" saved_crashes)" "$(stat_of "$s" saved_hangs)"
done
