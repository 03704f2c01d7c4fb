#!/usr/bin/env bash
# The online quiz at scale, through the real API on PostgreSQL, against pgbench's built-in simple-update on the same
# database in the same run (target: >= 30% of pgbench's rate). Many citizens, each with a bearer token, measured
# three ways, each its own run with fresh citizens:
#   answer submissions/s (the target): POST /api/v1/quiz/attempts/{id}/answers for attempts started just before, as
#     when a round's last minutes bring everyone's answers in at once;
#   starts/s: POST /api/v1/quiz/attempts (the paper), whose attempts the submission run then submits;
#   whole attempts/s: each connection starts an attempt and submits it at once, again and again;
# and leaderboard reads per second (GET /api/v1/public/quiz/rounds/{id}/leaderboard, overall and one division).
#
# Each mode gets a fresh database and app: "db" (leaderboards from SQL) and "redis" (a private redis-server on
# 127.0.0.1:$REDIS_PORT, no persistence, a key prefix of the run's own; leaderboards from sorted sets).
# Usage: bench/quiz.sh [people] [seconds] [modes]      (default: 200000 15 "db redis"; every run and the warm-up use
# up citizens: each may take one official attempt a day)
source "$(dirname "$0")/common.sh"
PEOPLE=${1:-200000}; SECONDS_PER_RUN=${2:-15}; MODES=${3:-"db redis"}
APP_PORT=18092; REDIS_PORT=${REDIS_PORT:-16392}; FLOWS=${FLOWS:-16}; READERS=${READERS:-32}
# Warm-up: quiz flows (other citizens) in steps of 15 s until the JIT compilers are done (under 5% of a core in a step;
# WARMUP_MIN 45 s, WARMUP_MAX 240 s), so that the measured run finds the quiz path compiled (with a fixed 45 s, C2 was
# still busy through the measured run on a slower machine). WARMUP=N: exactly N seconds.
WARMUP_MIN=${WARMUP:-${WARMUP_MIN:-45}}; WARMUP_MAX=${WARMUP:-${WARMUP_MAX:-240}}
APP_PID=""; REDIS_PID=""

need wrk wrk
need pgbench postgresql-client
need python3 python3
case " $MODES " in *" redis "*) need redis-server redis-server ;; esac

stop_app() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
}
stop_redis() {
  if [ -n "$REDIS_PID" ]; then kill "$REDIS_PID" 2>/dev/null || true; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""; fi
}
trap 'stop_app; stop_redis' EXIT

build_jar
export PGPASSWORD=sciday_bench
STAMP=$(date +%Y%m%d-%H%M)
OUT="$RESULTS/quiz-$STAMP.txt"
: > "$OUT"
say() { echo "$*" | tee -a "$OUT"; }

