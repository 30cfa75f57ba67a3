-- POST /api/v1/dossiers with a fresh Idempotency-Key per request (unique across wrk threads).
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  token = args[1]
  agency = args[2]
end
request = function()
  counter = counter + 1
  local body = '{"procedureCode":"1.001456","competentAgencyId":"' .. agency .. '",' ..
    '"applicant":{"fullName":"Nguyễn Thị Lan","idNumber":"001190012345","phone":"0912345678"},' ..
    '"request":"Cấp hộ chiếu","delivery":"Electronic","documents":[]}'
  return wrk.format("POST", "/api/v1/dossiers", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(os.time()),
  }, body)
end
