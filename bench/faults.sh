#!/usr/bin/env bash
# Faults, on a THROWAWAY PostgreSQL cluster (initdb into a temporary directory, its own port; never the machine's
# main cluster): two app instances behind nginx (sessions in the database), a sign-up load through nginx, and
#
#   1. the database restarts in the middle of the load (stopped, down for DOWN seconds, started): time to the first
#      503 (with Retry-After), no 500, no request hangs, time to recovery after it returns (< 10 s), every sign-up
#      answered 201 is in the database as answered, no activity over capacity;
#   2. one of the two instances is killed (SIGKILL) in the middle of the load: the other keeps serving, and a user
#      logged in before (session in the database) stays logged in; the killed instance is started again (a restart
#      as in a rolling restart) and takes the same session;
#   3. the mail server goes down during a burst of e-mail notifications (a python3 SMTP sink on loopback, stopped in
#      the middle of the burst and started again after a while): what the outbox does meanwhile, then every message
#      delivered after the server returns, none twice.
#
# Usage: bench/faults.sh     Environment: DOWN (seconds the database is down, 8), PEOPLE (4000), MAIL (300),
#                            PHASES (which parts to run, "1 2 3")
# Needs: PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin), nginx, python3; run as root (initdb runs as the
# postgres user) or as a user who can run initdb.
source "$(dirname "$0")/common.sh"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT_FAULTS:-55432}; export PG_PORT
PORT_A=18131; PORT_B=18132; NGINX_PORT=18130; SMTP_PORT=18125
DOWN=${DOWN:-8}; PEOPLE=${PEOPLE:-4000}; MAIL=${MAIL:-300}; PHASES=${PHASES:-1 2 3}
DB=sciday_faults
command -v nginx >/dev/null || apt-get install -y -q nginx >/dev/null

