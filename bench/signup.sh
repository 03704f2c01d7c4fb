#!/usr/bin/env bash
# The sign-up race as a throughput benchmark: confirmed sign-ups per second through the real API (every request a
# different citizen with a bearer token, all for one activity's seats, so every request takes the slot's row lock)
# against pgbench's single-row update on the same PostgreSQL in the same run. Target: >= 50%.
# Usage: bench/signup.sh [people] [seconds]
source "$(dirname "$0")/common.sh"
PEOPLE=${1:-40000}; SECONDS_PER_RUN=${2:-15}
APP_PORT=18090; ACTIVITY=9000001
# ACTIVITIES=N spreads the sign-ups over N activities (a diagnostic: with N >= the connections, no two sign-ups wait
# for the same slot row, so the run shows what the rest of a sign-up costs). The measured benchmark is N = 1.
ACTIVITIES=${ACTIVITIES:-1}
# Warm-up: sign-ups for other activities first (the same citizens: one may sign up for each), in steps of 15 s until
# the JIT compilers are done (under 5% of a core in a step; WARMUP_MIN 45 s, WARMUP_MAX 240 s), so that the measured
# run finds a JVM that has compiled the sign-up path, as pgbench finds PostgreSQL ready. WARMUP=N: exactly N seconds.
WARMUP_MIN=${WARMUP:-${WARMUP_MIN:-45}}; WARMUP_MAX=${WARMUP:-${WARMUP_MAX:-240}}; WARM_ACTIVITY=9100001
# the warm-up's activities: a fresh block of ACTIVITIES each time the citizens wrap around, so that every warm-up
# sign-up is a new one (the path measured), not a repeat
WRAPS=8
need wrk wrk
need pgbench postgresql-client
build_jar
fresh_database sciday_bench_signup
# wrk sends everything from one address: lift the per-address sign-up limit (docs/operations.md, "Rate limits")
start_app $APP_PORT sciday_bench_signup --sciday.rate-limits.signup-per-address.limit=100000000 \
  --sciday.rate-limits.signup-per-person.limit=100000000 ${APP_ARGS:-}
trap 'kill $APP_PID 2>/dev/null; true' EXIT
export PGPASSWORD=sciday_bench
PSQL="psql -q -h 127.0.0.1 -U sciday_bench -d sciday_bench_signup -v ON_ERROR_STOP=1"

# One activity's seats (capacity = everyone), open until the end of the campaign.
for i in $(seq 0 $((ACTIVITIES - 1))); do open_slot "$PSQL" $((ACTIVITY + i)) "$PEOPLE" 压测活动 >/dev/null; done
for i in $(seq 0 $((ACTIVITIES * WRAPS - 1))); do open_slot "$PSQL" $((WARM_ACTIVITY + i)) "$PEOPLE" 预热活动 >/dev/null; done

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
local base = $ACTIVITY
-- args: [first activity] [first citizen]: the n-th sign-up is citizen n (wrapping) for activity
-- base + n % ACTIVITIES + ACTIVITIES * (wraps so far, modulo $WRAPS)
function init(args)
  created = 0
  if args[1] then base = tonumber(args[1]) end
  counter = tid - 1 + (tonumber(args[2]) or 0)
end
function request()
  counter = counter + 2
  local t = tokens[(counter % #tokens) + 1]
  local activity = base + counter % $ACTIVITIES + $ACTIVITIES * (math.floor(counter / #tokens) % $WRAPS)
  return wrk.format("POST", "/api/v1/activities/" .. activity .. "/registrations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. t}, '{"name":"参加者"}')
end
function response(status, headers, body) if status == 201 then created = created + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("created") end
  io.write(string.format("created %d requests %d\n", total, summary.requests))
end
LUA

NEXT_CITIZEN=0
warm_step() {
  wrk -t2 -c32 -d"${1}s" -s "$RESULTS/signup.lua" "http://127.0.0.1:$APP_PORT" -- $WARM_ACTIVITY $NEXT_CITIZEN \
    > "$RESULTS/signup-warm.txt"
  NEXT_CITIZEN=$((NEXT_CITIZEN + $(awk '/^created/ {print $4}' "$RESULTS/signup-warm.txt") + 2))
}
WARMED=0
if [ "$WARMUP_MAX" -gt 0 ]; then warm_up $APP_PID "$WARMUP_MIN" "$WARMUP_MAX" 15 warm_step; fi
echo "JDK: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); $PEOPLE citizens with tokens; warm-up ${WARMED}s; activities $ACTIVITIES"
# JFR=FILE records a flight recording of the measured run (not the warm-up) with deep stacks, for profiling.
if [ -n "${JFR:-}" ]; then "$(dirname "$JAVA")/jcmd" $APP_PID JFR.start name=bench settings=profile filename="$JFR" >/dev/null; fi
app0=$(proc_ticks $APP_PID); pg0=$(proc_ticks $(pg_pids)); busy0=$(machine_busy_ticks)
wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" -s "$RESULTS/signup.lua" "http://127.0.0.1:$APP_PORT" > "$RESULTS/signup-wrk.txt"
if [ -n "${JFR:-}" ]; then "$(dirname "$JAVA")/jcmd" $APP_PID JFR.stop name=bench filename="$JFR" >/dev/null; fi
cpu="app $(cores $(( $(proc_ticks $APP_PID) - app0 )) "$SECONDS_PER_RUN"), PostgreSQL $(cores $(( $(proc_ticks $(pg_pids)) - pg0 )) "$SECONDS_PER_RUN"), machine $(cores $(( $(machine_busy_ticks) - busy0 )) "$SECONDS_PER_RUN") of $(nproc) cores"
created=$(awk '/^created/ {print $2}' "$RESULTS/signup-wrk.txt")
confirmed=$($PSQL -At -c "select count(*) from registration where activity_id between $ACTIVITY and $((ACTIVITY + ACTIVITIES - 1)) and status = 'CONFIRMED'")
slot=$($PSQL -At -c "select sum(confirmed) from signup_slot where activity_id between $ACTIVITY and $((ACTIVITY + ACTIVITIES - 1))")
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
  echo "CPU during the run: $cpu"
  grep -E "Latency|Requests/sec|Non-2xx" "$RESULTS/signup-wrk.txt" || true
} | tee "$RESULTS/signup-$(date +%Y%m%d-%H%M).txt"
