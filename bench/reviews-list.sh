#!/usr/bin/env bash
# A product's published reviews through the gateway: GET /api/v1/products/{id}/reviews?sort=newest, with wrk.
# Sets up its own shop first: a seller's product, and REVIEWERS buyers who each buy it, get it delivered (sandbox
# payment, ship, deliver) and review it, so the list has real entries. Needs curl, jq and wrk.
#
# Start the platform with an admin account and room for the set-up's registrations and logins, for example:
#   POLYMART_USERS_RATE_LIMIT_REGISTER_PER_IP=1000 POLYMART_USERS_RATE_LIMIT_LOGIN_PER_IP=1000 \
#   POLYMART_ADMIN_EMAIL=admin@example.com POLYMART_ADMIN_PASSWORD='Bench-Passw0rd' java -jar target/polymart.jar
# Usage: bench/reviews-list.sh [base-url] [seconds] [connections] [reviewers]
# Prints wrk's summary: requests/s, latency percentiles and, when there are any, "Non-2xx or 3xx responses".
set -euo pipefail
BASE=${1:-http://localhost:8080}
SECONDS_PER_RUN=${2:-15}
CONNECTIONS=${3:-64}
REVIEWERS=${4:-10}
API=$BASE/api/v1
ADMIN_EMAIL=${POLYMART_ADMIN_EMAIL:?set POLYMART_ADMIN_EMAIL to the platform admin}
ADMIN_PASSWORD=${POLYMART_ADMIN_PASSWORD:?set POLYMART_ADMIN_PASSWORD}
TAG=$(date +%s)-$RANDOM
PASSWORD='Bench-Passw0rd-1'

call() { curl -sf -X "$1" "$API$2" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} ${4:+-d "$4"}; }
login() { call POST /auth/login "" "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
register() {
  local id
  id=$(call POST /auth/register "" "{\"email\":\"$1\",\"password\":\"$PASSWORD\",\"username\":\"bench$RANDOM\"}" | jq -r .user.id) \
    || { echo "registration refused: start the platform with the rate limits above" >&2; exit 1; }
  echo "$id"
}
await_status() { # token order status
  for _ in $(seq 100); do
    [ "$(call GET "/orders/$2" "$1" | jq -r .status)" = "$3" ] && return 0
    sleep 0.1
  done
  echo "order $2 did not become $3" >&2; exit 1
}

admin=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
seller_email="bench-seller-$TAG@example.com"
seller_id=$(register "$seller_email")
call PATCH "/admin/users/$seller_id" "$admin" '{"roles":["customer","seller"]}' > /dev/null
seller=$(login "$seller_email" "$PASSWORD")
category=$(call POST /categories "$admin" "{\"name\":\"Bench $TAG\",\"slug\":\"bench-$TAG\"}" | jq -r .id)
product=$(call POST /products "$seller" "{\"name\":\"Reviewed item $TAG\",\"categoryId\":\"$category\",\"skus\":[{\"code\":\"REV-$TAG\",\"price\":\"10.00\",\"stock\":100000}]}")
product_id=$(echo "$product" | jq -r .id)
sku_id=$(echo "$product" | jq -r '.skus[0].id')
call POST "/products/$product_id/publish" "$seller" > /dev/null

for i in $(seq "$REVIEWERS"); do
  email="bench-reviewer-$TAG-$i@example.com"
  register "$email" > /dev/null
  token=$(login "$email" "$PASSWORD")
  address=$(call POST /me/addresses "$token" '{"receiver":"Bench","phone":"13800138000","province":"Zhejiang","city":"Hangzhou","district":"Xihu","detail":"1 Bench Road","postalCode":"310000"}' | jq -r .id)
  order=$(curl -sf -X POST "$API/orders" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -d "{\"addressId\":\"$address\",\"items\":[{\"skuId\":\"$sku_id\",\"quantity\":1}]}" | jq -r .id)
  call POST "/orders/$order/pay" "$token" '{"method":"card","sandbox":{"outcome":"success"}}' > /dev/null
  await_status "$token" "$order" PAID
  call POST "/admin/orders/$order/ship" "$seller" '{"carrier":"SF","trackingNo":"SF'"$RANDOM"'"}' > /dev/null
  call POST "/admin/orders/$order/deliver" "$seller" > /dev/null
  for _ in $(seq 100); do # the reviews verticle learns the delivery from polymart.orders
    curl -s -o /dev/null -w '%{http_code}' -X POST "$API/products/$product_id/reviews" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $token" -d "{\"rating\":$((i % 5 + 1)),\"title\":\"Bench $i\",\"body\":\"Review number $i of the bench\"}" \
      | grep -q 201 && break
    sleep 0.1
  done
done
count=$(call GET "/products/$product_id/reviews/summary" | jq -r .count)
echo "product $product_id has $count published reviews"
[ "$count" -gt 0 ] || { echo "no reviews were published" >&2; exit 1; }
wrk -t1 -c"$CONNECTIONS" -d5s "$API/products/$product_id/reviews?sort=newest" > /dev/null  # warm-up
wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$API/products/$product_id/reviews?sort=newest"