# What the flows and the starts share: the citizens' tokens, the round, the divisions, a number for each thread.
LUA_CITIZENS=$(cat <<'LUA'
local tokens = {}
for line in io.lines(os.getenv("QUIZ_TOKENS")) do tokens[#tokens + 1] = line end
local round = os.getenv("QUIZ_ROUND")
local divisions = {}
for d in string.gmatch(os.getenv("QUIZ_DIVISIONS"), "%d+") do divisions[#divisions + 1] = d end
local count = 0
local threads = {}
function setup(thread) count = count + 1; thread:set("tid", count); threads[#threads + 1] = thread end
LUA
)
# One citizen's flow per wrk thread (one connection each, so that a start's answer is followed by its submission):
# start an attempt, submit "A" to every question it was given, start the next citizen's. Args: first token, threads.
{ echo "$LUA_CITIZENS"; cat <<'LUA'
function init(args)
  first = tonumber(args[1]) or 0; nthreads = tonumber(args[2]) or 1
  k = 0; started = 0; submitted = 0; refused = 0; failed = 0; attempt = nil; phase = nil; last = first - 1
end
local function headers(token)
  return {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}
end
function request()
  if attempt then
    phase = "submit"
    local path = "/api/v1/quiz/attempts/" .. attempt .. "/answers"
    attempt = nil
    return wrk.format("POST", path, headers(token), answers)
  end
  phase = "start"
  local i = first + (tid - 1) + k * nthreads
  k = k + 1; started = started + 1; last = i
  token = tokens[(i % #tokens) + 1]
  local body = '{"roundId":' .. round .. ',"divisionId":' .. divisions[(i % #divisions) + 1] .. '}'
  return wrk.format("POST", "/api/v1/quiz/attempts", headers(token), body)
end
function response(status, hdrs, body)
  if phase == "start" then
    if status == 200 then
      attempt = string.match(body, '"attemptId":(%d+)')
      local parts = {}
      for id in string.gmatch(body, '{"id":(%d+),"number":') do parts[#parts + 1] = '"' .. id .. '":"A"' end
      answers = '{"answers":{' .. table.concat(parts, ",") .. '}}'
    else
      refused = refused + 1
    end
  elseif status == 200 then
    submitted = submitted + 1
  else
    failed = failed + 1
  end
end
function done(summary, latency, requests)
  local s, st, r, f, l = 0, 0, 0, 0, -1
  for _, t in ipairs(threads) do
    s = s + t:get("submitted"); st = st + t:get("started"); r = r + t:get("refused"); f = f + t:get("failed")
    l = math.max(l, t:get("last"))
  end
  -- last: the highest citizen number used (threads run unevenly, so not first + started)
  io.write(string.format("submitted %d started %d refused %d failed %d last %d\n", s, st, r, f, l))
end
LUA
} > "$RESULTS/quiz.lua"

# Starts only (args: first citizen, threads): each thread writes "token attempt answers" lines to QUIZ_STARTED-<thread>.
{ echo "$LUA_CITIZENS"; cat <<'LUA'
function init(args)
  first = tonumber(args[1]) or 0; nthreads = tonumber(args[2]) or 1
  k = 0; started = 0; refused = 0
  out = io.open(os.getenv("QUIZ_STARTED") .. "-" .. tid, "w")
end
function request()
  local i = first + (tid - 1) + k * nthreads
  k = k + 1
  token = tokens[(i % #tokens) + 1]
  local body = '{"roundId":' .. round .. ',"divisionId":' .. divisions[(i % #divisions) + 1] .. '}'
  return wrk.format("POST", "/api/v1/quiz/attempts",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
function response(status, hdrs, body)
  if status == 200 then
    started = started + 1
    local parts = {}
    for id in string.gmatch(body, '{"id":(%d+),"number":') do parts[#parts + 1] = '"' .. id .. '":"A"' end
    out:write(token, " ", string.match(body, '"attemptId":(%d+)'), " ", '{"answers":{' .. table.concat(parts, ",") .. '}}', "\n")
    out:flush()
  else
    refused = refused + 1
  end
end
function done(summary, latency, requests)
  local st, r = 0, 0
  for _, t in ipairs(threads) do st = st + t:get("started"); r = r + t:get("refused") end
  io.write(string.format("started %d refused %d\n", st, r))
end
LUA
} > "$RESULTS/quiz-start.lua"

# Submissions only (args: threads): thread t submits lines t, t + threads, ... of QUIZ_STARTED; when they run out it
# reads the current round instead and counts "idle" (the run then had too few started attempts).
cat > "$RESULTS/quiz-submit.lua" <<'LUA'
local count = 0
local threads = {}
function setup(thread) count = count + 1; thread:set("tid", count); threads[#threads + 1] = thread end
function init(args)
  local nthreads = tonumber(args[1]) or 1
  mine = {}
  local n = 0
  for line in io.lines(os.getenv("QUIZ_STARTED")) do
    n = n + 1
    if (n - 1) % nthreads == tid - 1 then mine[#mine + 1] = line end
  end
  next_line = 1; idle = 0
end
-- no response() callback: wrk then hands no body to Lua (11 KB a result), which would take processor time from the
-- app on the same machine; failures show in wrk's "Non-2xx or 3xx responses", submissions are counted in the database
function request()
  local line = mine[next_line]
  if line == nil then
    idle = idle + 1
    return wrk.format("GET", "/api/v1/public/quiz/rounds/current")
  end
  next_line = next_line + 1
  local token, attempt, answers = string.match(line, "^(%S+) (%d+) (.*)$")
  return wrk.format("POST", "/api/v1/quiz/attempts/" .. attempt .. "/answers",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, answers)
end
function done(summary, latency, requests)
  local i = 0
  for _, t in ipairs(threads) do i = i + t:get("idle") end
  io.write(string.format("requests %d idle %d\n", summary.requests, i))
end
LUA

say "quiz benchmark $STAMP: JDK $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); $PEOPLE citizens; ${SECONDS_PER_RUN}s runs after a warm-up of ${WARMUP_MIN}-${WARMUP_MAX}s (until the JIT is done)"
say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for MODE in $MODES; do
  DB=sciday_bench_quiz_$MODE
  PSQL="psql -q -h 127.0.0.1 -U sciday_bench -d $DB -v ON_ERROR_STOP=1"
  fresh_database "$DB"
  EXTRA=()
  if [ "$MODE" = redis ]; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no > "$RESULTS/redis.log" 2>&1 &
    REDIS_PID=$!
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
    EXTRA=(--spring.data.redis.url="redis://127.0.0.1:$REDIS_PORT" --sciday.online.redis.prefix="bench-$STAMP:")
  fi
  start_app $APP_PORT "$DB" "${EXTRA[@]}"
  make_citizens "$PEOPLE" "$DB"
  # the demo round (open through the campaign, one official attempt per person and day) and the divisions
  read -r ROUND DIVISIONS < <(curl -fs "http://127.0.0.1:$APP_PORT/api/v1/public/quiz/rounds/current" | python3 -c \
    'import json,sys; r=json.load(sys.stdin); print(r["id"], ",".join(str(d["id"]) for d in r["divisions"]))')
  export QUIZ_TOKENS="$RESULTS/tokens.txt" QUIZ_ROUND="$ROUND" QUIZ_DIVISIONS="$DIVISIONS"
  URL="http://127.0.0.1:$APP_PORT"

  # warm-up (its citizens are not used again), then the measured run with fresh citizens
  used=0
  warm_step() {
    wrk -t"$FLOWS" -c"$FLOWS" -d"${1}s" -s "$RESULTS/quiz.lua" "$URL" -- "$used" "$FLOWS" > "$RESULTS/quiz-warm.txt"
    used=$(( $(awk '/^submitted/ {print $10}' "$RESULTS/quiz-warm.txt") + 1 ))
  }
  warm_up "$APP_PID" "$WARMUP_MIN" "$WARMUP_MAX" 15 warm_step
  say "mode $MODE: warm-up ${WARMED}s"
  submitted_count() { $PSQL -At -c "select count(*) from quiz_attempt where status = 'SUBMITTED' and practice = false"; }
  next=$used

  # whole attempts: each connection starts one and submits it at once
  before=$(submitted_count)
  app0=$(proc_ticks "$APP_PID"); busy0=$(machine_busy_ticks)
  wrk -t"$FLOWS" -c"$FLOWS" -d"${SECONDS_PER_RUN}s" --latency -s "$RESULTS/quiz.lua" "$URL" -- "$next" "$FLOWS" \
    > "$RESULTS/quiz-wrk-$MODE.txt"
  flow_cpu="app $(cores $(( $(proc_ticks "$APP_PID") - app0 )) "$SECONDS_PER_RUN"), machine $(cores $(( $(machine_busy_ticks) - busy0 )) "$SECONDS_PER_RUN") of $(nproc) cores"
  flow_counts=$(grep '^submitted' "$RESULTS/quiz-wrk-$MODE.txt")
  flow_done=$(( $(submitted_count) - before ))
  flow_rate=$(awk -v c="$flow_done" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.1f", c/s}')
  flow_p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$RESULTS/quiz-wrk-$MODE.txt")")
  next=$(( $(awk '/^submitted/ {print $10}' "$RESULTS/quiz-wrk-$MODE.txt") + 1 ))

  # starts: fresh citizens for three times the run's time (the submission run must not run out), rate over all of it
  START_SECONDS=$((3 * SECONDS_PER_RUN))
  export QUIZ_STARTED="$RESULTS/quiz-started-$MODE"
  rm -f "$QUIZ_STARTED"*
  open0=$($PSQL -At -c "select count(*) from quiz_attempt where status = 'OPEN'")
  wrk -t"$FLOWS" -c"$FLOWS" -d"${START_SECONDS}s" --latency -s "$RESULTS/quiz-start.lua" "$URL" -- "$next" "$FLOWS" \
    > "$RESULTS/quiz-start-$MODE.txt"
  starts=$(( $($PSQL -At -c "select count(*) from quiz_attempt where status = 'OPEN'") - open0 ))
  start_rate=$(awk -v c="$starts" -v s="$START_SECONDS" 'BEGIN {printf "%.1f", c/s}')
  start_p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$RESULTS/quiz-start-$MODE.txt")")
  start_counts=$(grep '^started' "$RESULTS/quiz-start-$MODE.txt")
  cat "$QUIZ_STARTED"-* > "$QUIZ_STARTED"

  # answer submissions of those attempts (the target)
  before=$(submitted_count)
  # JFR=FILE records the measured submissions (not the warm-up) for profiling
  if [ -n "${JFR:-}" ]; then "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.start name=bench settings=profile filename="$JFR" >/dev/null; fi
  app0=$(proc_ticks "$APP_PID"); pg0=$(proc_ticks $(pg_pids)); busy0=$(machine_busy_ticks)
  wrk -t"$FLOWS" -c"$FLOWS" -d"${SECONDS_PER_RUN}s" --latency -s "$RESULTS/quiz-submit.lua" "$URL" -- "$FLOWS" \
    > "$RESULTS/quiz-submit-$MODE.txt"
  cpu="app $(cores $(( $(proc_ticks "$APP_PID") - app0 )) "$SECONDS_PER_RUN"), PostgreSQL $(cores $(( $(proc_ticks $(pg_pids)) - pg0 )) "$SECONDS_PER_RUN"), machine $(cores $(( $(machine_busy_ticks) - busy0 )) "$SECONDS_PER_RUN") of $(nproc) cores"
  if [ -n "${JFR:-}" ]; then "$(dirname "$JAVA")/jcmd" "$APP_PID" JFR.stop name=bench filename="$JFR" >/dev/null; fi
  submitted=$(( $(submitted_count) - before ))
  counts="$(grep '^requests' "$RESULTS/quiz-submit-$MODE.txt"), non-2xx $(awk 'BEGIN {n = 0} /Non-2xx/ {n = $5} END {print n}' "$RESULTS/quiz-submit-$MODE.txt")"
  quiz_rate=$(awk -v c="$submitted" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.1f", c/s}')
  quiz_p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$RESULTS/quiz-submit-$MODE.txt")")
  ranked=$($PSQL -At -c "select count(*) from quiz_participant where round_id = $ROUND and best_attempt_id is not null")

  # leaderboard reads (anonymous, top 50 of the round's board), overall and of the first division
  BOARD="$URL/api/v1/public/quiz/rounds/$ROUND/leaderboard"
  FIRST_DIVISION=${DIVISIONS%%,*}
  wrk_run "$BOARD" "$READERS" 5 >/dev/null
  read -r board_rps board_p99 < <(wrk_run "$BOARD" "$READERS" "$SECONDS_PER_RUN")
  read -r division_rps division_p99 < <(wrk_run "$BOARD?division=$FIRST_DIVISION" "$READERS" "$SECONDS_PER_RUN")
  load_app=$(cut -d' ' -f1-3 /proc/loadavg)
  stop_app

  # pgbench's built-in simple-update (one account update, one select, one history insert) on the same database
  pgbench -i -s 10 -q -h 127.0.0.1 -U sciday_bench "$DB" >/dev/null 2>&1
  pg_tps=$(pgbench -n -b simple-update -c 32 -j 2 -T "$SECONDS_PER_RUN" -h 127.0.0.1 -U sciday_bench "$DB" 2>/dev/null \
    | awk '/^tps/ {print $3}' | head -1)
  stop_redis
  pct() { awk -v a="$1" -v p="$pg_tps" 'BEGIN {printf "%.0f%%", 100*a/p}'; }
  say ""
  say "== mode: $MODE (round $ROUND, $ranked people on the board after the runs)"
  say "answer submissions/s: $quiz_rate ($submitted official attempts submitted in ${SECONDS_PER_RUN}s over $FLOWS connections; wrk: $counts; p99 ${quiz_p99} ms; CPU: $cpu)"
  case "$counts" in *"idle 0,"*) ;; *) say "  (the submissions ran out of started attempts: the rate above is a lower bound)" ;; esac
  say "starts/s: $start_rate ($starts attempts started in ${START_SECONDS}s; wrk: $start_counts; p99 ${start_p99} ms)"
  say "whole attempts/s: $flow_rate (start then submit by the same connection, $FLOWS connections; wrk: $flow_counts; p99 per request ${flow_p99} ms; CPU: $flow_cpu)"
  say "leaderboard reads/s: overall $board_rps (p99 $board_p99 ms), one division $division_rps (p99 $division_p99 ms), $READERS connections"
  say "pgbench simple-update tps: $pg_tps (32 clients)"
  say "ratios to pgbench: answer submissions $(pct "$quiz_rate"), starts $(pct "$start_rate"), whole attempts $(pct "$flow_rate"), leaderboard overall $(pct "$board_rps"), division $(pct "$division_rps")"
  say "load average at the end of the app runs: $load_app"
done
say ""
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
