#!/usr/bin/env bash
# Back up the sync server's PostgreSQL database with pg_dump's custom format (-Fc: compressed, restorable table by
# table with pg_restore), check that the file reads back, and drop backups older than IAM_BACKUP_KEEP_DAYS.
#
#   backup.sh [BACKUP_DIR]
#
# The database comes from IAM_SYNC_DATABASE_URL (the server's own setting; the systemd unit's environment file sets
# it), as a SQLAlchemy URL (postgresql+psycopg://user:password@host:5432/name) or a libpq one (postgresql://…).
# BACKUP_DIR defaults to IAM_BACKUP_DIR, else /var/backups/iam-sync. Prints the path of the new backup.
# The server holds ciphertext only, but the backup still holds routing metadata: keep it as private as the database.
# See docs/operations.md ("Backups and the restore drill").
set -euo pipefail
umask 077

url="${IAM_SYNC_DATABASE_URL:?set IAM_SYNC_DATABASE_URL to the server database URL}"
url="${url/postgresql+psycopg:/postgresql:}"  # libpq does not know SQLAlchemy's driver suffix
case "$url" in postgresql://*|postgres://*) ;; *) echo "backup.sh: not a PostgreSQL URL" >&2; exit 2 ;; esac
dir="${1:-${IAM_BACKUP_DIR:-/var/backups/iam-sync}}"
keep_days="${IAM_BACKUP_KEEP_DAYS:-30}"

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$dir/iam-sync-$stamp.dump"
partial="$target.partial"
trap 'rm -f "$partial"' EXIT

pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial" --dbname="$url"
# A dump that pg_restore cannot list is not a backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$target"
trap - EXIT

if [ "$keep_days" -gt 0 ]; then
  find "$dir" -maxdepth 1 -name 'iam-sync-*.dump' -type f -mtime "+$keep_days" -delete
fi
echo "$target"
