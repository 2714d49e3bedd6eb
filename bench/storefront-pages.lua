-- wrk script for bench/storefront-pages: GET one storefront page of PAGE_KIND ("product": /products/{id} for one of
-- PRODUCT_IDS; "search": /search?q= one of the shopper queries below; "home": /), as one of 1000 guests with a
-- pm_vid cookie each.
local ids = {}
local queries = {"phone", "headphones", "dress", "shoes", "laptop", "手机", "coffee", "watch", "jacket", "smartphnoe"}
local kind = os.getenv("PAGE_KIND") or "product"

function init(args)
  math.randomseed(os.time())
  for id in string.gmatch(os.getenv("PRODUCT_IDS") or "", "[^,]+") do
    table.insert(ids, id)
  end
end

function request()
  local path = "/"
  if kind == "product" then
    path = "/products/" .. ids[math.random(#ids)]
  elseif kind == "search" then
    path = "/search?q=" .. queries[math.random(#queries)]:gsub("[^%w]", function(c)
      return string.format("%%%02X", string.byte(c))
    end)
  end
  return wrk.format("GET", path, { ["Cookie"] = string.format("pm_vid=bench-visitor-%06d", math.random(1000)) })
end

-- the half-rate pass: pacing from pace.lua, beside this script
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "pace.lua")
