"""Attaching files to records: originals bit for bit, duplicates, order and primary image,
metadata in the image row, refusals that leave nothing behind, cancel."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from catalogue_app.errors import CatalogueError
from catalogue_app.images.attach import (
    attach_files,
    expand_paths,
    requests_by_file_name,
    requests_for_record,
)
from catalogue_app.images.derived import derived_path
from catalogue_app.images.gallery import record_images
from catalogue_app.images.store import ImageStore
from catalogue_app.records.blank import blank_record
from catalogue_app.records.store import create_record
from catalogue_app.sync import outbox
from db.local.models import Image as ImageRow
from db.local.models import Record
from tests.image_samples import photo, text_named_jpeg
from tests.support import BY_DESIGN


def add_record(catalogue, number: str) -> str:
    with catalogue.writing() as session:
        return create_record(session, {**blank_record(), "inventory_number": number}, "tester")


def leftovers(catalogue) -> list[Path]:
    incoming = ImageStore(catalogue.images_dir).incoming
    return list(incoming.iterdir()) if incoming.exists() else []


def test_attached_originals_are_stored_bit_for_bit_under_their_hash(catalogue, tmp_path):
    record_id = add_record(catalogue, "2004.12.3")
    files = [photo(tmp_path / f"shot{n}.jpg", colour=(n * 40, 90, 30)) for n in range(3)]
    results = attach_files(catalogue, requests_for_record(catalogue, map(str, files), "2004.12.3"))
    assert [r.status for r in results] == ["attached"] * 3
    store = ImageStore(catalogue.images_dir)
    for source, result in zip(files, results, strict=True):
        assert store.path_for(result.sha256).read_bytes() == source.read_bytes()
        assert derived_path(catalogue.cache_dir, "thumbs", result.sha256).is_file()
    with catalogue.reading() as session:
        images = record_images(session, record_id)
    assert [i.file_name for i in images] == ["shot0.jpg", "shot1.jpg", "shot2.jpg"]
    assert [i.is_primary for i in images] == [True, False, False]
    assert not any(i.publishable for i in images)
    assert leftovers(catalogue) == []


def test_the_same_file_attached_twice_to_a_record_is_a_duplicate(catalogue, tmp_path):
    add_record(catalogue, "2004.12.3")
    original = photo(tmp_path / "a.jpg")
    copy = tmp_path / "copy of a.jpg"
    copy.write_bytes(original.read_bytes())
    requests = requests_for_record(catalogue, [str(original), str(copy)], "2004.12.3")
    first, second = attach_files(catalogue, requests)
    assert (first.status, second.status) == ("attached", "duplicate")
    assert second.sha256 == first.sha256
    again = attach_files(catalogue, requests[:1])
    assert again[0].status == "duplicate"
    with catalogue.reading() as session:
        assert len(session.scalars(select(ImageRow)).all()) == 1
    assert leftovers(catalogue) == []


def test_an_attached_image_modifies_its_record_and_queues_it_for_the_regional_base(catalogue,
                                                                                   tmp_path):
    record_id = add_record(catalogue, "2004.12.3")
    file = str(photo(tmp_path / "a.jpg"))

    def as_sent() -> str:  # the record as if just sent to the regional base; when modified
        with catalogue.writing() as session:
            outbox.clear(session, record_id)
            return session.get(Record, record_id).modified_at

    created = as_sent()
    attach_files(catalogue, requests_for_record(catalogue, [file], "2004.12.3"), user="élise")
    with catalogue.reading() as session:
        record = session.get(Record, record_id)
        assert (record.modified_at > created, record.modified_by) == (True, "élise")
        assert outbox.is_pending(session, record_id)
    modified = as_sent()
    (again,) = attach_files(catalogue, requests_for_record(catalogue, [file], "2004.12.3"))
    assert again.status == "duplicate"
    with catalogue.reading() as session:
        assert session.get(Record, record_id).modified_at == modified  # nothing changed
        assert not outbox.is_pending(session, record_id)


def test_camera_metadata_fills_the_image_row(catalogue, tmp_path):
    record_id = add_record(catalogue, "2004.12.3")
    file = photo(tmp_path / "a.jpg", artist="Jean Dupont", gps=(49.1829, -0.3707))
    attach_files(catalogue, requests_for_record(catalogue, [str(file)], "2004.12.3", "uv"))
    with catalogue.reading() as session:
        (image,) = record_images(session, record_id)
    assert image.photographer == "Jean Dupont"
    assert image.date_taken == "2024-03-05T14:22:01"
    assert image.view_type == "uv"
    assert (image.width, image.height, image.media_type) == (640, 480, "image/jpeg")
    assert image.metadata["camera"] == "Nikon D850"
    assert image.metadata["lens"] == "60mm f/2.8 Macro"
    assert image.metadata["gps_latitude"] == pytest.approx(49.1829, abs=1e-4)
    assert image.metadata["gps_longitude"] == pytest.approx(-0.3707, abs=1e-4)
    assert image.metadata["copyright"].endswith("Jean Dupont")


def test_names_find_their_records_and_guess_the_view(catalogue, tmp_path):
    add_record(catalogue, "2004.12.3")
    add_record(catalogue, "D.2004.12.3")
    names = ["2004.12.3.jpg", "2004-12-3_uv.jpg", "D2004.12.3_verso.jpg", "1999.1.1.jpg"]
    files = [str(photo(tmp_path / name, colour=(n * 50, 10, 10))) for n, name in enumerate(names)]
    results = attach_files(catalogue, requests_by_file_name(catalogue, files))
    assert [(r.status, r.inventory_number) for r in results] == [
        ("attached", "2004.12.3"), ("attached", "2004.12.3"), ("attached", "D.2004.12.3"),
        ("refused", "")]
    assert "no record" in results[3].reason
    with catalogue.reading() as session:
        views = dict(session.execute(select(ImageRow.file_name, ImageRow.view_type)).all())
    assert views == {"2004.12.3.jpg": "general", "2004-12-3_uv.jpg": "uv",
                     "D2004.12.3_verso.jpg": "verso"}


def test_files_given_to_one_record_take_the_view_their_name_tells(catalogue, tmp_path):
    add_record(catalogue, "2004.12.3")
    names = ["vase_rasante.jpg", "2004.12.3_uv.jpg", "IMG_0042 IR.jpg", "photo.jpg"]
    files = [str(photo(tmp_path / name, colour=(n * 50, 10, 10))) for n, name in enumerate(names)]
    told = [r.view_type for r in requests_for_record(catalogue, files, "2004.12.3")]
    assert told == ["raking", "uv", "ir", "general"]
    # The view chosen by the user (attach --view-type, the dialog) wins over the names.
    chosen = requests_for_record(catalogue, files, "2004.12.3", "detail")
    assert {r.view_type for r in chosen} == {"detail"}


def test_unreadable_empty_and_vanished_files_are_refused_and_the_batch_goes_on(catalogue, tmp_path):
    record_id = add_record(catalogue, "2004.12.3")
    empty = tmp_path / "empty.jpg"
    empty.touch()
    good = photo(tmp_path / "good.jpg")
    files = [str(empty), str(tmp_path / "vanished.jpg"), str(tmp_path), str(good)]
    results = attach_files(catalogue, requests_for_record(catalogue, files, "2004.12.3"))
    reasons = {Path(r.file).name: (r.status, r.reason) for r in results}
    assert reasons["empty.jpg"] == ("refused", "the file is empty (0 bytes)")
    assert reasons["vanished.jpg"] == ("refused", "the file no longer exists")
    assert reasons[tmp_path.name] == ("refused", "not a file (a folder or a device)")
    assert reasons["good.jpg"][0] == "attached"
    with catalogue.reading() as session:
        assert [i.file_name for i in record_images(session, record_id)][-1] == "good.jpg"
    assert leftovers(catalogue) == []


@pytest.mark.skipif(os.geteuid() == 0,
                    reason=BY_DESIGN + "root reads any file: no permission to refuse")
def test_a_file_without_read_permission_is_refused(catalogue, tmp_path):
    add_record(catalogue, "2004.12.3")
    locked = photo(tmp_path / "locked.jpg")
    locked.chmod(0)
    (result,) = attach_files(catalogue, requests_for_record(catalogue, [str(locked)], "2004.12.3"))
    assert (result.status, result.reason) == ("refused",
                                              "the file cannot be read: permission denied")


def test_a_file_that_is_no_picture_is_kept_with_a_placeholder_and_a_note(catalogue, tmp_path):
    record_id = add_record(catalogue, "2004.12.3")
    text = text_named_jpeg(tmp_path / "notes.jpg")
    (result,) = attach_files(catalogue, requests_for_record(catalogue, [str(text)], "2004.12.3"))
    assert result.status == "attached"
    assert "not a picture" in result.reason
    stored = ImageStore(catalogue.images_dir).path_for(result.sha256)
    assert stored.read_bytes() == text.read_bytes()
    with catalogue.reading() as session:
        (image,) = record_images(session, record_id)
    assert "not a picture" in image.note


def test_an_unknown_inventory_number_or_view_type_is_refused_before_anything_is_read(catalogue):
    add_record(catalogue, "2004.12.3")
    with pytest.raises(CatalogueError, match="1999.9.9"):
        requests_for_record(catalogue, ["x.jpg"], "1999.9.9")
    with pytest.raises(CatalogueError) as refused:
        requests_for_record(catalogue, ["x.jpg"], "2004.12.3", "sideways")
    assert refused.value.message.text("fr") == (
        "Type de vue inconnu « sideways » ; choisissez parmi : « general », « detail », "
        "« verso », « raking », « uv », « ir », « xray », « other ».")
    assert refused.value.message.text("en") == (
        "Unknown view type 'sideways'; use one of: 'general', 'detail', 'verso', 'raking', "
        "'uv', 'ir', 'xray', 'other'.")


def test_a_name_two_records_answer_to_is_refused_naming_both(catalogue):
    add_record(catalogue, "D2004.1.1")
    add_record(catalogue, "D.2004.1.1")
    (request,) = requests_by_file_name(catalogue, ["D2004.1.1.jpg"])
    assert request.match_status == "ambiguous"
    assert request.refusal.text("fr") == (
        "le nom correspond à plusieurs fiches (« D.2004.1.1 », « D2004.1.1 ») ; "
        "attachez-le à l'une d'elles")
    assert request.refusal.text("en") == (
        "the name matches several records ('D.2004.1.1', 'D2004.1.1'); "
        "attach it to one of them")


def test_folders_expand_to_their_files_without_hidden_ones(tmp_path):
    (tmp_path / "campagne" / "sub").mkdir(parents=True)
    for name in ("campagne/b.jpg", "campagne/a.jpg", "campagne/.DS_Store",
                 "campagne/Thumbs.db", "campagne/sub/c.tif"):
        (tmp_path / name).write_bytes(b"x")
    folder = str(tmp_path / "campagne")
    assert expand_paths([folder, "loose.jpg"]) == [
        f"{folder}/a.jpg", f"{folder}/b.jpg", f"{folder}/sub/c.tif", "loose.jpg"]


def test_cancel_stops_within_a_second_and_leaves_no_half_attached_image(catalogue, tmp_path):
    record_id = add_record(catalogue, "2004.12.3")
    files = [str(photo(tmp_path / f"{n:03}.jpg", (1600, 1200), colour=(n, n * 2 % 256, 7)))
             for n in range(40)]
    requests = requests_for_record(catalogue, files, "2004.12.3")
    cancel = threading.Event()
    settled_at: list[float] = []

    def on_result(index: int, _result) -> None:
        if index == 3:
            cancel.set()
            settled_at.append(time.monotonic())

    results = attach_files(catalogue, requests, cancelled=cancel.is_set, on_result=on_result)
    assert time.monotonic() - settled_at[0] < 1.0
    attached = [r for r in results if r.status == "attached"]
    assert 4 <= len(attached) < 40
    assert all(r.reason == "cancelled before it was attached"
               for r in results if r.status != "attached")
    with catalogue.reading() as session:
        rows = session.scalars(select(ImageRow).where(ImageRow.record_id == record_id)).all()
    assert sorted(r.sha256 for r in rows) == sorted(r.sha256 for r in attached)
    store = ImageStore(catalogue.images_dir)
    assert all(store.verify(r.sha256) == "ok" for r in rows)
    assert leftovers(catalogue) == []
    assert json.loads(rows[0].metadata_json)["camera"] == "Nikon D850"
