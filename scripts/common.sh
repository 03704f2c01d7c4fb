#!/usr/bin/env bash
# Settings shared by scripts/backup.sh and scripts/restore.sh: the same environment variables as the app
# (docs/operations.md), with the app's defaults.
set -euo pipefail
SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DB_URL=${SPRING_DATASOURCE_URL:-"jdbc:h2:file:./data/sciday;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE"}
DB_USER=${SPRING_DATASOURCE_USERNAME:-}
DB_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-}
MEDIA_STORE=${SCIDAY_MEDIA_STORE:-filesystem}
MEDIA_DIR=${SCIDAY_MEDIA_DIR:-./data/media}
KEY_FILE=${SCIDAY_CRYPTO_KEYFILE:-./data/sciday.key}
JAVA=${JAVA:-java}

die() { echo "$*" >&2; exit 1; }

case "$DB_URL" in
  jdbc:postgresql:*) DB_KIND=postgresql ;;
  jdbc:h2:file:*) DB_KIND=h2 ;;
  *) die "Unsupported database URL '$DB_URL': PostgreSQL (jdbc:postgresql:) or an H2 file (jdbc:h2:file:)" ;;
esac

# PostgreSQL: the JDBC URL as libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE), so that
# pg_dump, pg_restore and psql reach the same database as the app. SPRING_DATASOURCE_USERNAME/PASSWORD win over the
# URL's user and password parameters.
pg_environment() {
  eval "$(python3 - "$DB_URL" "$DB_USER" "$DB_PASSWORD" <<'PY'
import shlex, sys, urllib.parse
url, user, password = sys.argv[1:4]
u = urllib.parse.urlparse(url[len("jdbc:"):])
q = {k.lower(): v[0] for k, v in urllib.parse.parse_qs(u.query).items()}
env = {"PGHOST": u.hostname or "localhost", "PGPORT": str(u.port or 5432), "PGDATABASE": u.path.lstrip("/"),
       "PGUSER": user or q.get("user", ""), "PGPASSWORD": password or q.get("password", "")}
if "sslmode" in q:
    env["PGSSLMODE"] = q["sslmode"]
for k, v in env.items():
    if v:
        print("export %s=%s" % (k, shlex.quote(v)))
PY
)"
}

# H2: the file the database lives in (./data/sciday → ./data/sciday.mv.db) and H2's own tools from the app's jar.
h2_path() { local p=${DB_URL#jdbc:h2:file:}; echo "${p%%;*}"; }
h2_jar() {
  if [ -n "${SCIDAY_H2_JAR:-}" ]; then echo "$SCIDAY_H2_JAR"; return; fi
  local jar=${SCIDAY_JAR:-} dir
  [ -z "$jar" ] && jar=$(ls "$SCRIPTS_DIR"/../target/sciday-*.jar 2>/dev/null | grep -v original | head -1 || true)
  [ -n "$jar" ] && [ -f "$jar" ] || die "Set SCIDAY_JAR to the application jar (H2's tools are taken from it)"
  dir=$(dirname "$jar")
  if ls "$dir"/lib/h2-*.jar >/dev/null 2>&1; then ls "$dir"/lib/h2-*.jar | head -1; return; fi  # extracted layout
  H2_TMP=$(mktemp -d)
  (cd "$H2_TMP" && unzip -q -j "$jar" 'BOOT-INF/lib/h2-*.jar') || die "No H2 jar inside $jar"
  ls "$H2_TMP"/h2-*.jar | head -1
}
# h2 CLASS ARGS…: runs an H2 tool (Script, RunScript, Shell) on the app's database
h2() { local cls=$1; shift; "$JAVA" -cp "$H2_JAR" "org.h2.tools.$cls" -url "$DB_URL" -user "${DB_USER:-sa}" -password "$DB_PASSWORD" "$@"; }
# h2_sql SQL: prints the result rows of one query, columns separated by '|'
h2_sql() { h2 Shell -sql "$1" | sed -n '2,$p' | grep -v '^(' | sed 's/ *| */|/g; s/^ *//; s/ *$//'; }
h2_in_use() { [ -f "$(h2_path).lock.db" ] || { command -v fuser >/dev/null && fuser -s "$(h2_path).mv.db" 2>/dev/null; }; }

# sql QUERY: one query on the configured database (either kind), rows with '|' between columns
sql() {
  if [ "$DB_KIND" = postgresql ]; then psql -X -At -v ON_ERROR_STOP=1 -c "$1"; else h2_sql "$1"; fi
}

# facts: what a backup or a restore should agree on: row counts of the main tables, and the newest audit entry
facts() {
  local t
  for t in campaign organization account activity registration signup_slot media_file outbox_message audit_entry; do
    echo "rows $t $(sql "select count(*) from $t")"
  done
  echo "audit_head $(sql "select seq || ' ' || hash from audit_head")"
}

# check_media DIR: every file the database lists (and its thumbnail) is in DIR with the recorded SHA-256
check_media() {
  sql "select storage_key, sha256, coalesce(thumbnail_key, '') from media_file" | python3 -c '
import hashlib, os, sys
root = sys.argv[1]
path = lambda k: os.path.join(root, k[:2], k[2:4], k)
n = bad = 0
for line in sys.stdin:
    if not line.strip():
        continue
    key, sha, thumb = line.rstrip("\n").split("|")
    n += 1
    try:
        with open(path(key), "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() != sha:
                bad += 1; print("changed: " + key, file=sys.stderr)
    except OSError:
        bad += 1; print("missing: " + key, file=sys.stderr)
    if thumb and not os.path.isfile(path(thumb)):
        bad += 1; print("missing thumbnail: " + thumb, file=sys.stderr)
print("media %d files, %d missing or changed" % (n, bad))
sys.exit(1 if bad else 0)
' "$1"
}
