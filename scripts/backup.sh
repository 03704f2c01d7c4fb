#!/usr/bin/env bash
# Backs SciDay up into a new directory DEST/sciday-YYYYMMDD-HHMMSS: the database and the uploaded files, with a
# manifest (row counts, the audit chain's newest entry) and SHA256SUMS. Reads the app's own settings from the
# environment (SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD, SCIDAY_MEDIA_STORE,
# SCIDAY_MEDIA_DIR, SCIDAY_CRYPTO_KEYFILE; defaults as in application.yml). See docs/operations.md, "Backups".
#
#   PostgreSQL: pg_dump -Fc (a consistent snapshot; the app may keep running), then the upload directory as a tar.
#   H2 (embedded): the app must be stopped (H2 locks its file). H2's Script tool writes the database as a
#                  compressed SQL script (portable across H2 versions), plus the upload directory and the generated
#                  personal-data key ./data/sciday.key. Set SCIDAY_JAR to the app's jar (H2's tools come from it).
#
# The PostgreSQL personal-data key (SCIDAY_CRYPTO_KEY) is not written into the backup: keep it in your secret store.
# Without it the mobile and ID numbers in a restored database cannot be read.
#
# Usage: scripts/backup.sh DEST
source "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || die "Usage: $0 DEST"
OUT="$1/sciday-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
H2_TMP=
trap '[ -n "$H2_TMP" ] && rm -rf "$H2_TMP"; true' EXIT

{
  echo "created $(date -Is) on $(hostname)"
  echo "database $DB_KIND ${DB_URL%%\?*}"
  echo "media $MEDIA_STORE"
} > "$OUT/manifest.txt"

# The database first, then the files: a file uploaded in between is only an unused file after a restore, while
# every row of the dump finds its file (files are deleted only with their row, and rarely).
if [ "$DB_KIND" = postgresql ]; then
  pg_environment
  pg_dump -Fc -f "$OUT/database.dump"
  facts >> "$OUT/manifest.txt"
else
  H2_JAR=$(h2_jar)
  [ -f "$(h2_path).mv.db" ] || die "No H2 database at $(h2_path).mv.db"
  h2_in_use && die "The H2 database $(h2_path) is in use: stop the app first"
  h2 Script -script "$OUT/database.zip" -options compression zip
  facts >> "$OUT/manifest.txt"
  if [ -f "$KEY_FILE" ]; then
    cp -p "$KEY_FILE" "$OUT/sciday.key"
    chmod 600 "$OUT/sciday.key"
  fi
fi

if [ "$MEDIA_STORE" = filesystem ]; then
  [ -d "$MEDIA_DIR" ] || mkdir -p "$MEDIA_DIR"
  tar -C "$MEDIA_DIR" --exclude=./.spool -czf "$OUT/media.tar.gz" .
  echo "media_files $(tar -tzf "$OUT/media.tar.gz" | grep -vc '/$' || true)" >> "$OUT/manifest.txt"
else
  echo "uploads are in the S3 bucket: back it up with the store's own tools (docs/operations.md)" | tee -a "$OUT/manifest.txt"
fi

(cd "$OUT" && sha256sum -- * > SHA256SUMS)
echo "backup written to $OUT"
cat "$OUT/manifest.txt"
