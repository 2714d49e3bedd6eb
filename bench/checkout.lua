-- wrk script for bench/checkout-throughput.sh: each request is a new order (its own Idempotency-Key) for one unit
-- of a SKU picked at random from SKUS.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + id)
  prefix = string.format("bench-%d-%d-%d", os.time(), id, math.random(1, 1e9))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  bodies = {}
  for sku in string.gmatch(os.getenv("SKUS"), "[^,]+") do
    table.insert(bodies, string.format('{"addressId":"%s","items":[{"skuId":"%s","quantity":1}]}',
      os.getenv("ADDRESS"), sku))
  end
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = prefix .. "-" .. counter
  return wrk.format(nil, "/api/v1/orders", nil, bodies[math.random(#bodies)])
end

-- bench/run's half-rate pass: pacing from pace.lua, beside this script
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "pace.lua")
