-- Many distinct pupils logging in: each request is a full login form POST for the next
-- pupil of BENCH_STUDENTS (one per line), with the password BENCH_PASSWORD and one CSRF
-- token pair (a CSRF cookie is not tied to a session). benchmarks/run.py appends p95.lua.
local users = {}
for line in io.lines(os.getenv("BENCH_STUDENTS")) do
  if #line > 0 then users[#users + 1] = line end
end
local token = os.getenv("BENCH_CSRF")
local password = os.getenv("BENCH_PASSWORD")
local thread_id = 0
local counter = 0
local threads = 0

setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads - 1)
end

request = function()
  -- Threads take turns through the list, so no two threads log in the same pupil.
  local index = (counter * 2 + thread_id) % #users + 1
  counter = counter + 1
  local body = "csrfmiddlewaretoken=" .. token .. "&login=" .. users[index] ..
    "&password=" .. password
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. token,
  }, body)
end
