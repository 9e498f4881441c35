"""Backups of the image store, whichever kind it is (a folder or an S3 bucket), for museum IT
(docs/deploy.md, "Backups"; deploy/backup.sh and restore.sh call these for an S3 store).

`catalogue-base blobs backup OUT` copies the originals and the portal's derivatives into the
folder OUT, laid out as the store is (objects/ab/cd/<sha256>, derivatives/...); `blobs restore
IN` puts such a folder into an empty store. Run the backup after the database's dump: originals
are write-once and named by their content, so every image the dump names is then in the copy.
Uploads under way are left out; desks send them again."""

from __future__ import annotations

from pathlib import Path

from catalogue_app.regional.errors import RegionalError
from catalogue_app.regional.stores import ObjectStore
from catalogue_app.regional.stores.files import make_private_folder

BACKED_UP = ("objects/", "derivatives/")


def backup(store: ObjectStore, out: Path) -> int:
    """Copy the store's images into the new folder `out`; return how many files."""
    if out.exists():
        raise RegionalError(f"{out} already exists: back up into a new folder")
    make_private_folder(out)
    copied = 0
    for prefix in BACKED_UP:
        for key in store.keys(prefix):
            target = out / key
            make_private_folder(target.parent)
            store.save_to(key, target)
            copied += 1
    return copied


def restore(folder: Path, store: ObjectStore) -> int:
    """Put a backup's images into `store`, which must hold none; return how many files."""
    if not folder.is_dir():
        raise RegionalError(f"{folder} is not a folder of images backed up")
    if next(store.keys(BACKED_UP[0]), None) is not None:
        raise RegionalError(f"{store.location} already holds images: restore into an empty store")
    restored = 0
    for prefix in BACKED_UP:
        for path in sorted((folder / prefix).rglob("*")):
            if path.is_file():
                store.load_from(path.relative_to(folder).as_posix(), path)
                restored += 1
    return restored
