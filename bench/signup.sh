#!/usr/bin/env bash
# The sign-up race as a throughput benchmark: confirmed sign-ups per second through the real API (every request a
# different citizen with a bearer token, all for one activity's seats, so every request takes the slot's row lock)
# against pgbench's single-row update on the same PostgreSQL in the same run. Target: >= 50%.
# Usage: bench/signup.sh [people] [seconds]
source "$(dirname "$0")/common.sh"
PEOPLE=${1:-20000}; SECONDS_PER_RUN=${2:-15}
APP_PORT=18090; ACTIVITY=9000001
need wrk wrk
need pgbench postgresql-client
build_jar
fresh_database sciday_bench_signup
# wrk sends everything from one address: lift the per-address sign-up limit (docs/operations.md, "Rate limits")
start_app $APP_PORT sciday_bench_signup --sciday.rate-limits.signup-per-address.limit=100000000 \
  --sciday.rate-limits.signup-per-person.limit=100000000
trap 'kill $APP_PID 2>/dev/null; true' EXIT
export PGPASSWORD=sciday_bench
PSQL="psql -q -h 127.0.0.1 -U sciday_bench -d sciday_bench_signup -v ON_ERROR_STOP=1"

# One activity's seats (capacity = everyone), open until the end of the campaign.
open_slot "$PSQL" $ACTIVITY "$PEOPLE" 压测活动

# Citizens with API tokens, made directly in the database.
make_citizens "$PEOPLE" sciday_bench_signup

cat > "$RESULTS/signup.lua" <<LUA
local tokens = {}
for line in io.lines("$RESULTS/tokens.txt") do tokens[#tokens + 1] = line end
local counter = 0
created = 0
local thread_id = 0
local threads = {}
function setup(thread) thread_id = thread_id + 1; thread:set("tid", thread_id); threads[#threads + 1] = thread end
function init(args) counter = tid - 1; created = 0 end
function request()
  counter = counter + 2
  local t = tokens[(counter % #tokens) + 1]
  return wrk.format("POST", "/api/v1/activities/$ACTIVITY/registrations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. t}, '{"name":"参加者"}')
end
function response(status, headers, body) if status == 201 then created = created + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("created") end
  io.write(string.format("created %d\n", total))
end
LUA

echo "JDK: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); $PEOPLE citizens with tokens"
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" -s "$RESULTS/signup.lua" "http://127.0.0.1:$APP_PORT" > "$RESULTS/signup-wrk.txt"
created=$(awk '/^created/ {print $2}' "$RESULTS/signup-wrk.txt")
confirmed=$($PSQL -At -c "select count(*) from registration where activity_id = $ACTIVITY and status = 'CONFIRMED'")
slot=$($PSQL -At -c "select confirmed from signup_slot where activity_id = $ACTIVITY")
app_rate=$(awk -v c="$confirmed" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.1f", c/s}')

# pgbench's single-row update on the same database.
$PSQL -c "create table if not exists bench_counter (id integer primary key, n bigint not null); insert into bench_counter values (1, 0) on conflict do nothing"
echo "update bench_counter set n = n + 1 where id = 1;" > "$RESULTS/pgbench.sql"
pg_tps=$(pgbench -n -h 127.0.0.1 -U sciday_bench -c 32 -j 2 -T "$SECONDS_PER_RUN" -f "$RESULTS/pgbench.sql" sciday_bench_signup 2>/dev/null \
  | awk '/^tps/ {print $3}' | head -1)
ratio=$(awk -v a="$app_rate" -v p="$pg_tps" 'BEGIN {printf "%.0f%%", 100*a/p}')
{
  echo "confirmed sign-ups: $confirmed in ${SECONDS_PER_RUN}s (201 answers: $created; slot counter: $slot)"
  echo "app confirmed sign-ups/s: $app_rate   pgbench single-row updates/s: $pg_tps   ratio: $ratio"
  grep -E "Latency|Requests/sec|Non-2xx" "$RESULTS/signup-wrk.txt" || true
} | tee "$RESULTS/signup-$(date +%Y%m%d-%H%M).txt"