build_jar
WORK=$(mktemp -d /tmp/sciday-faults.XXXXXX); chmod 755 "$WORK"
APP_LOG_DIR=$WORK; MEDIA_DIR=$WORK/media; export APP_LOG_DIR MEDIA_DIR
AS_PG=()
[ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
PIDS=()
pg() { "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/postgres.log" -o "-p $PG_PORT -k $WORK/sock -c listen_addresses=127.0.0.1" "$@"; }
cleanup() {
  stop_pids "${PIDS[@]}" ${SINK_PID:-}
  pg stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$WORK/pg"
  echo "logs kept in $WORK"
}
trap cleanup EXIT
now() { date +%s.%N; }
EVENTS=$WORK/events.txt

# ---- the throwaway cluster and the two instances ------------------------------------------------------------------
install -d -o "$( [ ${#AS_PG[@]} -gt 0 ] && echo postgres || id -un)" "$WORK/pg" "$WORK/sock"
touch "$WORK/postgres.log"; [ ${#AS_PG[@]} -gt 0 ] && chown postgres "$WORK/postgres.log"
"${AS_PG[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg start -w >/dev/null
PSQL_ADMIN="psql -q -h 127.0.0.1 -p $PG_PORT -U postgres -v ON_ERROR_STOP=1"
$PSQL_ADMIN -d postgres -c "create role sciday_bench login password 'sciday_bench'" -c "create database $DB owner sciday_bench" >/dev/null
export PGPASSWORD=sciday_bench
PSQL="psql -q -h 127.0.0.1 -p $PG_PORT -U sciday_bench -d $DB -v ON_ERROR_STOP=1"
echo "throwaway PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PG_PORT in $WORK/pg"

python3 "$BENCH_DIR/smtp_sink.py" $SMTP_PORT "$WORK/mail.log" & SINK_PID=$!
COMMON=(--sciday.sessions=jdbc --spring.mail.host=127.0.0.1 --spring.mail.port=$SMTP_PORT
  --sciday.notification.dispatch-delay=PT2S)
start_app $PORT_A $DB "${COMMON[@]}" --sciday.instance-id=a; PID_A=$APP_PID; PIDS+=("$PID_A")
start_app $PORT_B $DB "${COMMON[@]}" --sciday.instance-id=b; PID_B=$APP_PID; PIDS+=("$PID_B")
start_nginx "$WORK" "
  upstream sciday { server 127.0.0.1:$PORT_A max_fails=2 fail_timeout=5s; server 127.0.0.1:$PORT_B max_fails=2 fail_timeout=5s; keepalive 64; }
  server { listen 127.0.0.1:$NGINX_PORT; location / { proxy_pass http://sciday; } }"
PIDS+=("$NGINX_PID")
BASE="http://127.0.0.1:$NGINX_PORT"
for port in $PORT_A $PORT_B; do   # warm both JVMs
  for _ in $(seq 1 40); do curl -m 30 -fsS -o /dev/null "http://127.0.0.1:$port/activities"; done
done
echo "JDK: $("$JAVA" -version 2>&1 | head -1); cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

slot() { open_slot "$PSQL" "$1" "$2" 故障演练; }
citizens_sql "$PEOPLE" 17000000000 "$WORK/tokens-db.txt" > "$WORK/people-db.sql"; $PSQL -f "$WORK/people-db.sql" >/dev/null
citizens_sql "$PEOPLE" 17100000000 "$WORK/tokens-kill.txt" > "$WORK/people-kill.sql"; $PSQL -f "$WORK/people-kill.sql" >/dev/null
STATUS=0

# ---- 1. the database restarts during the load ------------------------------------------------------------------
if [[ " $PHASES " == *" 1 "* ]]; then
echo
echo "1. PostgreSQL stopped (pg_ctl stop -m fast) 8 s into a sign-up load through nginx, down for $DOWN s, started again"
slot 9200001 300
: > "$EVENTS"
python3 "$BENCH_DIR/fault_load.py" run --base "$BASE" --activity 9200001 --tokens "$WORK/tokens-db.txt" \
  --out "$WORK/load-db.jsonl" --concurrency 16 --seconds $((8 + DOWN + 20)) --page-path /activities &
LOAD=$!
sleep 8
echo "db_stop $(now)" >> "$EVENTS"; pg stop -m fast >/dev/null; echo "db_stopped $(now)" >> "$EVENTS"
sleep "$DOWN"
echo "db_start $(now)" >> "$EVENTS"; pg start -w >/dev/null
until "$PGBIN/pg_isready" -q -h 127.0.0.1 -p $PG_PORT; do sleep 0.1; done; echo "db_up $(now)" >> "$EVENTS"
wait $LOAD
python3 "$BENCH_DIR/fault_load.py" report --mode outage --activity 9200001 --tokens "$WORK/tokens-db.txt" \
  --out "$WORK/load-db.jsonl" --events "$EVENTS" --db $DB --pg-port $PG_PORT --page-path /activities || STATUS=1
echo "  app log lines about the outage: A $(grep -c 'database unavailable' "$WORK/app-$PORT_A.log"), B $(grep -c 'database unavailable' "$WORK/app-$PORT_B.log");" \
  "ERROR lines: A $(grep -c ' ERROR ' "$WORK/app-$PORT_A.log"), B $(grep -c ' ERROR ' "$WORK/app-$PORT_B.log")"
fi

# ---- 2. one instance killed during the load ----------------------------------------------------------------------
if [[ " $PHASES " == *" 2 "* ]]; then
echo
echo "2. instance A killed (SIGKILL) 8 s into a sign-up load through nginx; a logged-in city admin keeps browsing"
slot 9200002 300
jar="$WORK/cookies.txt"
code=$(login_staff "$BASE" "$jar" admin sciday-demo)
cookie=$(awk '$6 == "SESSION" {print "SESSION=" $7}' "$jar")
echo "  logged in through nginx: $code, cookie ${cookie:0:16}…"
: > "$EVENTS"
python3 "$BENCH_DIR/fault_load.py" run --base "$BASE" --activity 9200002 --tokens "$WORK/tokens-kill.txt" \
  --out "$WORK/load-kill.jsonl" --concurrency 16 --seconds 25 --session-cookie "$cookie" --session-path /admin/audit &
LOAD=$!
sleep 8
echo "kill $(now)" >> "$EVENTS"; kill -9 "$PID_A"
wait $LOAD
python3 "$BENCH_DIR/fault_load.py" report --mode kill --activity 9200002 --tokens "$WORK/tokens-kill.txt" \
  --out "$WORK/load-kill.jsonl" --events "$EVENTS" --db $DB --pg-port $PG_PORT --session-path /admin/audit || STATUS=1
t0=$(now)
start_app $PORT_A $DB "${COMMON[@]}" --sciday.instance-id=a2; PID_A=$APP_PID; PIDS+=("$PID_A")
until [ "$(curl -m 5 -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_A/actuator/health/readiness")" = 200 ]; do sleep 0.5; done
ready=$(awk -v a="$t0" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}')
on_a=$(curl -m 30 -sS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$PORT_A/admin/audit")
echo "  A started again: ready after $ready s; the same session on the new A: $on_a (200 = still logged in)"
[ "$on_a" = 200 ] || STATUS=1
fi

# ---- 3. the mail server goes down during a burst ----------------------------------------------------------------
if [[ " $PHASES " == *" 3 "* ]]; then
echo
echo "3. $MAIL e-mail notifications written to the outbox at once; the SMTP sink (python3, 20 ms a message) is"
echo "   killed once a third has arrived and started again 20 s later"
sleep 5   # deliveries left from the demo data
ADMIN=$($PSQL -At -c "select id from account where username = 'admin'")
# written at the app's (demo) clock: the newest audit entry's time
"$JAVA" "$BENCH_DIR/OutboxBurst.java" "$KEY" "$MAIL" faults "$ADMIN" '(select max(at) from audit_entry)' > "$WORK/burst.sql"
kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; : > "$WORK/mail.log"
python3 "$BENCH_DIR/smtp_sink.py" $SMTP_PORT "$WORK/mail.log" 20 & SINK_PID=$!
sleep 0.5
first_id=$($PSQL -At -c "select coalesce(max(id), 0) + 1 from outbox_message")
$PSQL -f "$WORK/burst.sql" >/dev/null; t_burst=$(now)
undelivered() { $PSQL -At -c "select count(*) from outbox_message where subject like 'faults %' and delivered_at is null"; }
deadline=$(( $(date +%s) + 180 ))
while [ "$(grep -c ' faults ' "$WORK/mail.log")" -lt $((MAIL / 3)) ] && [ "$(date +%s)" -lt $deadline ]; do sleep 0.1; done
kill -9 "$SINK_PID"; t_down=$(now)
got_before=$(grep -c ' faults ' "$WORK/mail.log" || true)
sleep 10
metrics=$(curl -m 30 -fsS "http://127.0.0.1:$PORT_B/actuator/prometheus" | grep -E '^sciday_outbox_(backlog\{channel="email"|oldest)' | tr '\n' ' ' || true)
state=$($PSQL -At -F ', ' -c "select count(*) filter (where delivered_at is null), count(*) filter (where attempts > 0 and delivered_at is null),
  max(attempts) from outbox_message where subject like 'faults %'")
errors=$($PSQL -At -c "select distinct regexp_replace(last_error, ':.*', '') from outbox_message where subject like 'faults %' and last_error is not null" | tr '\n' ',')
echo "  the sink had accepted $got_before messages when it was killed"
echo "  10 s later: undelivered, undelivered that failed at least once, most attempts: $state"
echo "  errors recorded: $errors; metrics: $metrics"
sleep 10
python3 "$BENCH_DIR/smtp_sink.py" $SMTP_PORT "$WORK/mail.log" & SINK_PID=$!; t_up=$(now)
deadline=$(( $(date +%s) + 300 ))
while [ "$(undelivered)" != 0 ] && [ "$(date +%s)" -lt $deadline ]; do sleep 0.5; done
t_all=$(now); sleep 5
left=$(undelivered)
received=$(grep -c ' faults ' "$WORK/mail.log" || true)
distinct=$(awk '$3 == "faults" {print $2}' "$WORK/mail.log" | sort -u | wc -l)
twice=$(awk '$3 == "faults" {print $2}' "$WORK/mail.log" | sort | uniq -d | wc -l)
foreign=$(awk -v f="$first_id" -v n="$MAIL" '$3 == "faults" && ($2 < f || $2 >= f + n)' "$WORK/mail.log" | wc -l)
echo "  after the sink returned: all delivered in $(awk -v a="$t_up" -v b="$t_all" 'BEGIN {printf "%.1f", b - a}') s;" \
  "undelivered left: $left; sink received $received messages, $distinct distinct, $twice twice, $foreign unknown"
echo "  (whole burst: $(awk -v a="$t_burst" -v b="$t_all" 'BEGIN {printf "%.1f", b - a}') s from writing to the last delivery)"
if [ "$left" = 0 ] && [ "$distinct" = "$MAIL" ] && [ "$twice" = 0 ] && [ "$foreign" = 0 ]; then
  echo "  RESULT: OK"
else
  echo "  RESULT: FAILED"; STATUS=1
fi
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $STATUS
