-- Loaded by the wrk scripts beside it. bench/run's half-rate pass sets WRK_DELAY_MS: each connection then waits about
-- that long between its requests.
local pace = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pace then
  function delay()
    return math.random(0, 2 * pace)
  end
end
