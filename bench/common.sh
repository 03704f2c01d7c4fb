#!/usr/bin/env bash
# Shared helpers for the benchmarks: build the jar, run the app on PostgreSQL with the newest JDK, wait for it.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RESULTS="$BENCH_DIR/results"
mkdir -p "$RESULTS"

# The newest JDK on the machine (benchmarks and production run on it; the bytecode targets 17).
newest_java() {
  local best
  best=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sed 's#/bin/java##' | sort -V | tail -1)
  for j in /usr/lib/jvm/*; do
    [ -x "$j/bin/java" ] || continue
    v=$("$j/bin/java" -version 2>&1 | head -1 | sed -E 's/.*"([0-9]+).*/\1/')
    bv=$("$best/bin/java" -version 2>&1 | head -1 | sed -E 's/.*"([0-9]+).*/\1/')
    if [ "$v" -gt "$bv" ]; then best=$j; fi
  done
  echo "$best/bin/java"
}
JAVA=${JAVA:-$(newest_java)}
PG_ADMIN=${PG_ADMIN:-"su postgres -c"}
KEY=c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=

# build_jar: builds the jar once (REBUILD=1 forces it) and extracts it (java -Djarmode=tools … extract) into
# target/extracted; JAR is the extracted application jar, FAT_JAR the executable jar. The extracted layout is what
# production should run (docs/operations.md): classes load from plain jars, not through the nested-jar loader, which
# with virtual threads can hang a cold instance under concurrent load (spring-boot issues 51379 and 51463).
build_jar() {
  local jar
  jar=$(ls "$ROOT"/target/sciday-*.jar 2>/dev/null | grep -v original | head -1 || true)
  # (re)build when asked, when there is no jar, or when the sources changed since it was built
  if [ "${REBUILD:-0}" = 1 ] || [ -z "$jar" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  fi
  FAT_JAR=$(ls "$ROOT"/target/sciday-*.jar | grep -v original | head -1)
  local dir="$ROOT/target/extracted"
  if [ ! -f "$dir/$(basename "$FAT_JAR")" ] || [ "$FAT_JAR" -nt "$dir/$(basename "$FAT_JAR")" ]; then
    rm -rf "$dir"
    "$JAVA" -Djarmode=tools -jar "$FAT_JAR" extract --destination "$dir" >/dev/null
  fi
  JAR="$dir/$(basename "$FAT_JAR")"
}

# need COMMAND DEBIAN-PACKAGE: installs the package when the command is missing (root, as on these machines).
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

# make_citizens N DATABASE: N public accounts (mobile 15000000000 + i) with API tokens, written straight into the
# database (the key is the benchmark's own); the tokens go to $RESULTS/tokens.txt, one a line.
make_citizens() {
  citizens_sql "$1" 15000000000 "$RESULTS/tokens.txt" > "$RESULTS/people.sql"
  PGPASSWORD=sciday_bench psql -q -h 127.0.0.1 -U sciday_bench -d "$2" -v ON_ERROR_STOP=1 -f "$RESULTS/people.sql" >/dev/null
}

fresh_database() {
  local db=$1
  $PG_ADMIN "psql -q -d postgres -c 'drop database if exists $db'" >/dev/null
  $PG_ADMIN "psql -q -d postgres -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'sciday_bench') then create role sciday_bench login password 'sciday_bench'; end if; end \\\$\\\$\"" >/dev/null
  $PG_ADMIN "psql -q -d postgres -c 'create database $db owner sciday_bench'" >/dev/null
}

# start_app PORT DATABASE [extra args…]: starts the app in the background, sets APP_PID, waits for health.
# Environment: PG_PORT (5432), MEDIA_DIR (one per port under results/), APP_LOG_DIR (results/), JAVA_OPTS (-Xmx1g),
# APP_PREFIX (a command that runs java, e.g. "taskset -c 0").
start_app() {
  local port=$1 db=$2; shift 2
  ${APP_PREFIX:-} "$JAVA" ${JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:${PG_PORT:-5432}/$db" \
    --spring.datasource.username=sciday_bench --spring.datasource.password=sciday_bench \
    --sciday.demo.mode=on --sciday.crypto.key=$KEY --sciday.media.dir="${MEDIA_DIR:-$RESULTS/media-$port}" \
    --logging.level.root=WARN "$@" >> "${APP_LOG_DIR:-$RESULTS}/app-$port.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "app on port $port did not start; see $RESULTS/app-$port.log" >&2
  return 1
}

# wrk_run URL CONNECTIONS SECONDS: prints "requests/s p99-ms"
wrk_run() {
  local out
  out=$(wrk -t2 -c"$2" -d"$3"s --latency "$1")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$rps $(to_ms "$p99")"
}

to_ms() {
  local v=$1
  case "$v" in
    *us) echo "$v" | sed 's/us//' | awk '{printf "%.2f", $1/1000}' ;;
    *ms) echo "$v" | sed 's/ms//' ;;
    *s) echo "$v" | sed 's/s//' | awk '{printf "%.2f", $1*1000}' ;;
    *) echo "$v" ;;
  esac
}

