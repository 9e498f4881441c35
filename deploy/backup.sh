#!/usr/bin/env bash
# Back up a regional base: its PostgreSQL database and its images, together (docs/deploy.md,
# "Backups").
#
#   deploy/backup.sh DATABASE_URL BLOBS OUT_DIR
#
# DATABASE_URL as libpq takes it (postgresql://USER@HOST/DB); BLOBS the images folder, or
# s3://BUCKET/PREFIX (copied by `catalogue-base blobs backup`: the command CATALOGUE_BASE names,
# default the one on PATH, with the base's AWS_* variables); OUT_DIR is created and must not
# exist. The database is dumped first, then the images copied: originals are write-once and
# named by their content, so every image the dump names is already in the store when it is
# copied (images uploaded meanwhile come along too, harmlessly). Uploads under way are left out.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 DATABASE_URL BLOBS OUT_DIR" >&2; exit 2; }
database=$1 blobs=$2 out=$3
[ -e "$out" ] && { echo "$out already exists" >&2; exit 2; }
mkdir -p -m 0700 "$out"
pg_dump --format=custom --no-owner --file "$out/database.pgdump" "$database"
if [[ $blobs == s3://* ]]; then
    "${CATALOGUE_BASE:-catalogue-base}" --db "$database" --blobs "$blobs" blobs backup "$out/blobs"
else
    mkdir -m 0700 "$out/blobs"
    for part in objects derivatives; do
        if [ -d "$blobs/$part" ]; then cp -a "$blobs/$part" "$out/blobs/"; fi
    done
fi
(cd "$out" && find blobs -type f -name '*' | sort > blobs.list)
echo "backed up to $out: $(wc -l < "$out/blobs.list") image files" >&2
