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

build_jar() {
  local jar
  jar=$(ls "$ROOT"/target/sciday-*.jar 2>/dev/null | grep -v original | head -1 || true)
  # (re)build when there is no jar or the sources changed since it was built
  if [ -z "$jar" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
  fi
  JAR=$(ls "$ROOT"/target/sciday-*.jar | grep -v original | head -1)
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
  python3 - "$1" "$KEY" "$RESULTS/tokens.txt" > "$RESULTS/people.sql" <<'PY'
import base64, hashlib, hmac, secrets, sys
n, key, out = int(sys.argv[1]), base64.b64decode(sys.argv[2]), sys.argv[3]
mac = key[16:32]
print("begin;")
with open(out, "w") as tokens:
    for i in range(n):
        mobile = str(15000000000 + i)
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
  PGPASSWORD=sciday_bench psql -q -h 127.0.0.1 -U sciday_bench -d "$2" -v ON_ERROR_STOP=1 -f "$RESULTS/people.sql" >/dev/null
}

fresh_database() {
  local db=$1
  $PG_ADMIN "psql -q -d postgres -c 'drop database if exists $db'" >/dev/null
  $PG_ADMIN "psql -q -d postgres -c \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'sciday_bench') then create role sciday_bench login password 'sciday_bench'; end if; end \\\$\\\$\"" >/dev/null
  $PG_ADMIN "psql -q -d postgres -c 'create database $db owner sciday_bench'" >/dev/null
}

# start_app PORT DATABASE [extra args…]: starts the app in the background, sets APP_PID, waits for health.
start_app() {
  local port=$1 db=$2; shift 2
  "$JAVA" -Xmx1g -jar "$JAR" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --spring.datasource.username=sciday_bench --spring.datasource.password=sciday_bench \
    --sciday.demo.mode=on --sciday.crypto.key=$KEY --sciday.media.dir="$RESULTS/media-$port" \
    --logging.level.root=WARN "$@" > "$RESULTS/app-$port.log" 2>&1 &
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
