-- POST /api/v1/dossiers with a fresh Idempotency-Key per request (unique across wrk threads). The first argument is
-- a citizen's token, or "@file" with one token per line: requests then go round the citizens, as a province's do.
local counter = 0
local threads = 0
local tokens = {}
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  if args[1]:sub(1, 1) == "@" then
    for line in io.lines(args[1]:sub(2)) do
      if #line > 0 then tokens[#tokens + 1] = line end
    end
  else
    tokens[1] = args[1]
  end
  agency = args[2]
end
request = function()
  counter = counter + 1
  local token = tokens[(counter * 7 + tid) % #tokens + 1]
  local body = '{"procedureCode":"1.001456","competentAgencyId":"' .. agency .. '",' ..
    '"applicant":{"fullName":"Nguyễn Thị Lan","idNumber":"001190012345","phone":"0912345678"},' ..
    '"request":"Cấp hộ chiếu","delivery":"Electronic","documents":[]}'
  return wrk.format("POST", "/api/v1/dossiers", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(os.time()),
  }, body)
end
