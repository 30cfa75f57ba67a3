-- GET /api/v1/tracking/{code} for codes drawn at random from a file (one per line).
-- Each thread seeds its own generator: with one seed, every thread asked for the same codes and half the answers
-- came from the output cache.
local codes = {}
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  for line in io.lines(args[1]) do codes[#codes + 1] = line end
  math.randomseed(os.time() * 1000 + tid)
  -- A table of millions of codes makes LuaJIT's collector stall the load generator for hundreds of milliseconds,
  -- which wrk then reports as server latency; a 20-second run allocates little, so the collector stays off.
  collectgarbage("collect")
  collectgarbage("stop")
end
request = function()
  return wrk.format("GET", "/api/v1/tracking/" .. codes[math.random(#codes)])
end
