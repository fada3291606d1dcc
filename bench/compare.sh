#!/usr/bin/env bash
# Tether vs its reference peers, same load generator, same machine (docs/performance.md).
#
#   bench/compare.sh [--duration 10s] [--warmup 3s] [--prime 10s] [--repeat 1] [--idle 10000]
#                    [--modes "pinned unpinned"] [--out DIR] [--skip-build]
#
# Peers: actionhero@29.3.5 + actionhero-socket-server@3.0.1 (needs Redis),
# @metarhia/jstp@2.3.0 (bench/peers/jstp-echo-server.js) and redis-server itself
# (PING_INLINE baseline). They are installed into $PEERS_DIR (default
# /tmp/tether-bench-peers). Only loopback addresses are used; every wait is bounded.
# Pinned mode runs every server with `taskset -c 0` and the generator with
# `taskset -c 1`; unpinned mode lets the scheduler place both.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-/tmp/tether-bench-peers}"
DURATION=10s WARMUP=3s PRIME=10s REPEAT=1 IDLE=10000 MODES="pinned unpinned" SKIP_BUILD=0
OUT="$ROOT/tether-bench/target/compare-$(date +%Y%m%d-%H%M%S)"
SIM=64   # simultaneousActions on every server (deep pipelines need more than the default 5)
while (( $# )); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --prime) PRIME="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --modes) MODES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"; : > "$RESULTS"
P_TETHER=15000 P_TLS=15443 P_JSTP_APP=14002 P_AH=15001 P_JSTP=14000 P_JSTP_NODE=14001 P_REDIS=16379

# ---------------------------------------------------------------- setup
JAVA="$("$ROOT/tether" mvn -v 2>/dev/null | sed -n 's/.*runtime: //p' | head -1)/bin/java"
[[ -x "$JAVA" ]] || { echo "compare: no JDK 21+ found (see ./tether)" >&2; exit 1; }
if (( ! SKIP_BUILD )); then
  "$ROOT/tether" build
  "$ROOT/tether" mvn -q -pl tether-bench -am package -DskipTests -DskipITs
fi
APP_JAR="$ROOT/tether-app/target/tether-app.jar"
BENCH_JAR="$ROOT/tether-bench/target/tether-bench.jar"
# both Tether servers run with the JVM options `./tether run` uses (tether-app/jvm.options)
mapfile -t TETHER_JVM < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/tether-app/jvm.options")

if [[ ! -d "$PEERS_DIR/node_modules/@metarhia/jstp" || ! -d "$PEERS_DIR/node_modules/actionhero-socket-server" ]]; then
  mkdir -p "$PEERS_DIR"
  (cd "$PEERS_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
    npm install --no-audit --no-fund actionhero@29.3.5 actionhero-socket-server@3.0.1 @metarhia/jstp@2.3.0)
fi
"$ROOT/bench/peers/setup-actionhero.sh" "$PEERS_DIR"
cp "$ROOT/bench/peers/jstp-echo-server.js" "$PEERS_DIR/"
if ! command -v redis-server >/dev/null; then
  apt-get install -y redis-server >/dev/null || { apt-get update >/dev/null && apt-get install -y redis-server >/dev/null; }
fi
if [[ ! -f "$OUT/cert.pem" ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$OUT/key.pem" -out "$OUT/cert.pem" -days 2 \
    -subj /CN=localhost >/dev/null 2>&1
fi
TLS_OK=0; "$JAVA" -jar "$APP_JAR" --help 2>/dev/null | grep -q -- '--tls-port' && TLS_OK=1
APP_JSTP=0; "$JAVA" -jar "$APP_JAR" --help 2>/dev/null | grep -q -- '--jstp-port' && APP_JSTP=1

# idle mode holds IDLE connections in the generator and in the server: both need the descriptors
if (( IDLE + 1000 > $(ulimit -n) )); then
  ulimit -n $(( IDLE + 1000 )) 2>/dev/null || ulimit -Hn $(( IDLE + 1000 )) 2>/dev/null && ulimit -n $(( IDLE + 1000 )) 2>/dev/null || \
    echo "compare: cannot raise the open-files limit to $(( IDLE + 1000 )); idle runs may fail" >&2
fi

# ---------------------------------------------------------------- process control
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_port() { # port: wait up to 30 s until it accepts connections
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "compare: nothing listens on $1 after 30 s" >&2; return 1
}

start() { # name port command...: starts a server (pinned to core 0 in pinned mode), sets SPID
  local name="$1" port="$2"; shift 2
  $SRV_PIN "$@" > "$OUT/$name-$MODE.log" 2>&1 &
  SPID=$!; PIDS+=("$SPID")
  wait_port "$port"
  sleep 1
}

stop() { # pid: SIGTERM, then SIGKILL after 10 s
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

load() { # server load-name pid generator-args...: runs REPEAT times, appends tagged JSON lines
  local server="$1" name="$2" pid="$3"; shift 3
  for r in $(seq 1 "$REPEAT"); do
    local line
    line=$($GEN_PIN "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$BENCH_JAR" --pid "$pid" \
      --threads "$GEN_THREADS" --quiet --duration "$DURATION" --warmup "$WARMUP" "$@" 2>>"$OUT/generator.log" \
      | grep '^{"tetherBench"' || true)
    [[ -n "$line" ]] || { echo "compare: $server $name produced no result" >&2; continue; }
    echo "$line" | jq -c --arg s "$server" --arg l "$name" --arg m "$MODE" --arg la "$(cut -d' ' -f1 /proc/loadavg)" \
      '. + {server:$s, load:$l, pin:$m, loadavg:($la|tonumber)}' | tee -a "$RESULTS" \
      | jq -r '"  \(.pin) \(.server) \(.load): \(.rps|floor) req/s p50 \(.p50us)us p99 \(.p99us)us failures \(.failures)"'
  done
}

prime() { # pid generator-args...: unmeasured 50x16 load right after a server starts, so that every
  # server (JVM JIT, V8 optimiser, allocator pools) is warm before its first measured load
  $GEN_PIN "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$BENCH_JAR" --threads "$GEN_THREADS" --quiet \
    --duration "$PRIME" --warmup 0s -c 50 -d 16 "$@" >/dev/null 2>>"$OUT/generator.log" || true
}

idle() { # server pid generator-args...: idle connections on the freshly started server (before any
  # load touched its heap or pools), once: RSS does not depend on pinning
  [[ "$MODE" == unpinned && "$IDLE" -gt 0 ]] || return 0
  local server="$1" pid="$2"; shift 2
  local line
  line=$("$JAVA" -jar "$BENCH_JAR" --pid "$pid" --quiet --idle "$IDLE" --hold 5s "$@" 2>>"$OUT/generator.log" \
    | grep '^{"tetherBench"' || true)
  [[ -n "$line" ]] && echo "$line" | jq -c --arg s "$server" --arg m "$MODE" '. + {server:$s, load:"idle", pin:$m}' \
    | tee -a "$RESULTS" | jq -r '"  \(.server) idle: \(.completed) held, \(.rssBytesPerConn|floor) bytes/conn"'
}

SOCKET_LOADS() { # server pid port [extra]
  local s="$1" pid="$2" port="$3"
  prime --protocol socket -p "$port"
  load "$s" socket-50x16 "$pid" --protocol socket -p "$port" -c 50 -d 16
  load "$s" socket-1x1 "$pid" --protocol socket -p "$port" -c 1 -d 1
  load "$s" socket-50x1 "$pid" --protocol socket -p "$port" -c 50 -d 1
}

JSTP_LOADS() { # server pid port
  local s="$1" pid="$2" port="$3" j=(--protocol jstp --app bench --iface bench --request echo --args "['hello']")
  prime "${j[@]}" -p "$port"
  load "$s" jstp-50x16 "$pid" "${j[@]}" -p "$port" -c 50 -d 16
  load "$s" jstp-1x1 "$pid" "${j[@]}" -p "$port" -c 1 -d 1
  load "$s" jstp-50x1 "$pid" "${j[@]}" -p "$port" -c 50 -d 1
}

# ---------------------------------------------------------------- runs
redis-server --port "$P_REDIS" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  > "$OUT/redis.log" 2>&1 &
REDIS_PID=$!; PIDS+=("$REDIS_PID"); wait_port "$P_REDIS"

for MODE in $MODES; do
  if [[ "$MODE" == pinned ]]; then SRV_PIN="taskset -c 0"; GEN_PIN="taskset -c 1"; GEN_THREADS=1
  else SRV_PIN=""; GEN_PIN=""; GEN_THREADS=2; fi
  echo "== $MODE"
  [[ "$MODE" == pinned ]] && taskset -p -c 0 "$REDIS_PID" >/dev/null || taskset -p -c 0,1 "$REDIS_PID" >/dev/null

  prime --protocol redis -p "$P_REDIS"
  load redis redis-50x16 "$REDIS_PID" --protocol redis -p "$P_REDIS" -c 50 -d 16
  load redis socket-1x1 "$REDIS_PID" --protocol redis -p "$P_REDIS" -c 1 -d 1
  load redis socket-50x1 "$REDIS_PID" --protocol redis -p "$P_REDIS" -c 50 -d 1

  tls_args=()
  (( TLS_OK )) && tls_args=(--tls-port "$P_TLS" --tls-cert "$OUT/cert.pem" --tls-key "$OUT/key.pem")
  # the app's own JSTP listener: its built-in application `tether`, interface `api` = the actions
  (( APP_JSTP )) && tls_args+=(--jstp-host 127.0.0.1 --jstp-port "$P_JSTP_APP")
  start tether "$P_TETHER" "$JAVA" "${TETHER_JVM[@]}" -jar "$APP_JAR" --host 127.0.0.1 --port "$P_TETHER" \
    --simultaneous-actions "$SIM" "${tls_args[@]}"
  idle tether "$SPID" --protocol socket -p "$P_TETHER"
  SOCKET_LOADS tether "$SPID" "$P_TETHER"
  (( TLS_OK )) && load tether socket-tls-50x16 "$SPID" --protocol socket --tls -p "$P_TLS" -c 50 -d 16
  (( APP_JSTP )) && load tether jstp-api-50x16 "$SPID" --protocol jstp --app tether --iface api \
    --request randomNumber --args '[]' -p "$P_JSTP_APP" -c 50 -d 16
  stop "$SPID"

  start actionhero "$P_AH" env -C "$PEERS_DIR" NODE_ENV=production LOG_LEVEL=warning REDIS_PORT="$P_REDIS" \
    SOCKET_PORT="$P_AH" ACTIONHERO_CONFIG_OVERRIDES="{\"general\":{\"simultaneousActions\":$SIM}}" \
    node node_modules/actionhero/dist/server.js
  idle actionhero "$SPID" --protocol socket -p "$P_AH"
  SOCKET_LOADS actionhero "$SPID" "$P_AH"
  stop "$SPID"

  start tether-jstp "$P_JSTP" "$JAVA" "${TETHER_JVM[@]}" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" \
    io.tether.bench.server.JstpBenchServer --port "$P_JSTP" --simultaneous-actions "$SIM"
  idle tether "$SPID" --protocol jstp --app bench -p "$P_JSTP"
  JSTP_LOADS tether "$SPID" "$P_JSTP"
  stop "$SPID"

  start metarhia-jstp "$P_JSTP_NODE" env -C "$PEERS_DIR" NODE_ENV=production node jstp-echo-server.js "$P_JSTP_NODE"
  idle metarhia-jstp "$SPID" --protocol jstp --app bench -p "$P_JSTP_NODE"
  JSTP_LOADS metarhia-jstp "$SPID" "$P_JSTP_NODE"
  stop "$SPID"
done

"$ROOT/bench/report.sh" "$RESULTS" | tee "$OUT/table.md"
echo "results: $RESULTS"
