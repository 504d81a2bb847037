-- wrk script: every request asks for a region by id, so a cache cannot answer from one hot entry.
-- Environment: BENCH_PATH (a format with one %d, e.g. "/api/v1/regions/%d" or "/regions/rg-%05d"), BENCH_COUNT (ids
-- 1..COUNT) and BENCH_ACCESS: "uniform" walks every id in turn (a crawler: each region as often as any other) and
-- "zipf" draws ids with Zipf's law (s = 1: region k is asked for in proportion to 1/k, as popularity goes on a portal).
-- Each wrk thread has its own fixed start or seed, so a run is reproducible. BENCH_ENCODING is sent as Accept-Encoding
-- (default: what Chromium sends; empty: none), as browsers and HTTP clients ask for compressed answers.
local path = os.getenv("BENCH_PATH")
local count = tonumber(os.getenv("BENCH_COUNT"))
local zipf = os.getenv("BENCH_ACCESS") == "zipf"
local encoding = os.getenv("BENCH_ENCODING") or "gzip, deflate, br, zstd"
local headers = {}
if encoding ~= "" then headers["Accept-Encoding"] = encoding end
local counter = 0
local threads = 0
local cdf = nil

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  math.randomseed(7919 * ((thread_index or 0) + 1))
  if zipf then
    cdf = {}
    local sum = 0
    for k = 1, count do sum = sum + 1 / k; cdf[k] = sum end
    for k = 1, count do cdf[k] = cdf[k] / sum end
  end
end

local function draw()
  local u = math.random()
  local lo, hi = 1, count
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return lo
end

function request()
  counter = counter + 1
  local id
  if zipf then id = draw() else id = (((thread_index or 0) * 7919 + counter * 104729) % count) + 1 end
  return wrk.format("GET", string.format(path, id), headers)
end
