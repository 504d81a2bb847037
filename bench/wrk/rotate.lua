-- wrk script: every request asks for another record, so a cache cannot answer from one hot entry.
-- Environment: BENCH_PATH (a format with one %d, e.g. "/api/v1/regions/%d" or "/regions/rg-%05d") and BENCH_COUNT
-- (ids 1..COUNT). Each wrk thread walks the ids from its own start in a fixed stride, so the run is reproducible.
local path = os.getenv("BENCH_PATH")
local count = tonumber(os.getenv("BENCH_COUNT"))
local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

function request()
  counter = counter + 1
  local id = ((offset + counter * 104729) % count) + 1
  return wrk.format("GET", string.format(path, id))
end
