#!/usr/bin/env bash
# Installs Debian's redis-server (with redis-cli) for the Redis Sentinel and Redis Cluster tests
# (RedisSentinelIT, RedisClusterIT start real servers with redis-topology.sh) when it is missing
# and this user can install packages (root, as in CI). Sentinels run as "redis-server --sentinel",
# so the redis-sentinel package is not needed. Otherwise it says what to install and leaves the
# failing to the tests, which fail (never skip) without redis-server.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then exit 0; fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-redis: redis-server is missing; the Sentinel and Cluster tests need it (apt-get install redis-server)" >&2
  exit 0
fi
echo "install-redis: apt-get install redis-server" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# the package's own service is not needed (and may not start in a container): the tests start their own
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now redis-server >/dev/null 2>&1 || true; fi