# citizens_sql COUNT FIRST_MOBILE TOKENS_FILE: prints SQL that creates COUNT public accounts (mobiles from
# FIRST_MOBILE on, hashed with the benchmark key) each with an API token; the tokens go to TOKENS_FILE, one a line.
citizens_sql() {
  python3 - "$1" "$2" "$KEY" "$3" <<'PY'
import base64, hashlib, hmac, secrets, sys
n, first, key, out = int(sys.argv[1]), int(sys.argv[2]), base64.b64decode(sys.argv[3]), sys.argv[4]
mac = key[16:32]
print("begin;")
with open(out, "w") as tokens:
    for i in range(n):
        mobile = str(first + i)
        h = hmac.new(mac, mobile.encode(), hashlib.sha256).hexdigest()
        print(f"insert into account (display_name, role, mobile_hash, enabled, failed_logins, created_at) "
              f"values ('{mobile[:3]}****{mobile[-4:]}', 'PUBLIC', '{h}', true, 0, now());")
        token = "sd_" + secrets.token_urlsafe(32)
        th = hashlib.sha256(token.encode()).hexdigest()
        print(f"insert into api_token (account_id, token_hash, label, created_at, expires_at) "
              f"values (currval(pg_get_serial_sequence('account', 'id')), '{th}', 'bench', now(), now() + interval '30 days');")
        tokens.write(token + "\n")
print("commit;")
PY
}

# signup_race URL ACTIVITY TOKENS_FILE CONCURRENCY: every token signs up once for ACTIVITY, CONCURRENCY at a time
# (python3 threads, keep-alive). Prints "answers: N; 201 CONFIRMED: a; 201 WAITLISTED: b; 503: c; other: {...};
# failed: f; seconds: s" and writes one "status registration-status" line per request to TOKENS_FILE.answers.
signup_race() {
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import collections, http.client, json, sys, threading, time, urllib.parse
base, activity, tokens_file, conc = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
u = urllib.parse.urlparse(base)
tokens = [t.strip() for t in open(tokens_file) if t.strip()]
lock = threading.Lock(); answers = []; nxt = [0]
def worker():
    conn = None
    while True:
        with lock:
            if nxt[0] >= len(tokens): break
            t = tokens[nxt[0]]; nxt[0] += 1
        body = json.dumps({"name": "参加者"}).encode()
        for attempt in range(2):
            try:
                if conn is None: conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
                conn.request("POST", f"/api/v1/activities/{activity}/registrations", body,
                             {"Content-Type": "application/json", "Authorization": "Bearer " + t})
                r = conn.getresponse(); data = r.read()
                st = "-"
                if r.status == 201: st = json.loads(data)["status"]
                with lock: answers.append((r.status, st, t))
                break
            except Exception as e:
                conn = None
                if attempt == 1:
                    with lock: answers.append((0, type(e).__name__, t))
start = time.time()
threads = [threading.Thread(target=worker) for _ in range(conc)]
for th in threads: th.start()
for th in threads: th.join()
secs = time.time() - start
c = collections.Counter((s, st) for s, st, _ in answers)
other = {f"{s}": n for (s, st), n in c.items() if s not in (201, 503)}
print(f"answers: {len(answers)}; 201 CONFIRMED: {c[(201, 'CONFIRMED')]}; 201 WAITLISTED: {c[(201, 'WAITLISTED')]}; "
      f"503: {sum(n for (s, _), n in c.items() if s == 503)}; other: {other}; seconds: {secs:.1f}")
with open(tokens_file + ".answers", "w") as out:
    for s, st, t in answers: out.write(f"{s} {st} {t}\n")
PY
}

