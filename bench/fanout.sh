#!/usr/bin/env bash
# Room fan-out: how many room messages per second reach their members, and how fast, on K
# Tether nodes sharing one Redis, against actionhero 29.3.5 + actionhero-socket-server (the
# anchor, one node then two on the same Redis), same generator, same machine (docs/fanout.md).
#
#   bench/fanout.sh [--duration 15s] [--warmup 3s] [--prime 5s] [--nodes "1 2 4"] [--ah-nodes "1 2"]
#                   [--loads "room1000 rooms100"] [--systems "tether actionhero"] [--no-half]
#                   [--redis-url URL] [--out DIR] [--skip-build] [--gc-log]
#                   [--pin-generator CPUS] [--pin-servers CPUS] [--probes N] [--fractions "0.25 …"]
#                   [--transport epoll|io_uring|nio] [--port-base N]
#
# Loads (tether-bench --fanout, socket protocol, members spread round-robin over the nodes):
#   room1000  one room of 1,000 members, one sender (say … <send time>), every member receives it
#   rooms100  100 rooms of 10 members, every member sends
# Each (system, nodes, load) runs once at the maximum rate (each sender keeps -d messages in
# flight, one done when its own copy comes back), then once at half the rate it reached (a fixed
# send rate; the send time is the intended one, so lag shows as latency). Every run samples the
# CPU of each node, of Redis (every node of a Redis Cluster, one column each) and of the generator (/proc/<pid>/stat) to name the bottleneck.
#
# --gc-log writes each Tether node's GC log (-Xlog:gc) next to its output (tether-K-I.gc.log), to
# tell a node's pauses from other tails. --pin-generator / --pin-servers run the generator / the
# nodes and Redis under `taskset -c CPUS` (e.g. 0 and 1 on two cores), so the generator's CPU does
# not queue the servers' (and the other way round). --probes N: N members per room parse every
# delivery's send stamp into the latency histogram, the others only count what they receive
# (tether-bench --probes; 0 = every member is a probe). --fractions "F …" adds, after the half-rate
# run, one fixed-rate run at F × the max run's send rate each (rate "F" in results.jsonl): on a
# machine where the half-rate run still keeps every core busy, the latency at a rate that leaves
# CPU headroom.
#
# --transport NAME runs the Tether nodes on that Netty transport (tether --transport, i.e.
# tether.transport) and the generator's connections on it too (tether-bench --transport), for every
# row of the run, the actionhero anchor rows included (their generator uses it; actionhero itself is
# unchanged). Default: neither is given, both use epoll where available (else NIO). An epoll or
# io_uring that is not available fails the run. --port-base N: the Tether nodes listen on N + i and
# the actionhero nodes on N + 20 + i (default 15200), so two runs can share a machine.
#
# Redis: by default the script starts its own redis-server on a free port (data dir in the
# output dir). --redis-url runs the Tether rows against an external Redis instead (the Redis
# Cluster / Sentinel rows: once tether-redis accepts those URLs, pass the cluster's URL; each row
# uses its own key prefix, nothing is flushed); the actionhero rows need a standalone Redis and
# use host:port of the URL. Rooms: actionhero creates them at boot (general.startingChatRooms);
# for Tether the script adds them to the cluster's room set in Redis (SADD <prefix>{rooms}:all, tether-redis's key layout),
# as any node's rooms.create would. Only loopback addresses are used; every wait is bounded.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-/tmp/tether-bench-peers}"
DURATION=15s WARMUP=3s PRIME=5s NODES="1 2 4" AH_NODES="1 2" LOADS="room1000 rooms100"
SYSTEMS="tether actionhero" HALF=1 REDIS_URL="" SKIP_BUILD=0 GC_LOG=0 PIN_GEN="" PIN_SRV="" PROBES="" FRACTIONS=""
TRANSPORT="" PORT_BASE=15200
OUT="$ROOT/tether-bench/target/fanout-$(date +%Y%m%d-%H%M%S)"
while (( $# )); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --prime) PRIME="$2"; shift 2 ;;
    --nodes) NODES="$2"; shift 2 ;;
    --ah-nodes) AH_NODES="$2"; shift 2 ;;
    --loads) LOADS="$2"; shift 2 ;;
    --systems) SYSTEMS="$2"; shift 2 ;;
    --no-half) HALF=0; shift ;;
    --redis-url) REDIS_URL="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --gc-log) GC_LOG=1; shift ;;
    --pin-generator) PIN_GEN="$2"; shift 2 ;;
    --pin-servers) PIN_SRV="$2"; shift 2 ;;
    --probes) PROBES="$2"; shift 2 ;;
    --fractions) FRACTIONS="$2"; shift 2 ;;
    --transport) TRANSPORT="$2"; shift 2 ;;
    --port-base) PORT_BASE="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
