#!/usr/bin/env bash
# A/B of two Tether builds on this machine, same generator, same loads, interleaved:
# answers "did this change cost throughput or latency?" where compare.sh answers "how do we
# stand against the peers?" (its ratios move with the machine; an A/B on one machine does not).
#
#   bench/ab.sh --base DIR [--rounds 3] [--duration 8s] [--warmup 3s] [--prime 10s] [--out DIR]
#               [--loads "socket-50x16 jstp-50x16 jstp-api-50x16 socket-1x1"]
#
# DIR is another checkout whose jars are built (git worktree add /tmp/base <rev>, then
# `./tether mvn -q -pl tether-demo,tether-bench -am package -DskipTests -DskipITs` there; tether-app
# instead of tether-demo for a build from before the demo had its own module).
# Both builds run at once, pinned to core 0 with the JVM options of tether-app/jvm.options;
# the generator (this checkout's) runs on core 1 with one event loop. Each round runs every
# load on both builds, the order alternating per round. Loads: socket 50×16 and 1×1 on the
# app (inline randomNumber), JSTP 50×16 on JstpBenchServer (bench.echo) and on the app's own
# JSTP listener (api.randomNumber). Prints the medians and new/base per load. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="" ROUNDS=3 DURATION=8s WARMUP=3s PRIME=10s OUT="" LOADS="socket-50x16 jstp-50x16 jstp-api-50x16 socket-1x1"
while (( $# )); do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --prime) PRIME="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --loads) LOADS="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ab: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$BASE" ]] || { echo "ab: --base DIR is required (see --help)" >&2; exit 2; }
JAVA="$("$ROOT/tether" jdk)/bin/java"
OUT="${OUT:-$ROOT/tether-bench/target/ab-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
app_jar() { # dir: the runnable server's fat jar (tether-app's before the demo module existed)
  if [[ -f "$1/tether-demo/target/tether.jar" || ! -f "$1/tether-app/target/tether-app.jar" ]]; then
    echo tether-demo/target/tether.jar
  else
    echo tether-app/target/tether-app.jar
  fi
}
for d in "$ROOT" "$BASE"; do
  for jar in "$(app_jar "$d")" tether-bench/target/tether-bench.jar; do
    [[ -f "$d/$jar" ]] || { echo "ab: $d/$jar is missing: build it first" >&2; exit 2; }
  done
done
command -v jq >/dev/null || { echo "ab: jq is needed (apt-get install jq)" >&2; exit 2; }
mapfile -t JVM < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/tether-app/jvm.options")
GEN=("$JAVA" --enable-native-access=ALL-UNNAMED)
"$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && GEN+=(--sun-misc-unsafe-memory-access=allow)
GEN+=(-jar "$ROOT/tether-bench/target/tether-bench.jar")
# connection limits exist only in newer builds; older ones ignore unknown variables
export TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS=20000 TETHER_JSTP_MAX_CONNECTIONS_PER_ADDRESS=20000

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_port() { # port: waits up to 60 s for a listener
  local i
  for ((i = 0; i < 600; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "ab: nothing listens on $1" >&2; exit 1
}

declare -A APP_PID BENCH_PID SOCK_PORT JSTP_PORT ECHO_PORT
start() { # name dir socket-port jstp-port echo-port
  local name="$1" dir="$2"
  taskset -c 0 "$JAVA" "${JVM[@]}" -jar "$dir/$(app_jar "$dir")" --host 127.0.0.1 --port "$3" \
    --simultaneous-actions 64 --jstp-host 127.0.0.1 --jstp-port "$4" >"$OUT/$name-app.log" 2>&1 &
  APP_PID[$name]=$!; PIDS+=($!)
  taskset -c 0 "$JAVA" "${JVM[@]}" --enable-native-access=ALL-UNNAMED -cp "$dir/tether-bench/target/tether-bench.jar" \
    io.tether.bench.server.JstpBenchServer --port "$5" --simultaneous-actions 64 >"$OUT/$name-bench.log" 2>&1 &
  BENCH_PID[$name]=$!; PIDS+=($!)
  SOCK_PORT[$name]=$3; JSTP_PORT[$name]=$4; ECHO_PORT[$name]=$5
  wait_port "$3"; wait_port "$4"; wait_port "$5"
}
start base "$BASE" 25000 25001 25002
start new "$ROOT" 26000 26001 26002

gen() { # build load round args...: one measured run (or a prime when round is 0)
  local build="$1" load="$2" round="$3"; shift 3
  local line
  line=$(taskset -c 1 "${GEN[@]}" --threads 1 --quiet "$@" 2>>"$OUT/generator.log" | grep '^{"tetherBench"' || true)
  (( round == 0 )) && return 0
  [[ -n "$line" ]] || { echo "ab: $build $load gave no result" >&2; return 0; }
  echo "$line" | jq -c --arg b "$build" --arg l "$load" --argjson r "$round" '. + {build:$b, load:$l, round:$r}' \
    | tee -a "$RESULTS" | jq -r '"  r\(.round) \(.build) \(.load): \(.rps|floor) req/s p50 \(.p50us)us p99 \(.p99us)us failures \(.failures)"'
}
run() { # build load round
  local b="$1" l="$2" r="$3" timing=(--duration "$DURATION" --warmup "$WARMUP")
  (( r == 0 )) && timing=(--duration "$PRIME" --warmup 1s)
  case "$l" in
    socket-50x16) gen "$b" "$l" "$r" --pid "${APP_PID[$b]}" --protocol socket -p "${SOCK_PORT[$b]}" -c 50 -d 16 "${timing[@]}" ;;
    socket-1x1) gen "$b" "$l" "$r" --pid "${APP_PID[$b]}" --protocol socket -p "${SOCK_PORT[$b]}" -c 1 -d 1 "${timing[@]}" ;;
    jstp-50x16) gen "$b" "$l" "$r" --pid "${BENCH_PID[$b]}" --protocol jstp -p "${ECHO_PORT[$b]}" --app bench \
                  --iface bench --request echo --args "['hello']" -c 50 -d 16 "${timing[@]}" ;;
    jstp-api-50x16) gen "$b" "$l" "$r" --pid "${APP_PID[$b]}" --protocol jstp -p "${JSTP_PORT[$b]}" --app tether \
                  --iface api --request randomNumber --args '[]' -c 50 -d 16 "${timing[@]}" ;;
  esac
}
read -r -a LOAD_LIST <<< "$LOADS"
echo "== priming (${PRIME} each)"
for b in base new; do for l in "${LOAD_LIST[@]}"; do [[ "$l" == *50x16 ]] && run "$b" "$l" 0; done; done
for ((r = 1; r <= ROUNDS; r++)); do
  order=(base new); (( r % 2 == 0 )) && order=(new base)
  for l in "${LOAD_LIST[@]}"; do for b in "${order[@]}"; do run "$b" "$l" "$r"; done; done
done

echo "== medians of $ROUNDS rounds (new/base)"
jq -s -r 'group_by(.load)[] | . as $g
  | ([$g[] | select(.build == "base") | .rps] | sort | .[length/2|floor]) as $b
  | ([$g[] | select(.build == "new") | .rps] | sort | .[length/2|floor]) as $n
  | ([$g[] | select(.build == "base") | .p99us] | sort | .[length/2|floor]) as $bp
  | ([$g[] | select(.build == "new") | .p99us] | sort | .[length/2|floor]) as $np
  | "\($g[0].load): base \($b|floor) req/s, new \($n|floor) req/s, new/base \((100*$n/$b)|floor) %; p99 base \($bp) us, new \($np) us"' \
  "$RESULTS" | tee "$OUT/summary.txt"
echo "results: $RESULTS"
