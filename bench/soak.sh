#!/usr/bin/env bash
# Soak test (docs/reliability.md, "Soak"): starts the app server with Netty leak detection at
# paranoid, drives connect / act / join / say / drop / restore churn on both protocols at a steady
# rate with `tether-bench --soak`, samples the server's live heap (bytes that survive a full GC:
# jcmd GC.class_histogram)
# at intervals, then counts leak reports and errors in the server's log and prints the verdict.
#
#   bench/soak.sh [--duration 60m] [--rate 10] [--sample-every 60s] [--warmup 15m] [--max-slope 50]
#                 [--session-expiry 60s] [--out DIR] [--ci]
#
#   --ci   the CI-size run: 150 s, samples every 10 s, warm-up 50 s, session-expiry 20 s,
#          max slope 1024 KB/min (catches a leak of about a kilobyte per cycle); ~3 minutes
#
# Pass: the least-squares slope of the live heap over the samples after the warm-up is at most
# --max-slope KB/min, the server's log has no LEAK report and no ERROR line, and the driver saw no
# error other than the ones the load provokes on purpose (an unknown socket action, a restore of a
# session that never existed). The warm-up must exceed --session-expiry: a JSTP session whose
# transport dropped stays (and keeps its room memberships) that long, so the heap rises for that
# long before it is flat. Output in DIR (default tether-bench/target/soak-<time>): samples.csv,
# server.log, driver.log, summary.json; the last line printed is the verdict. Exit 0 on pass.
# The jars are copied to DIR first, so rebuilding the checkout during a run does not disturb it.
# Build them first:  ./tether mvn -q -pl tether-demo,tether-bench -am package -DskipTests -DskipITs
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=60m RATE=10 SAMPLE=60s WARMUP=15m MAX_SLOPE=50 EXPIRY=60s OUT=""
while (( $# )); do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --sample-every) SAMPLE="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --max-slope) MAX_SLOPE="$2"; shift 2 ;;
    --session-expiry) EXPIRY="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --ci) DURATION=150s SAMPLE=10s WARMUP=50s EXPIRY=20s MAX_SLOPE=1024; shift ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
JDK="$("$ROOT/tether" jdk)"
for jar in tether-demo/target/tether.jar tether-bench/target/tether-bench.jar; do
  [[ -f "$ROOT/$jar" ]] || { echo "soak: $ROOT/$jar is missing: build it first (see --help)" >&2; exit 2; }
done
OUT="${OUT:-$ROOT/tether-bench/target/soak-$(date -u +%Y%m%d-%H%M%S)}"
COMMIT="$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown)" # of the jars' checkout, at the start
mkdir -p "$OUT"
cp "$ROOT/tether-demo/target/tether.jar" "$ROOT/tether-bench/target/tether-bench.jar" "$OUT/"
mapfile -t JOPTS < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/tether-app/jvm.options")

# the server: the app's JVM options, paranoid leak detection, any free ports, short session expiry;
# the JSTP handshake timeout (3 s) raised to 60 s: on a busy machine a handshake under paranoid leak
# detection can take longer, and that protection is not what a soak tests
# and the cap of detached sessions per address (64) lifted: every client here is 127.0.0.1, and
# with it the expiry, not the eviction of the oldest, bounds the detached sessions
TETHER_JSTP_SESSION_EXPIRY="$EXPIRY" TETHER_JSTP_HANDSHAKE_TIMEOUT=60s \
TETHER_JSTP_MAX_DETACHED_SESSIONS_PER_ADDRESS=100000 "$JDK/bin/java" "${JOPTS[@]}" -Dio.netty.leakDetection.level=paranoid \
  -jar "$OUT/tether.jar" --port 0 --jstp-port 0 --host 127.0.0.1 --jstp-host 127.0.0.1 \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
port_of() { { grep -m1 "$1" "$OUT/server.log" || true; } | sed -E 's/.*listening on [^ ]*:([0-9]+) .*/\1/'; }
for _ in $(seq 1 120); do
  SOCKET_PORT="$(port_of '(ActionHero socket protocol')" JSTP_PORT="$(port_of '(JSTP')"
  [[ -n "$SOCKET_PORT" && -n "$JSTP_PORT" ]] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "soak: the server exited:" >&2; cat "$OUT/server.log" >&2; exit 1; }
  sleep 1
done
[[ -n "$SOCKET_PORT" && -n "$JSTP_PORT" ]] || { echo "soak: the server did not listen within 2 minutes" >&2; exit 1; }
echo "soak: commit $COMMIT, started $(date -u '+%F %T') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "soak: server pid $SERVER (socket $SOCKET_PORT, jstp $JSTP_PORT), $DURATION at $RATE cycles/s, out $OUT"

set +e
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED -jar "$OUT/tether-bench.jar" --soak "$DURATION" \
  -p "$SOCKET_PORT" --jstp-port "$JSTP_PORT" --pid "$SERVER" --rate "$RATE" --sample-every "$SAMPLE" \
  --soak-warmup "$WARMUP" --max-slope "$MAX_SLOPE" --samples "$OUT/samples.csv" 2>&1 | tee "$OUT/driver.log"
set -e
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; trap - EXIT

REPORT="$(grep '^{"tetherSoak":1' "$OUT/driver.log" | tail -1)"
[[ -n "$REPORT" ]] || { echo "soak: FAIL (the driver printed no report; see $OUT/driver.log)" >&2; exit 1; }
LEAKS=$(grep -c 'LEAK:' "$OUT/server.log" || true)
# every ERROR line but the leak reports (those are counted above)
SERVER_ERRORS=$(grep ' ERROR ' "$OUT/server.log" | grep -vc 'LEAK:' || true)
SERVER_WARNS=$(grep -c ' WARN ' "$OUT/server.log" || true)
jq -c --argjson leaks "$LEAKS" --argjson serverErrors "$SERVER_ERRORS" --argjson serverWarnings "$SERVER_WARNS" \
  --arg commit "$COMMIT" \
  '. + {leaks: $leaks, serverErrors: $serverErrors, serverWarnings: $serverWarnings, commit: $commit,
        pass: (.pass and $leaks == 0 and $serverErrors == 0)}' <<< "$REPORT" > "$OUT/summary.json"
jq -r '"soak: \(if .pass then "PASS" else "FAIL" end): live heap slope \(.slopeKbPerMin) KB/min (max \(.maxSlopeKbPerMin)) over \(.windowSamples) samples after the warm-up, \(.heapMinKb)-\(.heapMaxKb) KB; leaks \(.leaks); errors \(.errors) (server log: \(.serverErrors) ERROR, \(.serverWarnings) WARN); expected errors \(.expectedErrors | tojson); \(.cycles) cycles, \(.connections) connections, \(.requests) requests, \(.restores) restores in \(.seconds) s"' \
  "$OUT/summary.json"
jq -e .pass "$OUT/summary.json" > /dev/null
