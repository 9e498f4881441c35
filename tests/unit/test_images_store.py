"""The image store: a file changing under the reader or a full disk is refused with nothing left
behind; the store moves to another volume and check --fixity, backup and attach follow it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.images.attach import attach_files, requests_for_record
from catalogue_app.images.location import move_image_store
from catalogue_app.images.store import ImageStore, ReceiveStopped
from catalogue_app.records.blank import blank_record
from catalogue_app.records.store import create_record
from catalogue_app.storage.backup import backup_catalogue
from catalogue_app.storage.integrity import check_catalogue
from db.local.models import Image as ImageRow
from tests.image_samples import photo


def attach_photos(catalogue, tmp_path: Path, count: int = 2, size=(640, 480)):
    with catalogue.writing() as session:
        create_record(session, {**blank_record(), "inventory_number": "2004.12.3"}, "tester")
    files = [str(photo(tmp_path / f"{n}.jpg", size, colour=(n * 60, 30, 90)))
             for n in range(count)]
    return files, attach_files(catalogue, requests_for_record(catalogue, files, "2004.12.3"))


def test_a_file_that_changes_while_it_is_read_is_refused_and_nothing_is_kept(tmp_path):
    source = tmp_path / "scan.tif"
    source.write_bytes(os.urandom(3 << 20))
    store = ImageStore(tmp_path / "images")
    writes = []

    def another_program_appends() -> bool:
        if not writes:
            with open(source, "ab") as f:
                writes.append(f.write(b"more scan lines"))
        return False

    with pytest.raises(ReceiveStopped, match="changed while it was being read"):
        store.receive(source, another_program_appends)
    assert list(store.incoming.iterdir()) == []
    assert not store.root.exists() or not any(store.root.rglob("*"))


def test_moving_the_store_keeps_every_original_and_the_catalogue_follows(catalogue, tmp_path):
    files, results = attach_photos(catalogue, tmp_path)
    old_root = catalogue.images_dir
    volume = tmp_path / "volume" / "museum images"
    assert move_image_store(catalogue, volume) == 2
    assert catalogue.images_dir == volume
    assert not any(old_root.rglob("*"))
    for file, result in zip(files, results, strict=True):
        assert (volume / result.sha256[:2] / result.sha256[2:4] / result.sha256).read_bytes() \
            == Path(file).read_bytes()
    assert check_catalogue(catalogue.directory, fixity=True) == []
    (volume / results[0].sha256[:2] / results[0].sha256[2:4] / results[0].sha256).unlink()
    assert [str(p) for p in check_catalogue(catalogue.directory, fixity=True)] == [
        f"image {results[0].sha256}: original missing "
        f"({volume / results[0].sha256[:2] / results[0].sha256[2:4] / results[0].sha256})"]


def test_after_a_move_new_attachments_and_backups_use_the_new_place(catalogue, tmp_path):
    attach_photos(catalogue, tmp_path, count=1)
    volume = tmp_path / "volume"
    move_image_store(catalogue, volume)
    later = photo(tmp_path / "later.jpg", colour=(1, 2, 3))
    (result,) = attach_files(catalogue, requests_for_record(catalogue, [str(later)], "2004.12.3"))
    assert ImageStore(volume).path_for(result.sha256).read_bytes() == later.read_bytes()
    made = backup_catalogue(catalogue, tmp_path / "backup")
    assert (made.records, made.images) == (1, 2)
    copy = Catalogue.open(tmp_path / "backup")
    try:
        assert copy.images_dir == tmp_path / "backup" / "images"
        assert check_catalogue(copy.directory, fixity=True) == []
    finally:
        copy.close()


def test_the_store_is_not_moved_onto_a_folder_that_holds_other_files(catalogue, tmp_path):
    attach_photos(catalogue, tmp_path, count=1)
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(CatalogueError, match="not an empty folder"):
        move_image_store(catalogue, busy)
    assert catalogue.images_dir == catalogue.directory / "images"


def test_a_full_disk_refuses_the_file_with_the_reason_and_leaves_nothing(catalogue, tmp_path,
                                                                        small_volume):
    move_image_store(catalogue, small_volume / "images")
    large = tmp_path / "large.tif"
    large.write_bytes(os.urandom(2 << 20))
    small = photo(tmp_path / "small.jpg", (64, 48))
    with catalogue.writing() as session:
        create_record(session, {**blank_record(), "inventory_number": "2004.12.3"}, "tester")
    # One worker: two copies written at once would both find the small volume full.
    results = attach_files(catalogue, requests_for_record(
        catalogue, [str(large), str(small)], "2004.12.3"), workers=1)
    assert (results[0].status, results[0].reason) == (
        "refused", f"the disk holding the image store ({small_volume / 'images'}) is full")
    assert results[1].status == "attached"
    assert list(ImageStore(small_volume / "images").incoming.iterdir()) == []
    with catalogue.reading() as session:
        assert session.scalars(select(ImageRow.file_name)).all() == ["small.jpg"]