# CPU accounting (clock ticks, 100 a second): the processes' own time, the machine's busy time.
proc_ticks() {
  local t=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$t"
}
# compiler_ticks PID: CPU ticks the JVM's JIT compiler threads (C1, C2) have used so far
compiler_ticks() {
  local t=0 f n
  for f in /proc/"$1"/task/*; do
    case "$(cat "$f/comm" 2>/dev/null)" in
      C1\ Compi*|C2\ Compi*) n=$(sed 's/^.*) //' "$f/stat" 2>/dev/null | awk '{print $12 + $13}'); t=$((t + ${n:-0})) ;;
    esac
  done
  echo "$t"
}
# warm_up PID MIN MAX STEP FUNCTION: runs FUNCTION STEP (a load of STEP seconds) again and again until the JIT
# compilers used under 5% of a core during the last step (after MIN seconds, at most MAX). A JVM is warm when its
# compiler is done, not after a fixed time: on a slower machine 45 s left C2 busy through the measured run. Sets
# WARMED (seconds spent) and prints each step to stderr.
warm_up() {
  local pid=$1 min=$2 max=$3 step=$4 fn=$5 c0 c1 jit
  WARMED=0
  while [ "$WARMED" -lt "$max" ]; do
    c0=$(compiler_ticks "$pid"); "$fn" "$step"; c1=$(compiler_ticks "$pid")
    WARMED=$((WARMED + step)); jit=$((c1 > c0 ? c1 - c0 : 0))
    echo "warm-up: ${WARMED}s, JIT compilers used $(cores "$jit" "$step") cores in the last ${step}s" >&2
    if [ "$WARMED" -ge "$min" ] && [ "$jit" -lt $((step * 5)) ]; then break; fi
  done
}
# pg_pids: the PostgreSQL server's processes (for their CPU ticks)
pg_pids() { pgrep -d' ' -u postgres postgres || true; }
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# cores TICKS SECONDS: CPU time as cores in use on average
cores() { awk -v t="$1" -v s="$2" 'BEGIN {printf "%.2f", t / 100 / s}'; }

# start_nginx DIR BLOCKS: nginx on loopback as a foreground process (not the system's configuration or service),
# with its pid file, logs and temporary files under DIR; BLOCKS are upstream and server blocks for its http section.
# The usual proxy settings apply to every server. Sets NGINX_PID.
start_nginx() {
  local dir=$1 blocks=$2
  cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Request-Id \$request_id;
  proxy_next_upstream error timeout http_502;
  proxy_read_timeout 60s;
$blocks
}
NGINX
  nginx -c "$dir/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  sleep 1
  kill -0 "$NGINX_PID" || { echo "nginx did not start; see $dir/nginx-error.log" >&2; return 1; }
}

# stop_pids PID…: SIGTERM, up to 30 s for a graceful stop, then SIGKILL.
stop_pids() {
  local p i alive
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  for i in $(seq 1 30); do
    alive=0; for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && return 0; sleep 1
  done
  for p in "$@"; do kill -9 "$p" 2>/dev/null || true; done
}

# login_staff BASE_URL COOKIE_JAR USERNAME PASSWORD: logs in through the login form (with its CSRF token); prints
# the HTTP status of the form post (302 = logged in). The session cookie lands in COOKIE_JAR.
login_staff() {
  local base=$1 jar=$2 page csrf
  page=$(curl -m 30 -fsS -c "$jar" -b "$jar" "$base/login")
  csrf=$(echo "$page" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  [ -z "$csrf" ] && csrf=$(echo "$page" | grep -o 'value="[^"]*"[^>]*name="_csrf"' | head -1 | sed 's/^value="//; s/".*//')
  curl -m 30 -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "username=$3" \
    --data-urlencode "password=$4" --data-urlencode "_csrf=$csrf" "$base/login"
}

# open_slot "PSQL COMMAND" ACTIVITY CAPACITY NAME: one activity's seats, open for sign-up, in the demo campaign's
# future (the demo clock starts 2021-09-15), owned by the city
open_slot() {
  local psql=$1 city
  city=$($psql -At -c "select id from organization where kind = 'CITY'")
  $psql -c "insert into signup_slot (activity_id, organization_id, activity_name, capacity, confirmed, waitlisted,
    real_name_required, open_for_signup, starts_at, ends_at, version)
    values ($2, $city, '$4', $3, 0, 0, false, true, '2021-12-01 09:00+08', '2021-12-01 12:00+08', 0)"
}
