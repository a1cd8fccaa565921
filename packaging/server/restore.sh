#!/usr/bin/env bash
# Restore a backup made by backup.sh into a NEW, empty PostgreSQL database (never over the live one), in one
# transaction: either everything is restored or nothing is.
#
#   restore.sh BACKUP.dump NEW_DATABASE_URL
#
# NEW_DATABASE_URL names a database that must not exist yet, e.g.
# postgresql+psycopg://iam_sync:…@127.0.0.1:5432/iam_sync_restored; the user in it needs CREATEDB (or run as the
# postgres superuser). Restored objects are owned by that user (IAM_RESTORE_OWNER: another owner for the new database).
# Afterwards point the server at it (IAM_SYNC_DATABASE_URL) and start it; `iam-sync-server db upgrade` brings an
# older backup's schema up to date. See docs/operations.md ("Backups and the restore drill").
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: restore.sh BACKUP.dump NEW_DATABASE_URL" >&2
  exit 2
fi
dump="$1"
url="${2/postgresql+psycopg:/postgresql:}"
case "$url" in postgresql://*|postgres://*) ;; *) echo "restore.sh: not a PostgreSQL URL" >&2; exit 2 ;; esac
[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }

base="${url%%\?*}"
query=""
[ "$base" != "$url" ] && query="?${url#*\?}"
name="${base##*/}"
maintenance="${base%/*}/postgres$query"
if ! [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "restore.sh: database name '$name': use lower-case letters, digits and _" >&2
  exit 2
fi

pg_restore --list "$dump" >/dev/null  # a damaged file is refused before anything is created
exists="$(psql "$maintenance" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")"
if [ "$exists" = "1" ]; then
  echo "restore.sh: database '$name' already exists; restore into a new database, then switch the server" >&2
  exit 1
fi

owner=""
[ -n "${IAM_RESTORE_OWNER:-}" ] && owner=" OWNER \"${IAM_RESTORE_OWNER}\""
psql "$maintenance" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\"$owner"
if ! pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$url" "$dump"; then
  psql "$maintenance" -q -c "DROP DATABASE IF EXISTS \"$name\"" || true
  echo "restore.sh: restore failed; the new database was dropped" >&2
  exit 1
fi
echo "restored $dump into database '$name'"
