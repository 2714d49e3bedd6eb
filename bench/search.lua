-- wrk script for bench/search-throughput.sh: the queries of bench/search-latency.sh, one at random per request.
local queries = {
  "sort=newest", "q=phone", "q=%E6%89%8B%E6%9C%BA", "q=smartphnoe", "q=laptop&sort=price_asc",
  "q=wireless%20earbuds", "category=phones-electronics", "minPrice=100&maxPrice=500&sort=sales",
  "attr.color=Black&sort=price_desc", "q=shoes&page=2&size=10",
}

function init(args)
  math.randomseed(os.time())
end

function request()
  return wrk.format("GET", "/api/v1/products?" .. queries[math.random(#queries)])
end

-- bench/run's half-rate pass: pacing from pace.lua, beside this script
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "pace.lua")
