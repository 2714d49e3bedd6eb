-- wrk script for bench/product-page.sh: GET one of PRODUCT_IDS at random (wrk itself reports non-2xx answers), as
-- one of VISITORS guests (an X-Visitor-Id each, so every page publishes a ProductViewed; VISITORS=0: no header).
local ids = {}
local visitors = {}

function init(args)
  math.randomseed(os.time())
  for id in string.gmatch(os.getenv("PRODUCT_IDS"), "[^,]+") do
    table.insert(ids, id)
  end
  for i = 1, tonumber(os.getenv("VISITORS") or "1000") do
    table.insert(visitors, string.format("bench-visitor-%06d", i))
  end
end

function request()
  local path = "/api/v1/products/" .. ids[math.random(#ids)]
  if #visitors == 0 then
    return wrk.format("GET", path)
  end
  return wrk.format("GET", path, { ["X-Visitor-Id"] = visitors[math.random(#visitors)] })
end

-- bench/run's half-rate pass: pacing from pace.lua, beside this script
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "pace.lua")
