-- wrk script: files cases as a registrar, each request with its own Idempotency-Key.
-- wrk -t2 -c32 -d30s -s src/Docket.Server/Load/filings.lua http://127.0.0.1:5000 -- COURT TYPE API_KEY
local counter = 0
local court, casetype, key, prefix

function init(args)
  court = args[1] or "xicheng-pooled"
  casetype = args[2] or "civil_commercial"
  key = args[3] or "load-registrar"
  prefix = tostring(math.random(1, 1e9)) .. "-" .. tostring(os.time())
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = key,
    ["Idempotency-Key"] = prefix .. "-" .. counter,
  }
  return wrk.format("POST", "/api/courts/" .. court .. "/cases", headers, '{"type":"' .. casetype .. '"}')
end

local errors = 0
function response(status, headers, body)
  if status ~= 201 then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("status " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    end
  end
end
