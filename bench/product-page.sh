#!/usr/bin/env bash
# Cached product pages through the gateway: GET /api/v1/products/{id}, each request a product picked at random
# among the first 100 of the catalog (warmed up first, so nearly every answer is an X-Cache HIT), with wrk.
# Each request comes from one of VISITORS guests (default 1000) with an X-Visitor-Id, so each page served publishes a
# ProductViewed on polymart.activity (VISITORS=0 sends no visitor id, and no view is published).
# Usage: bench/product-page.sh [base-url] [seconds] [connections]   (start the platform with --demo first)
# Prints wrk's summary: requests/s, latency percentiles and, when there are any, "Non-2xx or 3xx responses".
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${3:-64}
HERE=$(cd "$(dirname "$0")" && pwd)
ids=$(curl -sf "$BASE/api/v1/products?size=100&sort=newest" | jq -r '.items[].id' | paste -sd, -)
[ -n "$ids" ] || { echo "no products: start the platform with --demo and wait for the catalog to load" >&2; exit 1; }
for id in ${ids//,/ }; do curl -sf -o /dev/null "$BASE/api/v1/products/$id"; done
PRODUCT_IDS=$ids VISITORS=${VISITORS:-1000} wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/product-page.lua" "$BASE"
