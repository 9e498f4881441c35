#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into an empty PostgreSQL database and an empty
# images folder or S3 prefix (docs/deploy.md, "Restore"); the base is stopped meanwhile.
#
#   deploy/restore.sh BACKUP_DIR DATABASE_URL BLOBS
#
# BLOBS is a folder, or s3://BUCKET/PREFIX (filled by `catalogue-base blobs restore`: the
# command CATALOGUE_BASE names, default the one on PATH, with the base's AWS_* variables).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 BACKUP_DIR DATABASE_URL BLOBS" >&2; exit 2; }
backup=$1 database=$2 blobs=$3
if [[ $blobs != s3://* ]] && [ -d "$blobs/objects" ] && [ -n "$(ls -A "$blobs/objects")" ]; then
    echo "$blobs already holds images: restore into an empty folder" >&2; exit 2
fi
(cd "$backup" && find blobs -type f | sort | cmp -s - blobs.list) \
    || { echo "$backup: the images do not match blobs.list: damaged backup" >&2; exit 1; }
if [[ $blobs == s3://* ]]; then
    # First: it refuses a prefix that holds images before the database is touched.
    "${CATALOGUE_BASE:-catalogue-base}" --db "$database" --blobs "$blobs" \
        blobs restore "$backup/blobs"
fi
pg_restore --no-owner --exit-on-error --dbname "$database" "$backup/database.pgdump"
if [[ $blobs != s3://* ]]; then
    mkdir -p -m 0700 "$blobs"
    cp -a "$backup/blobs/." "$blobs/"
fi
echo "restored $backup into $blobs and the database" >&2
