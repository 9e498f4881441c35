"""Backups of a 70,000-record catalogue with 500 images (issue 20 figures): the first backup
into a rotating backup folder, an incremental one the next day (one new image), and a
restore; beside them, a plain copy of the same files (cp -r of the database and images/) as
the baseline, measured in the same run.

    .venv/bin/python bench/backups.py [RECORDS] [IMAGES]"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from bench.catalogues import generated_catalogue  # noqa: E402
from catalogue_app.catalogue import DB_FILE_NAME, Catalogue  # noqa: E402
from catalogue_app.images import gallery  # noqa: E402
from catalogue_app.images.store import ImageStore  # noqa: E402
from catalogue_app.storage.backup_folder import BackupFolder  # noqa: E402
from catalogue_app.storage.restore import restore_backup  # noqa: E402
from db.local.models import Record  # noqa: E402

IMAGE_BYTES = 2_000_000  # a photograph as the desk keeps it (incompressible bytes)


def _add_images(catalogue: Catalogue, count: int) -> None:
    store = ImageStore(catalogue.images_dir)
    with catalogue.reading() as session:
        ids = list(session.scalars(select(Record.id).limit(count)))
    for n, record_id in enumerate(ids):
        data = os.urandom(IMAGE_BYTES)
        with catalogue.writing() as session:
            gallery.add_image(session, record_id, sha256=store.add_bytes(data),
                              file_name=f"{n}.jpg", media_type="image/jpeg",
                              byte_size=len(data), width=1, height=1, view_type="general",
                              metadata={}, note="")


def timed(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 70_000
    images = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
        work = Path(scratch)
        directory = work / "catalogue"
        shutil.copytree(generated_catalogue(records), directory)
        catalogue = Catalogue.open(directory)
        _add_images(catalogue, images)

        copy_s, _ = timed(lambda: (shutil.copy2(directory / DB_FILE_NAME, work / "plain.db"),
                                   shutil.copytree(directory / "images", work / "plain-images")))
        folder = BackupFolder(work / "backups")
        day = datetime(2025, 3, 1, 18, 0)
        first_s, first = timed(lambda: folder.back_up(catalogue, day))
        _add_images(catalogue, 1)  # the next day: one new photograph
        next_s, second = timed(lambda: folder.back_up(catalogue, day + timedelta(days=1)))
        catalogue.close()
        restore_s, restored = timed(lambda: restore_backup(second.folder, work / "restored"))

    print(f"records={records} images={images} image_mb={IMAGE_BYTES / 1e6:.0f}")
    print(f"plain_copy_s={copy_s:.1f} (cp of the database and images/, the baseline)")
    print(f"first_backup_s={first_s:.1f} ({first.copied} originals copied; "
          f"ratio to plain copy {first_s / copy_s:.2f})")
    print(f"incremental_backup_s={next_s:.1f} ({second.copied} original copied; "
          f"ratio to plain copy {next_s / copy_s:.2f})")
    print(f"restore_s={restore_s:.1f} ({restored.records} records, {restored.images} originals "
          f"checked and copied; ratio to plain copy {restore_s / copy_s:.2f})")


if __name__ == "__main__":
    main()
