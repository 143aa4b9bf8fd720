#!/usr/bin/env bash
# Server CPU per request of `keel kv serve` under redis-benchmark: the server process's user + system time from
# /proc/PID/stat over one measured run, divided by its requests. CPU per request is steadier than requests/s when the
# machine is shared, and it compares two builds (two keel.jar files) directly.
#
# Usage: bench/scripts/kv-server-cpu.sh JAR FSYNC TEST REQUESTS PIPELINE [keel kv serve options...]
#   JAR       a keel.jar (cli/target/keel.jar, or a copy of an older build's)
#   FSYNC     always | everysec | no
#   TEST      set | get (a SET warm-up of 300,000 requests over the same 100,000 keys runs first, so GETs hit)
#   REQUESTS  redis-benchmark -n;  PIPELINE: redis-benchmark -P
# Example: bench/scripts/kv-server-cpu.sh cli/target/keel.jar always set 200000 1 --no-commit-on-loop
set -euo pipefail
if [[ $# -lt 5 ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
jar=$1 fsync=$2 test=$3 requests=$4 pipeline=$5
shift 5
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
port=$((7000 + RANDOM % 1000))
dir=$(mktemp -d)
"$java" -jar "$jar" kv serve --port "$port" --dir "$dir/data" --fsync "$fsync" "$@" >"$dir/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-benchmark -p "$port" -t set -n 300000 -r 100000 -c 50 -P "$pipeline" -q >/dev/null 2>&1
read -r user0 sys0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
start=$(date +%s.%N)
result=$(redis-benchmark -p "$port" -t "$test" -n "$requests" -r 100000 -c 50 -P "$pipeline" -q 2>/dev/null \
  | tr '\r' '\n' | grep "requests per second" | tail -1)
end=$(date +%s.%N)
read -r user1 sys1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
python3 - "$user0" "$sys0" "$user1" "$sys1" "$start" "$end" "$requests" "$(getconf CLK_TCK)" "$test $fsync -P $pipeline" "$result" <<'PY'
import sys
u0, s0, u1, s1, start, end, n, hz = (float(x) for x in sys.argv[1:9])
user, system, wall = (u1 - u0) / hz, (s1 - s0) / hz, end - start
print(f"{sys.argv[9]}: {n / wall:,.0f} requests/s | server CPU {1e6 * (user + system) / n:.2f} us/request "
      f"(user {1e6 * user / n:.2f}, system {1e6 * system / n:.2f}) | {(user + system) / wall:.2f} cores | {sys.argv[10]}")
PY