PIN_GEN_CMD=(); [[ -n "$PIN_GEN" ]] && PIN_GEN_CMD=(taskset -c "$PIN_GEN")
PIN_SRV_CMD=(); [[ -n "$PIN_SRV" ]] && PIN_SRV_CMD=(taskset -c "$PIN_SRV")
RESULTS="$OUT/results.jsonl"; : > "$RESULTS"
P_TETHER=$PORT_BASE P_AH=$((PORT_BASE + 20))   # node i listens on P + i
ROOM_PREFIX=fanout
GEN_THREADS=2

# ---------------------------------------------------------------- setup
JAVA="$("$ROOT/tether" jdk)/bin/java"
[[ -x "$JAVA" ]] || { echo "fanout: no JDK 21+ found (see ./tether)" >&2; exit 1; }
if (( ! SKIP_BUILD )); then
  "$ROOT/tether" mvn -q -pl tether-demo,tether-bench -am package -DskipTests -DskipITs
fi
APP_JAR="$ROOT/tether-demo/target/tether.jar"
BENCH_JAR="$ROOT/tether-bench/target/tether-bench.jar"
GEN_JVM=(--enable-native-access=ALL-UNNAMED)
"$JAVA" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 && GEN_JVM+=(--sun-misc-unsafe-memory-access=allow)
mapfile -t TETHER_JVM < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/tether-app/jvm.options")
TRANSPORT_ARGS=(); [[ -n "$TRANSPORT" ]] && TRANSPORT_ARGS=(--transport "$TRANSPORT")
# 1,000 generator connections come from 127.0.0.1: lift the per-address limit (256 by default)
export TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS=5000 TETHER_SOCKET_MAX_CONNECTIONS=20000
# a busy machine can take longer than the default 2 s to connect a starting node to Redis
export TETHER_REDIS_COMMAND_TIMEOUT="${TETHER_REDIS_COMMAND_TIMEOUT:-10s}"

if [[ " $SYSTEMS " == *" actionhero "* ]]; then
  # the same actionhero install as compare.sh
  if [[ ! -d "$PEERS_DIR/node_modules/actionhero-socket-server" ]]; then
    mkdir -p "$PEERS_DIR"
    (cd "$PEERS_DIR" && { [[ -f package.json ]] || npm init -y >/dev/null; } &&
      npm install --no-audit --no-fund actionhero@29.3.5 actionhero-socket-server@3.0.1 @metarhia/jstp@2.3.0)
  fi
  "$ROOT/bench/peers/setup-actionhero.sh" "$PEERS_DIR"
fi
command -v redis-server >/dev/null || { echo "fanout: redis-server not found (apt-get install redis-server)" >&2; exit 1; }

# ---------------------------------------------------------------- process control
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port: wait up to 60 s until it accepts connections
  for _ in $(seq 1 600); do port_open "$1" && return 0; sleep 0.1; done
  echo "fanout: nothing listens on $1 after 60 s" >&2; return 1
}
free_port() { local p=$1; while port_open "$p"; do p=$((p + 1)); done; echo "$p"; }

