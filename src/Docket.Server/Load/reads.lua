-- wrk script: reads cases of a court at random as its registrar (a case grain's first read, mostly, when MAX is large).
-- wrk -t1 -c32 -d10s --latency -s src/Docket.Server/Load/reads.lua http://127.0.0.1:5081 -- COURT MAX API_KEY
local court, max, key

function init(args)
  court = args[1] or "xicheng-pooled"
  max = tonumber(args[2] or "100000")
  key = args[3] or "load-registrar"
  math.randomseed(os.time() + math.random(1, 1e6))
end

function request()
  return wrk.format("GET", "/api/cases/" .. court .. "-" .. math.random(1, max), { ["X-Api-Key"] = key })
end
