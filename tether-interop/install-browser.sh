#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests (DemoPageBrowserIT) when
# they are missing and this user can install packages (root, as in CI). Otherwise it says what to
# install and leaves the failing to the test, which fails (never skips) without a browser.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then exit 0; fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: chromium and chromium-driver are missing; the browser tests need them (apt-get install chromium chromium-driver)" >&2
  exit 0
fi
echo "install-browser: apt-get install chromium chromium-driver" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
