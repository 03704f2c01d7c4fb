#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an EMPTY database and an EMPTY upload directory (it refuses
# anything else), then checks the result: the row counts and the audit chain's newest entry match the manifest, and
# every file the database lists is there with its recorded SHA-256. Same environment variables as the app and
# scripts/backup.sh. See docs/operations.md, "Backups".
#
#   PostgreSQL: create the empty database first (createdb -O sciday sciday); pg_restore --no-owner --no-acl in one
#               transaction (objects belong to the connecting user).
#   H2: the app must be stopped and the database file must not exist; H2's RunScript loads the script; the
#       personal-data key is put back unless a key file is already there.
#
# Usage: scripts/restore.sh BACKUP_DIR
source "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || die "Usage: $0 BACKUP_DIR"
IN=$(cd "$1" && pwd)
H2_TMP=
trap '[ -n "$H2_TMP" ] && rm -rf "$H2_TMP"; true' EXIT
(cd "$IN" && sha256sum --quiet -c SHA256SUMS) || die "$IN is damaged: SHA256SUMS does not match"

if [ "$MEDIA_STORE" = filesystem ] && [ -f "$IN/media.tar.gz" ]; then
  if [ -d "$MEDIA_DIR" ] && [ -n "$(ls -A "$MEDIA_DIR")" ]; then
    die "The upload directory $MEDIA_DIR is not empty: restore into an empty one"
  fi
fi

if [ "$DB_KIND" = postgresql ]; then
  [ -f "$IN/database.dump" ] || die "$IN holds no PostgreSQL dump (database.dump)"
  pg_environment
  tables=$(psql -X -At -c "select count(*) from pg_tables where schemaname = 'public'")
  [ "$tables" = 0 ] || die "Database $PGDATABASE is not empty ($tables tables): restore into a new, empty database"
  pg_restore --no-owner --no-acl --exit-on-error --single-transaction -d "$PGDATABASE" "$IN/database.dump"
else
  [ -f "$IN/database.zip" ] || die "$IN holds no H2 script (database.zip)"
  H2_JAR=$(h2_jar)
  [ -e "$(h2_path).mv.db" ] && die "An H2 database exists at $(h2_path).mv.db: move it away first"
  mkdir -p "$(dirname "$(h2_path)")"
  h2 RunScript -script "$IN/database.zip" -options compression zip
  if [ -f "$IN/sciday.key" ] && [ ! -f "$KEY_FILE" ]; then
    cp -p "$IN/sciday.key" "$KEY_FILE"
    chmod 600 "$KEY_FILE"
  fi
fi

if [ "$MEDIA_STORE" = filesystem ] && [ -f "$IN/media.tar.gz" ]; then
  mkdir -p "$MEDIA_DIR"
  tar -C "$MEDIA_DIR" -xzf "$IN/media.tar.gz"
fi

# The restored state against the manifest
expected=$(grep -E '^(rows|audit_head) ' "$IN/manifest.txt")
actual=$(facts)
if [ "$expected" != "$actual" ]; then
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  die "The restored database differs from the manifest"
fi
echo "$actual"
if [ "$MEDIA_STORE" = filesystem ]; then
  check_media "$MEDIA_DIR" || die "Files are missing or changed in $MEDIA_DIR"
fi
echo "restored from $IN: rows, audit head and files match"
