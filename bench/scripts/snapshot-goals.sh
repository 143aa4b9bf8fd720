#!/usr/bin/env bash
# Issue #9's goals for the persistent hash map in one command: every goal operation (lookup hit and miss, insert,
# delete, iterate, equals) for keel, Scala 2.13, Clojure, Vavr, PCollections and java.util.HashMap at 2^4, 2^10,
# 2^15 and 2^20 entries with Integer and String keys (one fork each), then insert at 2^20 for keel and Scala again
# with three forks of five iterations (the goal there is a ratio near 1: with one fork of three iterations
# JMH's 99.9% error is 18 standard deviations of an iteration, with 15 samples about 1.1), then MapGoalReport's
# tables: each library's time and ratio to keel, and each goal with met / not met.
#
# Usage: bench/scripts/snapshot-goals.sh [--quick] [LABEL]
#   --quick  size 2^10 only, the forked run at 2^10 with two forks: proves the pipeline in a few minutes
#   LABEL    names the report, bench/results/snapshot-goals-LABEL.md (default: the UTC date and time)
# The full run takes about 15 minutes on 2 cores; it builds bench/target/benchmarks.jar first if it is missing
# (delete it, or run ./mvnw -B -ntp -q package -DskipTests -pl bench -am, to measure changed code). The raw JMH JSON
# and text are kept in bench/target/snapshot-goals-LABEL/.
set -euo pipefail
cd "$(dirname "$0")/../.."
quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
  shift
fi
label="${1:-$(date -u +%Y%m%dT%H%MZ)}"
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar=bench/target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  JAVA_HOME="$(dirname "$(dirname "$java")")" ./mvnw -B -ntp -q package -DskipTests -pl bench -am
fi
if $quick; then
  sizes=1024 forked_size=1024 forks=2
else
  sizes=16,1024,32768,1048576 forked_size=1048576 forks=3
fi
raw="bench/target/snapshot-goals-$label"
report="bench/results/snapshot-goals-$label.md"
mkdir -p "$raw"

sweep=(-f 1 -wi 1 -i 3 -w 300ms -r 300ms -p "size=$sizes" -p keys=Integer,String)
forked=(-f "$forks" -wi 2 -i 5 -w 500ms -r 500ms -p map=keel,scala -p "size=$forked_size" -p keys=Integer,String)
goal_benchmarks='dev\.keel\.bench\.snapshot\.Map(Lookup|Update|Iterate|Equals)Benchmark\.(hit|miss|insert|delete|iterate|equalsOfEqualMaps)$'
update_benchmarks='dev\.keel\.bench\.snapshot\.MapUpdateBenchmark\.insert$'

loads=()
run() {
  local name=$1
  shift
  loads+=("$name: load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC (start)")
  "$java" -Djmh.ignoreLock=true -jar "$jar" "$@" -rf json -rff "$raw/$name.json" >"$raw/$name.txt"
  loads+=("$name: load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC (end)")
  echo "${loads[-1]}" >&2
}
started=$(date -u +%s)
run sweep "$goal_benchmarks" "${sweep[@]}"
run forked "$update_benchmarks" "${forked[@]}"
minutes=$(( ($(date -u +%s) - started + 59) / 60 ))
{
  echo "# snapshot: issue #9's goals, run $label"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$java" -version 2>&1 | head -n 1)."
  echo "Took $minutes minutes. Load (1, 5, 15 minutes) at the start and end of each JMH run:"
  echo
  for line in "${loads[@]}"; do echo "- $line"; done
  echo
  echo "Commands (bench/scripts/snapshot-goals.sh$($quick && echo ' --quick')):"
  echo
  echo '```'
  echo "java -Djmh.ignoreLock=true -jar $jar '$goal_benchmarks' ${sweep[*]} -rf json"
  echo "java -Djmh.ignoreLock=true -jar $jar '$update_benchmarks' ${forked[*]} -rf json"
  echo "java -cp $jar dev.keel.bench.snapshot.MapGoalReport $raw/sweep.json $raw/forked.json"
  echo '```'
  echo
  "$java" -cp "$jar" dev.keel.bench.snapshot.MapGoalReport "$raw/sweep.json" "$raw/forked.json"
} >"$report"
echo "report: $report (raw JMH output in $raw/)" >&2
