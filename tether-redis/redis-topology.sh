#!/usr/bin/env bash
# Starts and stops real Redis topologies for the cluster-mode tests (Debian's redis-server 7):
#   redis-topology.sh cluster  DIR   six nodes (three primaries, one replica each) made with
#                                    redis-cli --cluster create; prints "ports P1 ... P6"
#   redis-topology.sh sentinel DIR   one primary, one replica and three sentinels (master name
#                                    "mymaster", quorum 2); prints "ports PRIMARY REPLICA S1 S2 S3"
#   redis-topology.sh stop     DIR   kills every server started in DIR (by the pid files there)
# Ports: a random free range in 10000-22499, so that the cluster bus (port + 10000, checked too)
# stays below Linux' ephemeral ports (32768 and up), which outgoing connections take.
# Nothing is persisted (no RDB, no AOF); DIR holds configs, pid files and logs.
set -euo pipefail
cmd="${1:?usage: redis-topology.sh cluster|sentinel|stop DIR}"
dir="${2:?usage: redis-topology.sh cluster|sentinel|stop DIR}"
SERVER="${REDIS_SERVER:-redis-server}"
CLI="${REDIS_CLI:-redis-cli}"

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_base() { # $1 = how many consecutive ports; prints a base whose ports and bus ports are free
  local n="$1" tries base p ok
  for tries in $(seq 1 50); do
    base=$(( 10000 + (RANDOM * 32768 + RANDOM) % 12490 ))
    ok=1
    for ((p = base; p < base + n; p++)); do
      if in_use "$p" || in_use $((p + 10000)); then ok=0; break; fi
    done
    if (( ok )); then echo "$base"; return 0; fi
  done
  echo "redis-topology: no free port range found" >&2
  return 1
}

start_server() { # $1 = port, rest = extra redis-server arguments
  local port="$1"; shift
  mkdir -p "$dir/$port"
  "$SERVER" --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir/$port" \
    --pidfile "$dir/$port/redis.pid" --logfile "$dir/$port/redis.log" \
    --save '' --appendonly no --protected-mode no "$@"
}

wait_for() { # $1 = description, rest = command that must succeed; waits up to 60 s
  local what="$1"; shift
  for _ in $(seq 1 300); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "redis-topology: timed out waiting for $what" >&2
  return 1
}

pong() { [[ "$("$CLI" -p "$1" ping 2>/dev/null)" == PONG ]]; }
cluster_ok() { "$CLI" -p "$1" cluster info 2>/dev/null | grep -q 'cluster_state:ok'; }
replica_synced() { "$CLI" -p "$1" info replication 2>/dev/null | grep -q 'master_link_status:up'; }
sentinels_see() { # $1 = sentinel port: knows the replica and the two other sentinels
  local info; info=$("$CLI" -p "$1" sentinel master mymaster 2>/dev/null | tr '\n' ' ')
  [[ "$info" =~ num-slaves\ 1 ]] && [[ "$info" =~ num-other-sentinels\ 2 ]]
}

stop_all() {
  local pidfile pid
  shopt -s nullglob
  for pidfile in "$dir"/*/redis.pid; do
    pid=$(cat "$pidfile" 2>/dev/null || true)
    [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  done
}

case "$cmd" in
  cluster)
    mkdir -p "$dir"
    base=$(pick_base 6)
    ports=()
    for ((p = base; p < base + 6; p++)); do
      start_server "$p" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 \
        --cluster-replica-validity-factor 0 --appendonly no
      ports+=("$p")
    done
    for p in "${ports[@]}"; do wait_for "redis on $p" pong "$p"; done
    hosts=(); for p in "${ports[@]}"; do hosts+=("127.0.0.1:$p"); done
    "$CLI" --cluster create "${hosts[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1
    for p in "${ports[@]}"; do wait_for "cluster state ok on $p" cluster_ok "$p"; done
    for p in "${ports[@]}"; do
      if "$CLI" -p "$p" info replication | grep -q 'role:slave'; then wait_for "replica $p in sync" replica_synced "$p"; fi
    done
    echo "ports ${ports[*]}" ;;
  sentinel)
    mkdir -p "$dir"
    base=$(pick_base 5)
    primary=$base; replica=$((base + 1))
    start_server "$primary"
    start_server "$replica" --replicaof 127.0.0.1 "$primary"
    wait_for "redis on $primary" pong "$primary"
    wait_for "replica $replica in sync" replica_synced "$replica"
    sentinels=()
    for ((p = base + 2; p < base + 5; p++)); do
      mkdir -p "$dir/$p"
      cat >"$dir/$p/sentinel.conf" <<CONF
port $p
bind 127.0.0.1
protected-mode no
daemonize yes
dir $dir/$p
pidfile $dir/$p/redis.pid
logfile $dir/$p/redis.log
sentinel monitor mymaster 127.0.0.1 $primary 2
sentinel down-after-milliseconds mymaster 1000
sentinel failover-timeout mymaster 10000
sentinel parallel-syncs mymaster 1
CONF
      "$SERVER" "$dir/$p/sentinel.conf" --sentinel
      sentinels+=("$p")
    done
    for p in "${sentinels[@]}"; do wait_for "sentinel on $p" sentinels_see "$p"; done
    echo "ports $primary $replica ${sentinels[*]}" ;;
  stop) stop_all ;;
  *) echo "usage: redis-topology.sh cluster|sentinel|stop DIR" >&2; exit 2 ;;
esac