stop() { # pid: SIGTERM, then SIGKILL after 15 s
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

OWN_REDIS=0
if [[ -z "$REDIS_URL" ]]; then
  P_REDIS=$(free_port 16400)
  mkdir -p "$OUT/redis"
  "${PIN_SRV_CMD[@]}" redis-server --port "$P_REDIS" --bind 127.0.0.1 --save '' --appendonly no --dir "$OUT/redis" \
    --daemonize no > "$OUT/redis.log" 2>&1 &
  REDIS_PID=$!; PIDS+=("$REDIS_PID"); wait_port "$P_REDIS"
  REDIS_URL="redis://127.0.0.1:$P_REDIS"; OWN_REDIS=1
fi
R_HOSTPORT="${REDIS_URL#*://}"; R_HOSTPORT="${R_HOSTPORT##*@}"; R_HOSTPORT="${R_HOSTPORT%%/*}"; R_HOSTPORT="${R_HOSTPORT%%,*}"
R_HOST="${R_HOSTPORT%%:*}" R_PORT="${R_HOSTPORT##*:}"
rcli() { redis-cli -c -h "$R_HOST" -p "$R_PORT" "$@"; } # -c: follows a cluster's redirects
# Redis processes whose CPU is sampled (when local): the one server, or every node of a Redis
# Cluster (primaries and replicas, from CLUSTER NODES), each with its own column
REDIS_PIDS=() REDIS_NAMES=()
if (( OWN_REDIS )); then
  REDIS_PIDS=("$REDIS_PID") REDIS_NAMES=(redis)
elif [[ "$(redis-cli -h "$R_HOST" -p "$R_PORT" cluster info 2>/dev/null | tr -d '\r' | grep -c '^cluster_state:')" == 1 ]]; then
  while read -r port; do
    pid=$(pgrep -f "redis-server .*:$port( |\$)" | head -1 || true)
    [[ -n "$pid" ]] && { REDIS_PIDS+=("$pid"); REDIS_NAMES+=("redis:$port"); }
  done < <(redis-cli -h "$R_HOST" -p "$R_PORT" cluster nodes | awk '{split($2, a, "[:@]"); print a[2]}' | sort -n)
else
  pid=$(pgrep -f "redis-server .*:$R_PORT( |\$)" | head -1 || true)
  [[ -n "$pid" ]] && { REDIS_PIDS=("$pid") REDIS_NAMES=(redis); }
fi
ROOMS_JSON="{$(seq 0 99 | sed "s/.*/\"$ROOM_PREFIX&\":{}/" | paste -sd,)}"
{ echo "date: $(date -u +%FT%TZ)"; echo "cores: $(nproc)"; echo "redis: $REDIS_URL ($(redis-server --version | cut -d' ' -f3))"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"; echo "node: $(node --version 2>/dev/null || echo none)"; } | tee "$OUT/env.txt"

# ---------------------------------------------------------------- one system at K nodes
NODE_PIDS=()
start_tether() { # k row: K Tether nodes on the Redis, rooms in the row's key prefix
  local k=$1 prefix="fanout$2:"
  rcli SADD "${prefix}{rooms}:all" $(for i in $(seq 0 99); do echo "$ROOM_PREFIX$i"; done) >/dev/null
  NODE_PIDS=(); PORTS=()
  for i in $(seq 0 $((k - 1))); do
    local port=$((P_TETHER + i))
    port_open "$port" && { echo "fanout: port $port is in use" >&2; exit 1; }
    local gc=(); (( GC_LOG )) && gc=("-Xlog:gc:file=$OUT/tether-$k-$i.gc.log:time,uptime")
    TETHER_REDIS_KEY_PREFIX="$prefix" "${PIN_SRV_CMD[@]}" "$JAVA" "${TETHER_JVM[@]}" "${gc[@]}" -jar "$APP_JAR" --host 127.0.0.1 --port "$port" \
      ${TRANSPORT_ARGS[@]+"${TRANSPORT_ARGS[@]}"} --no-jstp --redis-url "$REDIS_URL" > "$OUT/tether-$k-$i.log" 2>&1 &
    NODE_PIDS+=($!); PIDS+=($!); PORTS+=("$port")
  done
  for p in "${PORTS[@]}"; do wait_port "$p"; done
}

start_actionhero() { # k: K actionhero nodes on the Redis, rooms created at boot
  local k=$1
  NODE_PIDS=(); PORTS=()
  for i in $(seq 0 $((k - 1))); do
    local port=$((P_AH + i))
    port_open "$port" && { echo "fanout: port $port is in use" >&2; exit 1; }
    "${PIN_SRV_CMD[@]}" env -C "$PEERS_DIR" NODE_ENV=production LOG_LEVEL=warning REDIS_HOST="$R_HOST" REDIS_PORT="$R_PORT" \
      SOCKET_PORT="$port" ACTIONHERO_TITLE="fanout-ah-$i" \
      ACTIONHERO_CONFIG_OVERRIDES="{\"general\":{\"startingChatRooms\":$ROOMS_JSON}}" \
      node node_modules/actionhero/dist/server.js > "$OUT/actionhero-$k-$i.log" 2>&1 &
    NODE_PIDS+=($!); PIDS+=($!); PORTS+=("$port")
  done
  for p in "${PORTS[@]}"; do wait_port "$p"; done
  sleep 2 # startingChatRooms are created by the initializer after the listener
}

load_args() { # load: the generator's shape options
  case "$1" in
    room1000) echo "--rooms 1 --members 1000 --senders 1 -d 32" ;;
    rooms100) echo "--rooms 100 --members 10 --senders 10 -d 1" ;;
    *) echo "fanout: unknown load $1" >&2; exit 2 ;;
  esac
}

