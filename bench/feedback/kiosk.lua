-- POST /api/v1/kiosks/{id}/ratings: one rating per request, as a tablet sends it when online, spread over the
-- registered tablets listed in the file given as the argument ("id key" per line); each rating has its own id.
local devices = {}
local counter = 0
local threads = 0
local levels = { "Delighted", "Delighted", "Good", "Good", "Acceptable", "Poor", "Disappointed" }
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  for line in io.lines(args[1]) do
    local id, key = line:match("^(%S+)%s+(%S+)$")
    if id then devices[#devices + 1] = { id = id, key = key } end
  end
  stamp = os.time()
end
request = function()
  counter = counter + 1
  local d = devices[(counter + tid) % #devices + 1]
  local client = string.format("%08x-%04x-4000-8000-%012x", stamp % 4294967296, tid, counter)
  local body = '{"ratings":[{"clientId":"' .. client .. '","level":"' .. levels[counter % #levels + 1] .. '"}]}'
  return wrk.format("POST", "/api/v1/kiosks/" .. d.id .. "/ratings", { ["Content-Type"] = "application/json", ["X-Kiosk-Key"] = d.key }, body)
end
