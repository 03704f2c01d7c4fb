#!/usr/bin/env bash
# Two instances behind nginx: one jar, two JVMs on different ports, one PostgreSQL database (made by this script),
# sessions and cache invalidation in Redis (its own DB index, key prefix and channel), nginx on loopback with its own
# configuration in a temporary directory.
#
#   1. wrk on the cached public list page /activities: instance A alone, nginx -> A alone (the proxy's cost),
#      nginx -> A + B. Prints requests/s, p99 and the ratios, and where the CPU went (each JVM, nginx, wrk, the rest
#      of the machine): on a machine with few cores wrk, nginx and both JVMs share them, and the second instance can
#      only help as far as there are idle cores.
#   2. the sign-up race through nginx on both instances: PEOPLE citizens (each with an API token) sign up once each
#      for one activity with CAPACITY seats; the database must hold exactly CAPACITY confirmed registrations, and
#      every 201 answer must be a row in it.
#   3. a login made through instance A is still logged in through instance B (the session is in Redis).
#
# Usage: bench/cluster.sh [seconds per wrk run (20)] [capacity (100)] [people (1000)]
# Environment: CONNECTIONS (wrk connections, 64), WARMUP (seconds of warm-up per instance, 45), PIN (1: pin A to
# CPU 0 and B to CPU 1, one processor each: the scale-out comparison on a small machine).
# Needs: the machine's PostgreSQL on 127.0.0.1:5432 (local superuser postgres), Redis on 127.0.0.1:6379; installs
# Debian's nginx and wrk with apt-get when missing. REBUILD=1 rebuilds the jar.
source "$(dirname "$0")/common.sh"
SECONDS_PER_RUN=${1:-20}; CAPACITY=${2:-100}; PEOPLE=${3:-1000}
PORT_A=18111; PORT_B=18112; NGINX_BOTH=18110; NGINX_ONE=18113
DB=sciday_bench_cluster
REDIS_DB=${REDIS_DB:-9}; PREFIX=sciday-bench-cluster
ACTIVITY=9100001
CONNECTIONS=${CONNECTIONS:-64}; WARMUP=${WARMUP:-45}

for tool in nginx wrk; do
  command -v "$tool" >/dev/null || apt-get install -y -q "$tool" >/dev/null
done
build_jar
WORK=$(mktemp -d /tmp/sciday-cluster.XXXXXX)
APP_LOG_DIR=$WORK; MEDIA_DIR=$WORK/media   # both instances share one upload directory, as they would share NFS
export APP_LOG_DIR MEDIA_DIR
PIDS=()
cleanup() {
  stop_pids "${PIDS[@]}"
  # only this benchmark's keys, in its own DB index
  redis-cli -n "$REDIS_DB" --scan --pattern "$PREFIX:*" | xargs -r -n 500 redis-cli -n "$REDIS_DB" del >/dev/null || true
  echo "logs and configuration kept in $WORK"
}
trap cleanup EXIT

fresh_database $DB
COMMON=(--sciday.sessions=redis --spring.data.redis.url="redis://127.0.0.1:6379/$REDIS_DB"
  --spring.session.data.redis.namespace="$PREFIX:session" --sciday.cache.channel="$PREFIX:cache"
)
# A first: it migrates the empty database and creates the demo data; then B on the same database.
# PIN=1: A on CPU 0 and B on CPU 1, each JVM sized for one processor: two one-core hosts on one machine, so that
# "A alone" and "A + B" compare one core of app with two (nginx and wrk float, and use little).
if [ "${PIN:-0}" = 1 ]; then
  export JAVA_OPTS="-Xmx1g -XX:ActiveProcessorCount=1"
  APP_PREFIX="taskset -c 0" start_app $PORT_A $DB "${COMMON[@]}" --sciday.instance-id=a; PID_A=$APP_PID; PIDS+=("$PID_A")
  APP_PREFIX="taskset -c 1" start_app $PORT_B $DB "${COMMON[@]}" --sciday.instance-id=b; PID_B=$APP_PID; PIDS+=("$PID_B")
else
  start_app $PORT_A $DB "${COMMON[@]}" --sciday.instance-id=a; PID_A=$APP_PID; PIDS+=("$PID_A")
  start_app $PORT_B $DB "${COMMON[@]}" --sciday.instance-id=b; PID_B=$APP_PID; PIDS+=("$PID_B")
fi