generate() { # extra generator args...: one run, prints its JSON line (empty on failure)
  local pid_args=() p
  for p in "${NODE_PIDS[@]}"; do pid_args+=(--pid "$p"); done
  for p in ${REDIS_PIDS[@]+"${REDIS_PIDS[@]}"}; do pid_args+=(--pid "$p"); done
  [[ -n "$PROBES" ]] && pid_args+=(--probes "$PROBES")
  "${PIN_GEN_CMD[@]}" "$JAVA" "${GEN_JVM[@]}" -jar "$BENCH_JAR" --fanout --quiet --threads "$GEN_THREADS" --room-prefix "$ROOM_PREFIX" \
    ${TRANSPORT_ARGS[@]+"${TRANSPORT_ARGS[@]}"} \
    -p "${PORTS[0]}" --fanout-ports "$(IFS=,; echo "${PORTS[*]}")" "${pid_args[@]}" "$@" 2>>"$OUT/generator.log" \
    | grep '^{"tetherBench"' || true
}

run_row() { # system k load
  local system=$1 k=$2 load=$3 line rate
  local names; names=$(printf '"node%d",' $(seq 0 $((k - 1)))); names="${names}$(printf '"%s",' ${REDIS_NAMES[@]+"${REDIS_NAMES[@]}"})"
  names="[${names%,}]"
  for rate in max half $FRACTIONS; do
    local extra=()
    if [[ $rate != max ]]; then
      [[ $rate == half ]] && { (( HALF )) || continue; }
      local fraction=$rate; [[ $rate == half ]] && fraction=0.5
      [[ -n "${MAX_SENT:-}" ]] && awk "BEGIN{exit !($MAX_SENT > 0)}" || continue
      extra=(--send-rate "$(awk "BEGIN{printf \"%.0f\", $MAX_SENT * $fraction}")")
    fi
    # shellcheck disable=SC2046
    line=$(generate $(load_args "$load") --duration "$DURATION" --warmup "$WARMUP" "${extra[@]}")
    [[ -n "$line" ]] || { echo "  $system x$k $load $rate: no result (see $OUT/generator.log)" >&2; MAX_SENT=; continue; }
    line=$(echo "$line" | jq -c --arg s "$system" --argjson k "$k" --arg l "$load" --arg r "$rate" \
      --argjson n "$names" --argjson cores "$(nproc)" --arg la "$(cut -d' ' -f1 /proc/loadavg)" \
      '. + {system:$s, nodeCount:$k, load:$l, rate:$r, pidNames:$n, cores:$cores, loadavg:($la|tonumber)}')
    echo "$line" >> "$RESULTS"
    echo "$line" | jq -r '"  \(.system) x\(.nodeCount) \(.load) \(.rate): sent \(.sentRate|floor)/s delivered \(.rps|floor)/s p50 \(.p50us/10|floor/100)ms p99 \(.p99us/10|floor/100)ms lost \(.lost) cpu \(.pidCpu) gen \(.selfCpu|floor) failures \(.failures) load \(.loadavg)"'
    if [[ $rate == max ]]; then MAX_SENT=$(echo "$line" | jq '.sentRate'); fi
  done
}

ROW=0
for system in $SYSTEMS; do
  if [[ $system == tether ]]; then counts=$NODES; else counts=$AH_NODES; fi
  for k in $counts; do
    ROW=$((ROW + 1))
    (( OWN_REDIS )) && rcli FLUSHALL >/dev/null
    echo "== $system, $k node(s)"
    if [[ $system == tether ]]; then start_tether "$k" "$ROW"; else start_actionhero "$k"; fi
    # warm every node (JIT, V8) with an unmeasured run of the many-rooms load
    generate $(load_args rooms100) --duration "$PRIME" --warmup 0s > /dev/null
    for load in $LOADS; do MAX_SENT=; run_row "$system" "$k" "$load"; done
    for p in "${NODE_PIDS[@]}"; do stop "$p"; done
  done
done

node "$ROOT/bench/fanout-report.js" "$RESULTS" | tee "$OUT/table.md"
echo "results: $RESULTS"
