#!/usr/bin/env bash
# Tether vs its reference peers, same load generator, same machine (docs/performance.md).
#
#   bench/compare.sh [--duration 8s] [--warmup 3s] [--prime 10s] [--repeat 3] [--idle 10000]
#                    [--idle-warmup 0] [--modes "pinned unpinned"] [--out DIR] [--skip-build]
#
# All servers of a mode run at once; each round runs every load once, the servers taking
# turns, and the table shows the median of the rounds (about 25 minutes with the defaults).
# Peers: actionhero@29.3.5 + actionhero-socket-server@3.0.1 (needs Redis),
# @metarhia/jstp@2.3.0 (bench/peers/jstp-echo-server.js) and redis-server itself
# (PING_INLINE baseline). They are installed into $PEERS_DIR (default
# /tmp/tether-bench-peers). Only loopback addresses are used; every wait is bounded.
# Pinned mode runs every server with `taskset -c 0` and the generator with
# `taskset -c 1`; unpinned mode lets the scheduler place both.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-/tmp/tether-bench-peers}"
DURATION=8s WARMUP=3s PRIME=10s REPEAT=3 IDLE=10000 IDLE_WARMUP=0 MODES="pinned unpinned" SKIP_BUILD=0
OUT="$ROOT/tether-bench/target/compare-$(date +%Y%m%d-%H%M%S)"
SIM=64   # simultaneousActions on every server (deep pipelines need more than the default 5)
while (( $# )); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --prime) PRIME="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --idle-warmup) IDLE_WARMUP="$2"; shift 2 ;;
    --modes) MODES="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"; : > "$RESULTS"
P_TETHER=15000 P_TLS=15443 P_JSTP_APP=14002 P_AH=15001 P_JSTP=14000 P_JSTP_NODE=14001 P_REDIS=16379

# ---------------------------------------------------------------- setup
JAVA="$("$ROOT/tether" jdk)/bin/java"
[[ -x "$JAVA" ]] || { echo "compare: no JDK 21+ found (see ./tether)" >&2; exit 1; }
if (( ! SKIP_BUILD )); then
  "$ROOT/tether" build
  "$ROOT/tether" mvn -q -pl tether-bench -am package -DskipTests -DskipITs
fi
APP_JAR="$ROOT/tether-demo/target/tether.jar"
BENCH_JAR="$ROOT/tether-bench/target/tether-bench.jar"
# the generator may let Netty use Unsafe for its direct buffers (JDK 24+ turn that off unless
# allowed): same tool for every server, and it keeps the generator cheaper than what it drives
GEN_JVM=(--enable-native-access=ALL-UNNAMED)
"$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && GEN_JVM+=(--sun-misc-unsafe-memory-access=allow)
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

# every connection of the generator comes from 127.0.0.1, and idle mode holds IDLE of them: lift
# the app's connection limits (tether.socket/jstp.max-connections and max-connections-per-address,
# 10,000 and 256 by default) above that, keeping them on (their checks are part of what is measured)
CONN_LIMIT=$(( IDLE + 1000 ))
export TETHER_SOCKET_MAX_CONNECTIONS=$CONN_LIMIT TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS=$CONN_LIMIT
export TETHER_JSTP_MAX_CONNECTIONS=$CONN_LIMIT TETHER_JSTP_MAX_CONNECTIONS_PER_ADDRESS=$CONN_LIMIT
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
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "compare: port $port is already in use (a server left from an earlier run?)" >&2; exit 1
  fi
  $SRV_PIN "$@" > "$OUT/$name-$MODE.log" 2>&1 &
  SPID=$!; PIDS+=("$SPID")
  wait_port "$port"
  sleep 1
  kill -0 "$SPID" 2>/dev/null || { echo "compare: $name exited at start, see $OUT/$name-$MODE.log" >&2; exit 1; }
}

