#!/usr/bin/env bash
# Bytes allocated by the server per request, exactly: JFR's per-thread allocation counters
# (jdk.ThreadAllocationStatistics, every second) read while the server is idle just before and
# just after a measured load, divided by the requests the load completed. Counts, not timings:
# it compares builds on a busy machine where throughput cannot.
#
#   bench/alloc.sh [--jar tether-demo/target/tether.jar] [--load socket|jstp-api] [-c 1] [-d 1]
#                  [--duration 10s] [--warmup 15s] [--out DIR]
#
# The app (jar, JVM options of tether-app/jvm.options) runs on core 0, the generator (this
# checkout's tether-bench.jar) on core 1 with one event loop. The warm-up (50 × 16, so that the
# JIT has compiled the paths whatever the machine's speed) is followed by the measured load:
# -c connections × -d in flight of randomNumber (socket: inline line; jstp-api:
# tether/api.randomNumber over JSTP). Prints one line: requests, bytes on the I/O threads
# (tether-io-*), bytes on every thread, and both per request. Requests in flight at the end
# (c × d) bound the error. 1 × 1 (the default) gives one request per read and per flush, so the
# bytes per request do not depend on how a busy machine batched them; 50 × 16 shares each
# read's and flush's cost among the requests it carried (which varies from run to run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/tether-demo/target/tether.jar" LOAD=socket DURATION=10s WARMUP=15s OUT="" CONNS=1 DEPTH=1
while (( $# )); do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    --load) LOAD="$2"; shift 2 ;;
    -c) CONNS="$2"; shift 2 ;;
    -d) DEPTH="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "alloc: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
JDK="$("$ROOT/tether" jdk)"
OUT="${OUT:-$ROOT/tether-bench/target/alloc-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
mapfile -t JVM < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/tether-app/jvm.options")
cat > "$OUT/alloc.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
</configuration>
JFC
PORT=$((27000 + RANDOM % 1000)) JPORT=$((28000 + RANDOM % 1000))
export TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS=20000 TETHER_JSTP_MAX_CONNECTIONS_PER_ADDRESS=20000
taskset -c 0 "$JDK/bin/java" "${JVM[@]}" "-XX:StartFlightRecording=filename=$OUT/alloc.jfr,settings=$OUT/alloc.jfc,dumponexit=true" \
  -jar "$JAR" --host 127.0.0.1 --port "$PORT" --simultaneous-actions 64 --jstp-host 127.0.0.1 --jstp-port "$JPORT" \
  >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for p in "$PORT" "$JPORT"; do
  for ((i = 0; i < 600; i++)); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break; sleep 0.1; done
done
gen() {
  local args=(--threads 1 --quiet --pid "$SERVER")
  case "$LOAD" in
    socket) args+=(--protocol socket -p "$PORT") ;;
    jstp-api) args+=(--protocol jstp -p "$JPORT" --app tether --iface api --request randomNumber --args '[]') ;;
    *) echo "alloc: unknown load $LOAD" >&2; exit 2 ;;
  esac
  taskset -c 1 "$JDK/bin/java" -jar "$ROOT/tether-bench/target/tether-bench.jar" "${args[@]}" "$@" | grep '^{"tetherBench"'
}
gen -c 50 -d 16 --duration "$WARMUP" --warmup 1s >/dev/null
sleep 3
T1=$(date +%s.%N)
RESULT=$(gen -c "$CONNS" -d "$DEPTH" --duration "$DURATION" --warmup 0s)
T2=$(date +%s.%N)
sleep 3
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
trap - EXIT
echo "$RESULT" > "$OUT/load.json"
"$JDK/bin/jfr" print --json --events jdk.ThreadAllocationStatistics "$OUT/alloc.jfr" > "$OUT/alloc.json"
python3 - "$OUT/alloc.json" "$T1" "$T2" "$OUT/load.json" "$LOAD" "$JAR" <<'PY'
import json, sys, datetime
events = json.load(open(sys.argv[1]))["recording"]["events"]
t1, t2 = float(sys.argv[2]), float(sys.argv[3])
load = json.load(open(sys.argv[4]))
def ts(e):
    return datetime.datetime.fromisoformat(e["values"]["startTime"]).timestamp()
before, after = {}, {}
for e in sorted(events, key=ts):
    v = e["values"]; t = ts(e)
    name = (v.get("thread") or {}).get("javaName") or (v.get("thread") or {}).get("osName") or "?"
    key = (name, (v.get("thread") or {}).get("javaThreadId"))
    if t <= t1:
        before[key] = v["allocated"]
    elif t >= t2 and key not in after:
        after[key] = v["allocated"]
total = sum(after[k] - before.get(k, 0) for k in after)
io = sum(after[k] - before.get(k, 0) for k in after if "tether-io" in k[0])
n = load["completed"]
top = sorted(((after[k] - before.get(k, 0), k[0]) for k in after), reverse=True)[:4]
print(f"{sys.argv[5]} {load['connections']}x{load['depth']} {sys.argv[6]}: {n} requests ({load['rps']:.0f} req/s), I/O threads {io} B = {io / n:.1f} B/req, "
      f"all threads {total} B = {total / n:.1f} B/req; top: " + ", ".join(f"{name} {b / n:.1f}" for b, name in top))
PY
