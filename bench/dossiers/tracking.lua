-- GET /api/v1/tracking/{code} for codes drawn at random from a file (one per line).
local codes = {}
function init(args)
  for line in io.lines(args[1]) do codes[#codes + 1] = line end
  math.randomseed(os.time() + #codes)
end
request = function()
  return wrk.format("GET", "/api/v1/tracking/" .. codes[math.random(#codes)])
end
