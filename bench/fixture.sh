# The fixtures of bench/run and bench/ab, sourced by them. They set ADMIN_EMAIL and PASSWORD (the
# platform's admin, started with POLYMART_ADMIN_*) and exit on the first failing call (set -e).
post() { curl -sf -X "$1" "$API$2" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$4"; }
login() { post POST /auth/login "" "{\"email\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }

# $1: the API's base URL, $2: buyers. A seller's 50 SKUs with ample stock and that many buyers, the first with an
# address; exports SKUS (the SKU ids), TOKENS (the buyers' access tokens), TOKEN (the first's) and ADDRESS (its
# address id), comma-separated.
checkout_fixture() {
  local API=$1 buyers=$2 tag admin seller_id seller category product i skus=() tokens=()
  tag=$(date +%s)
  admin=$(login "$ADMIN_EMAIL" "$PASSWORD")
  seller_id=$(post POST /auth/register "" "{\"email\":\"seller-$tag@example.com\",\"password\":\"$PASSWORD\",\"username\":\"seller$tag\"}" | jq -r .user.id)
  post PATCH "/admin/users/$seller_id" "$admin" '{"roles":["customer","seller"]}' > /dev/null
  seller=$(login "seller-$tag@example.com" "$PASSWORD")
  category=$(post POST /categories "$admin" "{\"name\":\"Bench $tag\",\"slug\":\"bench-$tag\"}" | jq -r .id)
  for i in $(seq 50); do
    product=$(post POST /products "$seller" "{\"name\":\"Bench item $tag $i\",\"categoryId\":\"$category\",\"skus\":[{\"code\":\"BENCH-$tag-$i\",\"price\":\"10.00\",\"stock\":1000000}]}")
    post POST "/products/$(echo "$product" | jq -r .id)/publish" "$seller" '' > /dev/null
    skus+=("$(echo "$product" | jq -r '.skus[0].id')")
  done
  for i in $(seq "$buyers"); do
    post POST /auth/register "" "{\"email\":\"buyer-$tag-$i@example.com\",\"password\":\"$PASSWORD\",\"username\":\"buyer${tag}x$i\"}" > /dev/null
    tokens+=("$(login "buyer-$tag-$i@example.com" "$PASSWORD")")
  done
  SKUS=$(IFS=,; echo "${skus[*]}")
  TOKENS=$(IFS=,; echo "${tokens[*]}")
  TOKEN=${tokens[0]}
  ADDRESS=$(post POST /me/addresses "$TOKEN" '{"receiver":"Bench","phone":"13800138000","province":"Zhejiang","city":"Hangzhou","district":"Xihu","detail":"1 Bench Road","postalCode":"310000"}' | jq -r .id)
  export SKUS TOKENS TOKEN ADDRESS
}

# $1: the API's base URL. The ids of the demo shop's 100 cheapest products, comma-separated: the bench's own ("Bench
# item ...", of this run and of any run whose data was copied) are left out, so that every run asks for the same pages.
cheapest_products() {
  local page
  for page in $(seq 10); do
    curl -sf "$1/products?size=100&page=$page&sort=price_asc" \
      | jq -r '.items[] | select(.name | startswith("Bench item ") | not) | .id'
  done | awk 'NR <= 100' | paste -sd, -
}
