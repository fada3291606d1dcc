#!/usr/bin/env bash
# Prints the comparison table (markdown) from a compare.sh results.jsonl.
set -euo pipefail
exec node "$(dirname "${BASH_SOURCE[0]}")/report.js" "$@"