stop() { # pid: SIGTERM, then SIGKILL after 10 s
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

load() { # server load-name pid generator-args...: one measured run, appends a tagged JSON line
  local server="$1" name="$2" pid="$3"; shift 3
  local line
  line=$($GEN_PIN "$JAVA" "${GEN_JVM[@]}" -jar "$BENCH_JAR" --pid "$pid" \
    --threads "$GEN_THREADS" --quiet --duration "$DURATION" --warmup "$WARMUP" "$@" 2>>"$OUT/generator.log" \
    | grep '^{"tetherBench"' || true)
  [[ -n "$line" ]] || { echo "compare: $server $name produced no result" >&2; return 0; }
  echo "$line" | jq -c --arg s "$server" --arg l "$name" --arg m "$MODE" --argjson r "$ROUND" \
    --arg la "$(cut -d' ' -f1 /proc/loadavg)" '. + {server:$s, load:$l, pin:$m, round:$r, loadavg:($la|tonumber)}' \
    | tee -a "$RESULTS" \
    | jq -r '"  \(.pin) r\(.round) \(.server) \(.load): \(.rps|floor) req/s p50 \(.p50us)us p99 \(.p99us)us cpu \(.serverCpu|floor)/\(.selfCpu|floor) failures \(.failures)"'
}

prime() { # pid generator-args...: unmeasured 50x16 load right after a server starts, so that every
  # server (JVM JIT, V8 optimiser, allocator pools) is warm before its first measured load
  $GEN_PIN "$JAVA" "${GEN_JVM[@]}" -jar "$BENCH_JAR" --threads "$GEN_THREADS" --quiet \
    --duration "$PRIME" --warmup 0s -c 50 -d 16 "$@" >/dev/null 2>>"$OUT/generator.log" || true
}

idle() { # server pid generator-args...: idle connections on the freshly started server (before any
  # load touched its heap or pools), once: RSS does not depend on pinning. With --idle-warmup W,
  # W connections are opened and held first and the result is the growth per connection after
  # them (the growth from the fresh server is recorded beside it)
  [[ "$MODE" == unpinned && "$IDLE" -gt 0 ]] || return 0
  local server="$1" pid="$2"; shift 2
  local line
  line=$("$JAVA" "${GEN_JVM[@]}" -jar "$BENCH_JAR" --pid "$pid" --quiet --idle "$IDLE" --idle-warmup "$IDLE_WARMUP" \
    --hold 5s "$@" 2>>"$OUT/generator.log" \
    | grep '^{"tetherBench"' || true)
  [[ -n "$line" ]] && echo "$line" | jq -c --arg s "$server" --arg m "$MODE" '. + {server:$s, load:"idle", pin:$m}' \
    | tee -a "$RESULTS" | jq -r '"  \(.server) idle: \(.completed) held after \(.idleWarmup), \(.rssBytesPerConn|floor) bytes/conn (from the fresh server: \(.rssBytesPerConnFresh|floor))"'
}

# ---------------------------------------------------------------- runs
# Per mode, every server is started (all pinned to core 0 in pinned mode) and stays up; after
# the idle runs and one prime each, REPEAT rounds run every load once, the servers taking turns
# load by load, so a slow spell of this shared machine hits all of them alike and the medians of
# the rounds compare like with like.
redis-server --port "$P_REDIS" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  > "$OUT/redis.log" 2>&1 &
REDIS_PID=$!; PIDS+=("$REDIS_PID"); wait_port "$P_REDIS"
J_ECHO=(--protocol jstp --app bench --iface bench --request echo --args "['hello']")

for MODE in $MODES; do
  if [[ "$MODE" == pinned ]]; then SRV_PIN="taskset -c 0"; GEN_PIN="taskset -c 1"; GEN_THREADS=1
  else SRV_PIN=""; GEN_PIN=""; GEN_THREADS=2; fi
  echo "== $MODE"
  ROUND=0
  [[ "$MODE" == pinned ]] && taskset -p -c 0 "$REDIS_PID" >/dev/null || taskset -p -c 0,1 "$REDIS_PID" >/dev/null

  # JSTP idle connections on the product itself: a fresh app process, its JSTP listener (the
  # bench server below is measured too, as an info row: a smaller program, see docs/performance.md)
  if (( APP_JSTP )) && [[ "$MODE" == unpinned && "$IDLE" -gt 0 ]]; then
    start tether-idle "$P_JSTP_APP" "$JAVA" "${TETHER_JVM[@]}" -jar "$APP_JAR" --host 127.0.0.1 --port "$P_TETHER" \
      --jstp-host 127.0.0.1 --jstp-port "$P_JSTP_APP"
    idle tether "$SPID" --protocol jstp --app tether -p "$P_JSTP_APP"
    stop "$SPID"
  fi

  tls_args=()
  (( TLS_OK )) && tls_args=(--tls-port "$P_TLS" --tls-cert "$OUT/cert.pem" --tls-key "$OUT/key.pem")
  # the app's own JSTP listener: its built-in application `tether`, interface `api` = the actions
  (( APP_JSTP )) && tls_args+=(--jstp-host 127.0.0.1 --jstp-port "$P_JSTP_APP")
  start tether "$P_TETHER" "$JAVA" "${TETHER_JVM[@]}" -jar "$APP_JAR" --host 127.0.0.1 --port "$P_TETHER" \
    --simultaneous-actions "$SIM" "${tls_args[@]}"
  T_PID=$SPID
  idle tether "$T_PID" --protocol socket -p "$P_TETHER"
  start actionhero "$P_AH" env -C "$PEERS_DIR" NODE_ENV=production LOG_LEVEL=warning REDIS_PORT="$P_REDIS" \
    SOCKET_PORT="$P_AH" ACTIONHERO_CONFIG_OVERRIDES="{\"general\":{\"simultaneousActions\":$SIM}}" \
    node node_modules/actionhero/dist/server.js
  AH_PID=$SPID
  idle actionhero "$AH_PID" --protocol socket -p "$P_AH"
  start tether-jstp "$P_JSTP" "$JAVA" "${TETHER_JVM[@]}" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" \
    io.tether.bench.server.JstpBenchServer --port "$P_JSTP" --simultaneous-actions "$SIM" \
    --max-connections "$CONN_LIMIT"
  TJ_PID=$SPID
  idle tether-bench-server "$TJ_PID" --protocol jstp --app bench -p "$P_JSTP"
  start metarhia-jstp "$P_JSTP_NODE" env -C "$PEERS_DIR" NODE_ENV=production node jstp-echo-server.js "$P_JSTP_NODE"
  NJ_PID=$SPID
  idle metarhia-jstp "$NJ_PID" --protocol jstp --app bench -p "$P_JSTP_NODE"

  prime --protocol redis -p "$P_REDIS"
  prime --protocol socket -p "$P_TETHER"
  (( TLS_OK )) && prime --protocol socket --tls -p "$P_TLS"
  (( APP_JSTP )) && prime --protocol jstp --app tether --iface api --request randomNumber --args '[]' -p "$P_JSTP_APP"
  prime --protocol socket -p "$P_AH"
  prime "${J_ECHO[@]}" -p "$P_JSTP"
  prime "${J_ECHO[@]}" -p "$P_JSTP_NODE"

  for ROUND in $(seq 1 "$REPEAT"); do
    for shape in "50 16" "1 1" "50 1"; do
      read -r c d <<< "$shape"
      load redis "$( [[ "$shape" == "50 16" ]] && echo redis-50x16 || echo "socket-${c}x${d}")" "$REDIS_PID" \
        --protocol redis -p "$P_REDIS" -c "$c" -d "$d"
      load tether "socket-${c}x${d}" "$T_PID" --protocol socket -p "$P_TETHER" -c "$c" -d "$d"
      load actionhero "socket-${c}x${d}" "$AH_PID" --protocol socket -p "$P_AH" -c "$c" -d "$d"
      load tether "jstp-${c}x${d}" "$TJ_PID" "${J_ECHO[@]}" -p "$P_JSTP" -c "$c" -d "$d"
      load metarhia-jstp "jstp-${c}x${d}" "$NJ_PID" "${J_ECHO[@]}" -p "$P_JSTP_NODE" -c "$c" -d "$d"
    done
    (( TLS_OK )) && load tether socket-tls-50x16 "$T_PID" --protocol socket --tls -p "$P_TLS" -c 50 -d 16
    (( APP_JSTP )) && load tether jstp-api-50x16 "$T_PID" --protocol jstp --app tether --iface api \
      --request randomNumber --args '[]' -p "$P_JSTP_APP" -c 50 -d 16
  done
  for p in "$T_PID" "$AH_PID" "$TJ_PID" "$NJ_PID"; do stop "$p"; done
done

"$ROOT/bench/report.sh" "$RESULTS" | tee "$OUT/table.md"
echo "results: $RESULTS"
