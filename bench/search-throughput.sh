#!/usr/bin/env bash
# Search throughput through the gateway: GET /api/v1/products with a query picked at random from the same ten
# shopper queries as bench/search-latency.sh, with wrk.
# Usage: bench/search-throughput.sh [base-url] [seconds] [connections]   (start the platform with --demo first)
# Prints wrk's summary: requests/s, latency percentiles and, when there are any, "Non-2xx or 3xx responses".
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${3:-16}
HERE=$(cd "$(dirname "$0")" && pwd)
for _ in 1 2 3; do curl -sf -o /dev/null "$BASE/api/v1/products?q=phone"; done
wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/search.lua" "$BASE"