start_nginx "$WORK" "
  upstream both { server 127.0.0.1:$PORT_A max_fails=2 fail_timeout=5s; server 127.0.0.1:$PORT_B max_fails=2 fail_timeout=5s; keepalive 128; }
  upstream one { server 127.0.0.1:$PORT_A; keepalive 128; }
  server { listen 127.0.0.1:$NGINX_BOTH; location / { proxy_pass http://both; } }
  server { listen 127.0.0.1:$NGINX_ONE; location / { proxy_pass http://one; } }"
PIDS+=("$NGINX_PID")
NGINX_PIDS=("$NGINX_PID" $(pgrep -P "$NGINX_PID"))

# measure NAME URL: wrk with CPU accounting; appends a row to $WORK/pages.txt and sets RPS
measure() {
  local name=$1 url=$2 t0 a0 b0 n0 m0 out wrk_ticks t1 a1 b1 n1 m1 secs
  wrk -t2 -c"$CONNECTIONS" -d5s "$url" >/dev/null   # warm-up
  t0=$(date +%s.%N); a0=$(proc_ticks "$PID_A"); b0=$(proc_ticks "$PID_B"); n0=$(proc_ticks "${NGINX_PIDS[@]}")
  m0=$(machine_busy_ticks)
  out=$(sh -c 'wrk -t2 -c"$1" -d"$2"s --latency "$3"; echo "WRKTICKS $(sed "s/^.*) //" /proc/$$/stat | awk "{print \$14 + \$15}")"' \
    sh "$CONNECTIONS" "$SECONDS_PER_RUN" "$url")
  t1=$(date +%s.%N); a1=$(proc_ticks "$PID_A"); b1=$(proc_ticks "$PID_B"); n1=$(proc_ticks "${NGINX_PIDS[@]}")
  m1=$(machine_busy_ticks)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
  wrk_ticks=$(echo "$out" | awk '/^WRKTICKS/ {print $2}')
  RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  local p99 non2xx rest
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}'); non2xx=${non2xx:-0}
  rest=$(( (m1 - m0) - (a1 - a0) - (b1 - b0) - (n1 - n0) - wrk_ticks ))
  local app_cores per_core
  app_cores=$(cores $(( (a1 - a0) + (b1 - b0) )) "$secs")
  per_core=$(awk -v r="$RPS" -v c="$app_cores" 'BEGIN {if (c > 0) printf "%.0f", r / c; else print "-"}')
  printf '%-18s %8s %8s %7s %8s | %5s %5s %5s %5s %5s | %5s of %s\n' "$name" "$RPS" "$p99" "$non2xx" "$per_core" \
    "$(cores $((a1 - a0)) "$secs")" "$(cores $((b1 - b0)) "$secs")" "$(cores $((n1 - n0)) "$secs")" \
    "$(cores "$wrk_ticks" "$secs")" "$(cores "$rest" "$secs")" "$(cores $((m1 - m0)) "$secs")" "$(nproc)" \
    | tee -a "$WORK/pages.txt"
}

URL_PATH=/activities
curl -m 30 -fsS -o /dev/null "http://127.0.0.1:$PORT_A$URL_PATH"
cookie=$(curl -m 30 -fsS -D - -o /dev/null "http://127.0.0.1:$NGINX_BOTH$URL_PATH" | grep -ci '^set-cookie' || true)
echo "JDK: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${PIN:-0}" = 1 ] && echo "pinned: A on CPU 0, B on CPU 1, -XX:ActiveProcessorCount=1 each"
echo "page $URL_PATH: $(curl -m 30 -fsS "http://127.0.0.1:$PORT_A$URL_PATH" | wc -c) bytes, Set-Cookie headers for an anonymous visitor: $cookie"
echo "wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s; CPU in cores (average over the run): app A, app B, nginx, wrk, everything else"
echo "on the machine (other users' processes, PostgreSQL, Redis); req/s per app core = req/s / (A + B cores)"
printf '%-18s %8s %8s %7s %8s | %5s %5s %5s %5s %5s | %s\n' run req/s p99ms non2xx "req/s per app core" A B nginx wrk other "machine busy"
: > "$WORK/pages.txt"
# Warm both JVMs (JIT) directly before measuring; a cold instance is several times slower.
wrk -t2 -c16 -d"${WARMUP}s" "http://127.0.0.1:$PORT_A$URL_PATH" >/dev/null
wrk -t2 -c16 -d"${WARMUP}s" "http://127.0.0.1:$PORT_B$URL_PATH" >/dev/null
# Two rounds: the first still carries JIT warm-up (and shows how much); the ratios come from the second.
for round in 1 2; do
  measure "$round: A alone" "http://127.0.0.1:$PORT_A$URL_PATH"; RPS_A=$RPS
  measure "$round: nginx -> A" "http://127.0.0.1:$NGINX_ONE$URL_PATH"; RPS_NA=$RPS
  measure "$round: nginx -> A+B" "http://127.0.0.1:$NGINX_BOTH$URL_PATH"; RPS_NAB=$RPS
done
echo "ratios (round 2): (nginx -> A + B) / (A alone) = $(awk -v a="$RPS_NAB" -v b="$RPS_A" 'BEGIN {printf "%.2f", a / b}');" \
  "(nginx -> A + B) / (nginx -> A) = $(awk -v a="$RPS_NAB" -v b="$RPS_NA" 'BEGIN {printf "%.2f", a / b}');" \
  "(nginx -> A) / (A alone) = $(awk -v a="$RPS_NA" -v b="$RPS_A" 'BEGIN {printf "%.2f", a / b}')"
wrk_max=$(awk -F'|' '{split($2, c, " "); if (c[4] > m) m = c[4]} END {print m + 0}' "$WORK/pages.txt")
echo "wrk used at most $wrk_max cores: the load generator is not the limit; the JVMs are (see A, B and machine busy)"
busy=$(awk -F'|' 'NR == 6 {split($3, m, " "); print m[1]}' "$WORK/pages.txt")
if awk -v b="$busy" -v n="$(nproc)" 'BEGIN {exit !(b >= 0.9 * n)}'; then
  echo "the machine was saturated during the two-instance run ($busy of $(nproc) cores busy): the second instance" \
    "competes with the first, nginx and wrk for the same cores, so this ratio measures the machine, not the app's" \
    "ability to scale out; on separate hosts each instance would have the cores that 'A alone' used"
fi

# ---- the sign-up race through nginx on both instances ----------------------------------------------------------
export PGPASSWORD=sciday_bench
PSQL="psql -q -h 127.0.0.1 -U sciday_bench -d $DB -v ON_ERROR_STOP=1"
open_slot "$PSQL" $ACTIVITY "$CAPACITY" 集群抢票
citizens_sql "$PEOPLE" 16000000000 "$WORK/tokens.txt" > "$WORK/people.sql"
$PSQL -f "$WORK/people.sql" >/dev/null
signups_on() { curl -m 30 -fsS "http://127.0.0.1:$1/actuator/prometheus" | awk '/^sciday_signups_total\{status="(CONFIRMED|WAITLISTED)"/ {s += $2} END {print s + 0}'; }
sa0=$(signups_on $PORT_A); sb0=$(signups_on $PORT_B)
echo "sign-up race: $PEOPLE citizens, one sign-up each, 64 at a time, through nginx (A + B), capacity $CAPACITY"
race=$(signup_race "http://127.0.0.1:$NGINX_BOTH" $ACTIVITY "$WORK/tokens.txt" 64)
echo "  answers: $race"
sa1=$(signups_on $PORT_A); sb1=$(signups_on $PORT_B)
confirmed=$($PSQL -At -c "select count(*) from registration where activity_id = $ACTIVITY and status = 'CONFIRMED'")
waiting=$($PSQL -At -c "select count(*) from registration where activity_id = $ACTIVITY and status = 'WAITLISTED'")
slot=$($PSQL -At -c "select confirmed || ' confirmed, ' || waitlisted || ' waitlisted' from signup_slot where activity_id = $ACTIVITY")
# every 201 answer is a row with the same status
answered=$(awk '$1 == 201 {print $3 "\t" $2}' "$WORK/tokens.txt.answers" | sort)
missing=$(python3 - "$WORK/tokens.txt.answers" "$DB" "$ACTIVITY" <<'PY'
import hashlib, subprocess, sys
answers, db, activity = sys.argv[1:4]
rows = subprocess.run(["psql", "-At", "-h", "127.0.0.1", "-U", "sciday_bench", "-d", db, "-c",
    f"select t.token_hash, r.status from registration r join api_token t on t.account_id = r.account_id "
    f"where r.activity_id = {activity}"], capture_output=True, text=True, check=True).stdout.split()
stored = dict(r.split("|") for r in rows)
bad = 0
for line in open(answers):
    status, st, token = line.split()
    if status == "201" and stored.get(hashlib.sha256(token.encode()).hexdigest()) != st:
        bad += 1
print(bad)
PY
)
echo "  database: $confirmed confirmed, $waiting waitlisted (slot counters: $slot); 201 answers not found as stored: $missing"
echo "  served by A: $(awk -v a="$sa1" -v b="$sa0" 'BEGIN {print a - b}') sign-ups, by B: $(awk -v a="$sb1" -v b="$sb0" 'BEGIN {print a - b}')"
if [ "$confirmed" = "$CAPACITY" ] && [ "$missing" = 0 ]; then
  echo "  OK: confirmed == capacity ($CAPACITY) and every successful answer is in the database"
else
  echo "  FAILED: confirmed $confirmed, capacity $CAPACITY, missing $missing"; RACE_FAILED=1
fi

# ---- a session made on A is valid on B ------------------------------------------------------------------------
jar="$WORK/cookies.txt"
code=$(login_staff "http://127.0.0.1:$PORT_A" "$jar" admin sciday-demo)
on_b=$(curl -m 30 -sS -o /dev/null -w '%{http_code}' -b "$jar" "http://127.0.0.1:$PORT_B/admin/audit")
echo "session: logged in on A (answer $code), /admin/audit on B answers $on_b (200 = still logged in)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${RACE_FAILED:-}" ] && [ "$on_b" = 200 ]
