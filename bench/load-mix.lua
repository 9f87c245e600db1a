-- wrk script for bench/load.sh: each request picks the next path of a mix of pages and API calls, sent with the
-- plan officer's session cookie (pages accept only a session) and an API token (the API accepts either).
local paths = {}
local cookie = os.getenv("LANTU_COOKIE")
local token = os.getenv("LANTU_TOKEN")
local plan = "/plans/zhuji-15th"
local api = "/api/v1/plans/zhuji-15th"

init = function(args)
  paths = {
    "/public/plans/zhuji-15th",                       -- the portal, anonymous in real life
    "/public/plans/zhuji-15th/indicators/ZJ25",
    plan .. "/cockpit?year=2028",
    plan .. "/assessment?year=2028",
    plan .. "/indicators",
    plan .. "/indicators/ZJ01?year=2028",
    plan .. "/tasks",
    plan .. "/projects",
    plan .. "/reporting",
    api .. "/cockpit?year=2028",
    api .. "/assessment?year=2028",
    "/css/lantu.css",
  }
  counter = 0
end

request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local headers = { ["Cookie"] = cookie }
  if string.sub(path, 1, 5) == "/api/" then
    headers = { ["Authorization"] = "Bearer " .. token }
  end
  return wrk.format("GET", path, headers)
end

-- count every answer that is not a success: wrk's own count covers only non-2xx/3xx
local bad = 0
response = function(status, headers, body)
  if status ~= 200 and status ~= 304 then
    bad = bad + 1
    if bad <= 5 then io.stderr:write("answer " .. status .. "\n") end
  end
end
