#!/usr/bin/env bash
# Search latency over the demo catalog, as a browsing client sees it through the gateway.
# Usage: bench/search-latency.sh [base-url] [rounds]   (start the platform with --demo first)
# Prints median and p99 per query kind and overall, in milliseconds. Sequential: one request at a time.
set -euo pipefail
BASE=${1:-http://localhost:8080}/api/v1
ROUNDS=${2:-100}
QUERIES=(
  "sort=newest"
  "q=phone"
  "q=%E6%89%8B%E6%9C%BA"                 # 手机 (CJK substring)
  "q=smartphnoe"                         # typo
  "q=laptop&sort=price_asc"
  "q=wireless%20earbuds"
  "category=phones-electronics"
  "minPrice=100&maxPrice=500&sort=sales"
  "attr.color=Black&sort=price_desc"
  "q=shoes&page=2&size=10"
)
all=$(mktemp)
trap 'rm -f "$all"' EXIT
for query in "${QUERIES[@]}"; do  # warm-up
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$BASE/products?$query"; done
done
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p+0.999999); if (i<1) i=1; printf "%.1f", a[i]*1000}'; }
printf "%-40s %8s %8s\n" query median p99
for query in "${QUERIES[@]}"; do
  times=$(for _ in $(seq "$ROUNDS"); do curl -s -o /dev/null -w '%{time_total}\n' "$BASE/products?$query"; done)
  echo "$times" >> "$all"
  printf "%-40s %8s %8s\n" "$query" "$(echo "$times" | percentile 0.5)" "$(echo "$times" | percentile 0.99)"
done
printf "%-40s %8s %8s\n" "ALL ($((ROUNDS * ${#QUERIES[@]})) requests)" "$(percentile 0.5 < "$all")" "$(percentile 0.99 < "$all")"
