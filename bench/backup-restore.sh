#!/usr/bin/env bash
# Backup and restore end to end, with scripts/backup.sh and scripts/restore.sh as an operator would run them.
#
# PostgreSQL (the machine's cluster on 127.0.0.1:5432, databases made by this script): the app starts on an empty
# database with demo data; through its API an organizer uploads a photo and citizens sign up; the backup is taken
# while the app runs; then restore into a NEW empty database and an EMPTY upload directory, and compare: row counts
# and a checksum of every row of the main tables, the files (SHA-256 of each against the database), and, with the app
# started on the restored copy, the uploaded photo downloaded byte for byte, the sign-ups visible, the audit chain
# verified.
# H2 (embedded): the app runs once on a fresh H2 file database (demo data with its files), is stopped, backed up,
# restored into another directory and compared the same way (counts, checksums, files).
#
# Usage: bench/backup-restore.sh
source "$(dirname "$0")/common.sh"
PORT=18141; PEOPLE=40; ACTIVITY=9300001
SRC=sciday_bench_backup; DST=sciday_bench_restored
build_jar
WORK=$(mktemp -d /tmp/sciday-backup.XXXXXX)
APP_LOG_DIR=$WORK; export APP_LOG_DIR
PIDS=()
trap 'stop_pids "${PIDS[@]}"; echo "logs and backups kept in $WORK"' EXIT
export PGPASSWORD=sciday_bench
FAILED=0
# check NAME ACTUAL EXPECTED (long values are shown as their line count and SHA-256)
check() {
  local shown=$2
  [ ${#shown} -gt 80 ] && shown="$(echo "$2" | wc -l) lines, sha256 $(echo "$2" | sha256sum | cut -c1-16)"
  if [ "$2" = "$3" ]; then echo "  ok   $1: $shown"; else echo "  FAIL $1: $shown differs"; FAILED=1; fi
}

# a fingerprint of a PostgreSQL database: rows and an md5 over every row of the main tables, in key order
fingerprint_pg() {
  local t
  for t in activity registration signup_slot media_file account audit_entry audit_head outbox_message activity_photo; do
    echo "$t $(psql -X -At -h 127.0.0.1 -U sciday_bench -d "$1" -c "select count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') from $t x")"
  done
}

echo "== PostgreSQL"
fresh_database $SRC; fresh_database $DST
# no scheduled jobs (outbox, reminders): nothing changes the database between the backup and the comparison
MEDIA_DIR=$WORK/media start_app $PORT $SRC --sciday.notification.dispatch-enabled=false \
  --sciday.reporting.reminders-enabled=false; PIDS+=("$APP_PID")
BASE="http://127.0.0.1:$PORT"
# an organizer's photo on one of its published activities
token=$(curl -m 30 -fsS -H 'Content-Type: application/json' -d '{"username":"jh-school","password":"sciday-demo"}' \
  "$BASE/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
activity=$(curl -m 30 -fsS -H "Authorization: Bearer $token" "$BASE/api/v1/activities?status=PUBLISHED" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
python3 - "$WORK/photo.png" <<'PY'
import struct, sys, zlib
w, h = 320, 240
raw = b"".join(b"\x00" + b"".join(bytes((x * 255 // w, y * 255 // h, (x + y) % 256)) for x in range(w)) for y in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
code=$(curl -m 60 -sS -o "$WORK/photo-answer.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -F "file=@$WORK/photo.png;type=image/png" "$BASE/api/v1/activities/$activity/completion/photos")
photo=$(psql -X -At -h 127.0.0.1 -U sciday_bench -d $SRC -c "select id from media_file where sha256 = '$(sha256sum "$WORK/photo.png" | cut -d' ' -f1)'")
echo "  photo upload on activity $activity: $code, media id $photo"
# citizens sign up for one activity
open_slot "psql -X -q -h 127.0.0.1 -U sciday_bench -d $SRC" $ACTIVITY 30 备份演练
citizens_sql $PEOPLE 18000000000 "$WORK/tokens.txt" > "$WORK/people.sql"
psql -X -q -h 127.0.0.1 -U sciday_bench -d $SRC -f "$WORK/people.sql" >/dev/null
echo "  sign-ups: $(signup_race "$BASE" $ACTIVITY "$WORK/tokens.txt" 8)"

echo "  backup while the app runs:"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$SRC" SPRING_DATASOURCE_USERNAME=sciday_bench \
  SPRING_DATASOURCE_PASSWORD=sciday_bench SCIDAY_MEDIA_DIR=$WORK/media "$ROOT/scripts/backup.sh" "$WORK/backups" | sed 's/^/    /'
before=$(fingerprint_pg $SRC)
stop_pids "${PIDS[@]}"; PIDS=()
BACKUP=$(ls -d "$WORK"/backups/sciday-* | head -1)
echo "  restore into the empty database $DST and the empty directory $WORK/media-restored:"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DST" SPRING_DATASOURCE_USERNAME=sciday_bench \
  SPRING_DATASOURCE_PASSWORD=sciday_bench SCIDAY_MEDIA_DIR=$WORK/media-restored "$ROOT/scripts/restore.sh" "$BACKUP" | sed 's/^/    /'
after=$(fingerprint_pg $DST)
while read -r table rest; do
  check "$table rows and md5" "$rest" "$(echo "$after" | awk -v t="$table" '$1 == t {print $2, $3}')"
done <<< "$before"
check "files (path and SHA-256)" "$(cd "$WORK/media" && find . -type f ! -path './.spool/*' -exec sha256sum {} + | sort)" \
  "$(cd "$WORK/media-restored" && find . -type f -exec sha256sum {} + | sort)"
# negative controls: a second restore into the now filled database is refused; a damaged backup is refused
refused=$(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DST" SPRING_DATASOURCE_USERNAME=sciday_bench \
  SPRING_DATASOURCE_PASSWORD=sciday_bench SCIDAY_MEDIA_DIR=$WORK/media-empty "$ROOT/scripts/restore.sh" "$BACKUP" 2>&1 || true)
check "restore into a database that is not empty refused" "$(echo "$refused" | grep -c 'is not empty')" 1
cp -r "$BACKUP" "$WORK/damaged"; printf 'x' | dd of="$WORK/damaged/media.tar.gz" bs=1 seek=100 conv=notrunc 2>/dev/null
refused=$(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DST" SPRING_DATASOURCE_USERNAME=sciday_bench \
  SPRING_DATASOURCE_PASSWORD=sciday_bench SCIDAY_MEDIA_DIR=$WORK/media-empty "$ROOT/scripts/restore.sh" "$WORK/damaged" 2>&1 || true)
check "a damaged backup refused" "$(echo "$refused" | grep -c 'is damaged')" 1
echo "  the app on the restored copy:"
MEDIA_DIR=$WORK/media-restored start_app $PORT $DST; PIDS+=("$APP_PID")
jar="$WORK/cookies.txt"
login_staff "$BASE" "$jar" jh-school sciday-demo >/dev/null
curl -m 30 -sS -b "$jar" -o "$WORK/photo-restored.png" "$BASE/media/$photo"
check "uploaded photo downloaded after the restore" "$(sha256sum < "$WORK/photo.png")" "$(sha256sum < "$WORK/photo-restored.png")"
mine=$(curl -m 30 -fsS -H "Authorization: Bearer $(head -1 "$WORK/tokens.txt")" "$BASE/api/v1/registrations" \
  | python3 -c "import json,sys; print(sum(1 for t in json.load(sys.stdin) if t['activityId'] == $ACTIVITY))")
check "a citizen's sign-up seen through the API (token restored too)" "$mine" 1
admin=$(curl -m 30 -fsS -H 'Content-Type: application/json' -d '{"username":"admin","password":"sciday-demo"}' \
  "$BASE/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
verify=$(curl -m 60 -sS -X POST -H "Authorization: Bearer $admin" "$BASE/api/v1/admin/audit/verify")
echo "  audit chain on the restored copy: $verify"
check "audit chain intact" "$(echo "$verify" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("ok"))')" True
stop_pids "${PIDS[@]}"; PIDS=()

echo "== H2 (embedded)"
H2DIR=$WORK/h2
mkdir -p "$H2DIR/src" "$H2DIR/restored"
H2URL_SRC="jdbc:h2:file:$H2DIR/src/data/sciday;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE"
H2URL_DST="jdbc:h2:file:$H2DIR/restored/data/sciday;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE"
"$JAVA" -Xmx1g -jar "$JAR" --server.port=$PORT --spring.datasource.url="$H2URL_SRC" \
  --sciday.media.dir="$H2DIR/src/data/media" --sciday.crypto.key-file="$H2DIR/src/data/sciday.key" \
  --logging.level.root=WARN > "$WORK/app-h2.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
echo "  the app ran on H2 (demo data and its files), now stopped"
stop_pids "${PIDS[@]}"; PIDS=()
export SCIDAY_JAR=$JAR
(cd "$H2DIR/src" && SPRING_DATASOURCE_URL=$H2URL_SRC "$ROOT/scripts/backup.sh" "$H2DIR/backups") | sed 's/^/    /'
BACKUP=$(ls -d "$H2DIR"/backups/sciday-* | head -1)
(cd "$H2DIR/restored" && SPRING_DATASOURCE_URL=$H2URL_DST "$ROOT/scripts/restore.sh" "$BACKUP") | sed 's/^/    /'
check "H2 files (path and SHA-256)" "$(cd "$H2DIR/src/data/media" && find . -type f ! -path './.spool/*' -exec sha256sum {} + | sort)" \
  "$(cd "$H2DIR/restored/data/media" && find . -type f -exec sha256sum {} + | sort)"
check "H2 personal-data key (its SHA-256)" "$(sha256sum < "$H2DIR/src/data/sciday.key")" "$(sha256sum < "$H2DIR/restored/data/sciday.key")"
H2_JAR=$(ls "$(dirname "$JAR")"/lib/h2-*.jar | head -1)
# every statement of H2's SQL script, sorted; the database user's password salt differs by design (a new database
# gets its own) and is left out
h2dump() { "$JAVA" -cp "$H2_JAR" org.h2.tools.Script -url "$1" -user sa -password "" -script "$2"; grep -v -e '^-- ' -e '^CREATE USER ' "$2" | sort; }
check "H2 databases, as SQL scripts (every table and row)" "$(h2dump "$H2URL_SRC" "$WORK/h2-src.sql")" "$(h2dump "$H2URL_DST" "$WORK/h2-dst.sql")"

[ $FAILED = 0 ] && echo "RESULT: OK" || echo "RESULT: FAILED"
exit $FAILED
