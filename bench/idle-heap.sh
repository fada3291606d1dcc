#!/usr/bin/env bash
# Memory per idle connection of a running JVM server, two ways (docs/performance.md, "Memory per
# connection"): the RSS growth the generator's --idle mode reports, and the live heap per
# connection (used heap after a full GC with the connections held, minus the same before them).
#
#   bench/idle-heap.sh <server pid> <connections> <generator args...>
#   bench/idle-heap.sh 4242 19000 --protocol jstp --app tether -p 4000
#
# Every connection comes from 127.0.0.1: start the server with its connection limits above the
# count (defaults: 10,000 per listener, 256 per address), e.g. for the app
#   TETHER_SOCKET_MAX_CONNECTIONS=20000 TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS=20000 \
#   TETHER_JSTP_MAX_CONNECTIONS=20000 TETHER_JSTP_MAX_CONNECTIONS_PER_ADDRESS=20000 ./tether run
# (JstpBenchServer: --max-connections 20000); refused connections show up as failures below.
#
# The RSS of a JVM grows by the heap pages it touches for the first time: allocation into eden
# not yet touched, then whatever survives; so small counts mostly measure how much of eden the
# process had touched before. The live heap does not depend on that history. Run it on a freshly
# started server: the first full GC here compacts whatever came before.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(( $# >= 3 )) || { sed -n 2,18p "$0"; exit 2; }
PID="$1" N="$2"; shift 2
JDK="$("$ROOT/tether" jdk)"
[[ -x "$JDK/bin/jcmd" ]] || { echo "idle-heap: no JDK 21+ with jcmd found (see ./tether)" >&2; exit 1; }
JAR="$ROOT/tether-bench/target/tether-bench.jar"
[[ -f "$JAR" ]] || { echo "idle-heap: build $JAR first (docs/performance.md)" >&2; exit 1; }
kill -0 "$PID" 2>/dev/null || { echo "idle-heap: no process $PID" >&2; exit 1; }

used_kb() { # heap used after a full GC, summed over the collector's spaces
  "$JDK/bin/jcmd" "$PID" GC.run >/dev/null
  # (serial and parallel: one "total …, used …K" line per generation; G1: one for the heap)
  "$JDK/bin/jcmd" "$PID" GC.heap_info | grep ' total ' | grep -o 'used [0-9]*K' | tr -dc '0-9\n' \
    | awk '{ s += $1 } END { print s + 0 }'
}
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status"; }

before_used=$(used_kb); before_rss=$(rss_kb)
OUT="$(mktemp)"; trap 'rm -f "$OUT"' EXIT
# the generator holds the connections long enough to sample while every one is open: opening
# takes about 1 s per 2,000 on a quiet machine, several times that on a loaded one; the sample
# is taken once the server has a descriptor per connection (plus 5 s for their calls), or at
# the latest 10 s before the hold ends
HOLD=$(( N / 500 + 30 ))
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" --quiet --idle "$N" --hold "${HOLD}s" "$@" > "$OUT" &
GEN=$!
base_fds=$(ls "/proc/$PID/fd" | wc -l)
for (( waited = 0; waited < (HOLD - 15) * 10; waited++ )); do
  (( $(ls "/proc/$PID/fd" | wc -l) >= base_fds + N )) && break
  sleep 0.1
done
sleep 5
held_rss=$(rss_kb); open=$(( $(ls "/proc/$PID/fd" | wc -l) ))
held_used=$(used_kb)
wait "$GEN" || true
jq -r --argjson n "$N" --argjson r0 "$before_rss" --argjson r1 "$held_rss" --argjson u0 "$before_used" \
  --argjson u1 "$held_used" --argjson fds "$open" \
  '"connections greeted \(.completed) of \($n), failures \(.failures); server descriptors open at the sample: \($fds)\n" +
   "RSS \($r0) -> \($r1) KB: \((($r1 - $r0) * 1024 / $n) | floor) B/conn\n" +
   "live heap \($u0) -> \($u1) KB: \((($u1 - $u0) * 1024 / $n) | floor) B/conn"' "$OUT"
jq -e --argjson n "$N" '.completed >= $n' "$OUT" >/dev/null || echo "idle-heap: not every connection was" \
  "greeted: is the server's per-address or per-listener connection limit below $N? (see the top of $0)" >&2
