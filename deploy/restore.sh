#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into an empty PostgreSQL database and an empty
# images folder (docs/deploy.md, "Restore"); the base is stopped meanwhile.
#
#   deploy/restore.sh BACKUP_DIR DATABASE_URL BLOBS_DIR
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BACKUP_DIR DATABASE_URL BLOBS_DIR" >&2; exit 2; }
backup=$1 database=$2 blobs=$3
if [ -d "$blobs/objects" ] && [ -n "$(ls -A "$blobs/objects")" ]; then
    echo "$blobs already holds images: restore into an empty folder" >&2; exit 2
fi
(cd "$backup" && find blobs -type f | sort | cmp -s - blobs.list) \
    || { echo "$backup: the images do not match blobs.list: damaged backup" >&2; exit 1; }
pg_restore --no-owner --exit-on-error --dbname "$database" "$backup/database.pgdump"
mkdir -p -m 0700 "$blobs"
cp -a "$backup/blobs/." "$blobs/"
echo "restored $backup into $blobs and the database" >&2
