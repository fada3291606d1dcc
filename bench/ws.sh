#!/usr/bin/env bash
# WebSocket against TCP in one run, same server processes, same generator, interleaved:
# answers "what share of the TCP throughput does the WebSocket transport of the same protocol
# reach?" (issue #15: at least 60 % at 50 connections x 16 in flight).
#
#   bench/ws.sh [--rounds 3] [--duration 8s] [--warmup 3s] [--prime 10s] [-c 50] [-d 16] [--out DIR]
#               [--loads "jstp-tcp jstp-ws socket-json-tcp primus-ws socket-tcp"]
#               [--app-jar JAR] [--bench-jar JAR]
#
# Servers (pinned to core 0, JVM options of tether-app/jvm.options): JstpBenchServer with its
# JSTP listener and JSTP over WebSocket at /jstp (bench.echo('hello')), and the demo app with
# its socket listener and the HTTP listener serving ActionHero's websocket protocol at /primus
# (randomNumber). --app-jar/--bench-jar run another build's servers (e.g. a copy of the jars of
# the commit before a change); the generator is always this checkout's tether-bench.jar, on
# core 1 with one event loop. Each round runs every load once, TCP and WebSocket back to back,
# the order alternating per round (A B, B A, ...). Prints per load the median throughput and
# the median requests per server CPU-second (what a busy, shared machine distorts least),
# then the ratios WebSocket/TCP: JSTP over WebSocket / JSTP over TCP, Primus / socket with
# JSON requests (the same JSON-with-messageId work), Primus / socket inline (the usual socket
# load). Results: --out (default tether-bench/target/ws-<time>/), results.jsonl and summary.txt,
# each line tagged with the load average before the run. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3 DURATION=8s WARMUP=3s PRIME=10s CONN=50 DEPTH=16 OUT=""
LOADS="jstp-tcp jstp-ws socket-json-tcp primus-ws socket-tcp"
APP_JAR="$ROOT/tether-demo/target/tether.jar" BENCH_JAR="$ROOT/tether-bench/target/tether-bench.jar"
GEN_JAR="${WS_GEN_JAR:-$ROOT/tether-bench/target/tether-bench.jar}"
while (( $# )); do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --prime) PRIME="$2"; shift 2 ;;
    -c) CONN="$2"; shift 2 ;;
    -d) DEPTH="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --loads) LOADS="$2"; shift 2 ;;
    --app-jar) APP_JAR="$2"; shift 2 ;;
    --bench-jar) BENCH_JAR="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ws: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
for jar in "$APP_JAR" "$BENCH_JAR" "$GEN_JAR"; do
  [[ -f "$jar" ]] || { echo "ws: $jar is missing: build it first (./tether mvn -o -q -pl tether-demo,tether-bench -am package -DskipTests -DskipITs)" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "ws: jq is needed (apt-get install jq)" >&2; exit 2; }
