#!/usr/bin/env bash
# Checkout throughput through the gateway: orders placed per second (POST /api/v1/orders, one unit each, every
# request a new order with its own Idempotency-Key), with wrk. Needs curl, jq and wrk (apt-get install wrk jq).
#
# Start the platform with an admin account first, for example:
#   POLYMART_ADMIN_EMAIL=admin@example.com POLYMART_ADMIN_PASSWORD='Bench-Passw0rd' java -jar target/polymart.jar
# Usage: bench/checkout-throughput.sh [base-url] [runs] [seconds] [connections] [skus]
# skus (default 1): how many SKUs the orders spread over. One SKU is a flash sale, where every checkout waits for the
# one inventory row; more SKUs show the platform's throughput without that contention.
# Prints orders/s of each run and their median. The benchmark's orders stay in the database (unpaid; the payment
# sweeper cancels them after orders.paymentTimeoutSeconds).
set -euo pipefail
BASE=${1:-http://localhost:8080}
RUNS=${2:-5}
SECONDS_PER_RUN=${3:-15}
CONNECTIONS=${4:-16}
SKU_COUNT=${5:-1}
API=$BASE/api/v1
ADMIN_EMAIL=${POLYMART_ADMIN_EMAIL:?set POLYMART_ADMIN_EMAIL to the platform admin}
ADMIN_PASSWORD=${POLYMART_ADMIN_PASSWORD:?set POLYMART_ADMIN_PASSWORD}
HERE=$(cd "$(dirname "$0")" && pwd)
TAG=$(date +%s)-$RANDOM
PASSWORD='Bench-Passw0rd-1'

post() { curl -sf -X "$1" "$API$2" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$4"; }
login() { post POST /auth/login "" "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }

admin=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
seller_email="bench-seller-$TAG@example.com"
seller_id=$(post POST /auth/register "" "{\"email\":\"$seller_email\",\"password\":\"$PASSWORD\",\"username\":\"seller$RANDOM\"}" | jq -r .user.id)
post PATCH "/admin/users/$seller_id" "$admin" '{"roles":["customer","seller"]}' > /dev/null
seller=$(login "$seller_email" "$PASSWORD")
category=$(post POST /categories "$admin" "{\"name\":\"Bench $TAG\",\"slug\":\"bench-$TAG\"}" | jq -r .id)
skus=()
for i in $(seq "$SKU_COUNT"); do
  product=$(post POST /products "$seller" "{\"name\":\"Bench item $TAG $i\",\"categoryId\":\"$category\",\"skus\":[{\"code\":\"BENCH-$TAG-$i\",\"price\":\"10.00\",\"stock\":1000000}]}")
  post POST "/products/$(echo "$product" | jq -r .id)/publish" "$seller" '' > /dev/null
  skus+=("$(echo "$product" | jq -r '.skus[0].id')")
done
export SKUS=$(IFS=,; echo "${skus[*]}")
buyer_email="bench-buyer-$TAG@example.com"
post POST /auth/register "" "{\"email\":\"$buyer_email\",\"password\":\"$PASSWORD\",\"username\":\"buyer$RANDOM\"}" > /dev/null
export TOKEN=$(login "$buyer_email" "$PASSWORD")
export ADDRESS=$(post POST /me/addresses "$TOKEN" '{"receiver":"Bench","phone":"13800138000","province":"Zhejiang","city":"Hangzhou","district":"Xihu","detail":"1 Bench Road","postalCode":"310000"}' | jq -r .id)

wrk -t2 -c"$CONNECTIONS" -d5s -s "$HERE/checkout.lua" "$BASE" > /dev/null  # warm-up
rates=()
for run in $(seq "$RUNS"); do
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$HERE/checkout.lua" "$BASE")
  if echo "$out" | grep -q "Non-2xx"; then echo "$out"; echo "some checkouts failed" >&2; exit 1; fi
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "run $run: $rate orders/s (latency median $p50, p99 $p99)"
  rates+=("$rate")
done
printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d runs: %.0f orders/s\n", NR, a[int((NR+1)/2)]}'
