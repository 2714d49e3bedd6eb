-- wrk script for bench/run: POST /api/v1/cart/items, one unit of a SKU picked at random from SKUS, into the cart of
-- a user picked at random from TOKENS (their access tokens).
local tokens = {}
local bodies = {}

function init(args)
  math.randomseed(os.time())
  for token in string.gmatch(os.getenv("TOKENS"), "[^,]+") do
    table.insert(tokens, token)
  end
  for sku in string.gmatch(os.getenv("SKUS"), "[^,]+") do
    table.insert(bodies, string.format('{"skuId":"%s","quantity":1}', sku))
  end
end

function request()
  return wrk.format("POST", "/api/v1/cart/items", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
  }, bodies[math.random(#bodies)])
end

-- bench/run's half-rate pass: pacing from pace.lua, beside this script
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "pace.lua")