JAVA="$("$ROOT/tether" jdk)/bin/java"
OUT="${OUT:-$ROOT/tether-bench/target/ws-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
mapfile -t JVM < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/tether-app/jvm.options")
GEN=("$JAVA" --enable-native-access=ALL-UNNAMED)
"$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && GEN+=(--sun-misc-unsafe-memory-access=allow)
GEN+=(-jar "$GEN_JAR")
P_SOCK=29000 P_HTTP=29080 P_JSTP=29101 P_JSTP_HTTP=29180

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_port() { # port: waits up to 60 s for a listener
  local i
  for ((i = 0; i < 600; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "ws: nothing listens on $1" >&2; exit 1
}

TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS=20000 TETHER_HTTP_MAX_CONNECTIONS_PER_ADDRESS=20000 \
TETHER_HTTP_ENABLED=true TETHER_HTTP_HOST=127.0.0.1 TETHER_HTTP_PORT=$P_HTTP \
  taskset -c 0 "$JAVA" "${JVM[@]}" -jar "$APP_JAR" --host 127.0.0.1 --port $P_SOCK --simultaneous-actions 64 --jstp-host 127.0.0.1 --jstp-port 29001 \
  >"$OUT/app.log" 2>&1 &
APP_PID=$!; PIDS+=($!)
taskset -c 0 "$JAVA" "${JVM[@]}" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" io.tether.bench.server.JstpBenchServer \
  --host 127.0.0.1 --port $P_JSTP --http-port $P_JSTP_HTTP --simultaneous-actions 64 --max-connections 0 \
  >"$OUT/jstp.log" 2>&1 &
JSTP_PID=$!; PIDS+=($!)
wait_port $P_SOCK; wait_port $P_HTTP; wait_port $P_JSTP; wait_port $P_JSTP_HTTP

gen() { # load round args...: one measured run (or a prime when round is 0)
  local load="$1" round="$2"; shift 2
  local line load1
  load1=$(cut -d' ' -f1 /proc/loadavg)
  line=$(taskset -c 1 "${GEN[@]}" --threads 1 --quiet -c "$CONN" -d "$DEPTH" "$@" 2>>"$OUT/generator.log" \
    | grep '^{"tetherBench"' || true)
  (( round == 0 )) && return 0
  [[ -n "$line" ]] || { echo "ws: $load gave no result" >&2; return 0; }
  echo "$line" | jq -c --arg l "$load" --argjson r "$round" --argjson la "$load1" \
      '. + {load:$l, round:$r, loadavg:$la, perCpuSecond:(if .serverCpu > 0 then .rps * 100 / .serverCpu else 0 end)}' \
    | tee -a "$RESULTS" | jq -r '"  r\(.round) \(.load): \(.rps|floor) req/s, server CPU \(.serverCpu) %, \(.perCpuSecond|floor) req per CPU-s, generator CPU \(.selfCpu) %, p99 \(.p99us) us, failures \(.failures), load avg \(.loadavg)"'
}
run() { # load round
  local l="$1" r="$2" timing=(--duration "$DURATION" --warmup "$WARMUP")
  (( r == 0 )) && timing=(--duration "$PRIME" --warmup 1s)
  local echo=(--protocol jstp --app bench --iface bench --request echo --args "['hello']" --pid "$JSTP_PID")
  case "$l" in
    jstp-tcp) gen "$l" "$r" "${echo[@]}" -p $P_JSTP "${timing[@]}" ;;
    jstp-ws) gen "$l" "$r" "${echo[@]}" -p $P_JSTP_HTTP --ws /jstp "${timing[@]}" ;;
    socket-tcp) gen "$l" "$r" --protocol socket --request randomNumber -p $P_SOCK --pid "$APP_PID" "${timing[@]}" ;;
    socket-json-tcp) gen "$l" "$r" --protocol socket --json --request randomNumber -p $P_SOCK --pid "$APP_PID" "${timing[@]}" ;;
    primus-ws) gen "$l" "$r" --protocol primus --ws /primus --request randomNumber -p $P_HTTP --pid "$APP_PID" "${timing[@]}" ;;
    *) echo "ws: unknown load $l" >&2; exit 2 ;;
  esac
}
read -r -a LOAD_LIST <<< "$LOADS"
echo "== $CONN x $DEPTH, priming (${PRIME} each); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for l in "${LOAD_LIST[@]}"; do run "$l" 0; done
for ((r = 1; r <= ROUNDS; r++)); do
  order=("${LOAD_LIST[@]}")
  if (( r % 2 == 0 )); then # reversed: every pair runs A B, then B A
    order=(); for ((i = ${#LOAD_LIST[@]} - 1; i >= 0; i--)); do order+=("${LOAD_LIST[$i]}"); done
  fi
  for l in "${order[@]}"; do run "$l" "$r"; done
done

echo "== medians of $ROUNDS rounds (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))" | tee "$OUT/summary.txt"
jq -s -r '
  def median: sort | .[length/2|floor];
  group_by(.load) | map({key: .[0].load, value: {rps: ([.[].rps] | median), cpu: ([.[].perCpuSecond] | median),
      gen: ([.[].selfCpu] | median), srv: ([.[].serverCpu] | median), p99: ([.[].p99us] | median),
      rounds: ([.[].rps | floor] | map(tostring) | join(" / "))}}) | from_entries as $m
  | ($m | to_entries[] | "\(.key): \(.value.rps|floor) req/s (rounds \(.value.rounds)), \(.value.cpu|floor) req per server CPU-s, server CPU \(.value.srv) %, generator CPU \(.value.gen) %, p99 \(.value.p99) us"),
    ([["jstp-ws", "jstp-tcp", "JSTP over WebSocket / JSTP over TCP"], ["primus-ws", "socket-json-tcp", "Primus / socket JSON"],
      ["primus-ws", "socket-tcp", "Primus / socket inline"]][]
     | select($m[.[0]] != null and $m[.[1]] != null)
     | "\(.[2]): throughput \((100 * $m[.[0]].rps / $m[.[1]].rps)|floor) %, per server CPU-second \((100 * $m[.[0]].cpu / $m[.[1]].cpu)|floor) %")' \
  "$RESULTS" | tee -a "$OUT/summary.txt"
echo "results: $RESULTS"
