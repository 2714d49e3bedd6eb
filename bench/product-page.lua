-- wrk script for bench/product-page.sh: GET one of PRODUCT_IDS at random (wrk itself reports non-2xx answers).
local ids = {}

function init(args)
  math.randomseed(os.time())
  for id in string.gmatch(os.getenv("PRODUCT_IDS"), "[^,]+") do
    table.insert(ids, id)
  end
end

function request()
  return wrk.format("GET", "/api/v1/products/" .. ids[math.random(#ids)])
end
