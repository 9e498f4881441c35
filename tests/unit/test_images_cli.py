"""`catalogue-app attach` and `check --fixity` as museum IT staff run them (design.md §11)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from catalogue_app.catalogue import Catalogue
from catalogue_app.images.gallery import detach_image
from catalogue_app.images.store import ImageStore
from catalogue_app.records.blank import blank_record
from catalogue_app.records.store import create_record
from db.local.models import Image as ImageRow
from tests.image_samples import bomb_png, photo, truncated_jpeg
from tests.support import run_cli


def make_catalogue(directory: Path, *numbers: str) -> None:
    catalogue = Catalogue.open(directory)
    try:
        catalogue.set_museum("M0001", "Musée d'essai")
        with catalogue.writing() as session:
            for number in numbers:
                create_record(session, {**blank_record(), "inventory_number": number}, "tester")
    finally:
        catalogue.close()


def test_attach_to_a_record_reports_each_file_as_json(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3")
    folder = tmp_path / "campagne"
    folder.mkdir()
    photo(folder / "face.jpg")
    truncated_jpeg(folder / "cut.jpg")
    empty = tmp_path / "empty.jpg"
    empty.touch()
    result = run_cli("--catalogue", str(tmp_path / "cat"), "attach", str(folder), str(empty),
                     "--to", "2004.12.3", "--view-type", "raking", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(r["file"], r["status"]) for r in report] == [
        (str(folder / "cut.jpg"), "attached"), (str(folder / "face.jpg"), "attached"),
        (str(empty), "refused")]
    assert all(set(r) == {"file", "status", "reason", "sha256", "inventory_number"}
               for r in report)
    assert report[0]["reason"].startswith("the file is truncated")
    assert report[2]["reason"] == "the file is empty (0 bytes)"
    assert report[1]["inventory_number"] == "2004.12.3"
    stored = ImageStore(tmp_path / "cat" / "images").path_for(report[1]["sha256"])
    assert stored.read_bytes() == (folder / "face.jpg").read_bytes()
    assert f"{empty}: refused" in result.stderr


def test_attach_again_reports_duplicates_and_exits_zero(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3")
    file = photo(tmp_path / "2004.12.3_uv.jpg")
    args = ("--catalogue", str(tmp_path / "cat"), "attach", str(file), "--match-inventory",
            "--json")
    assert run_cli(*args).returncode == 0
    again = run_cli(*args)
    assert again.returncode == 0
    assert [r["status"] for r in json.loads(again.stdout)] == ["duplicate"]


def test_attach_publishable_marks_the_images_publishable_and_others_stay_private(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3")
    cleared = photo(tmp_path / "face.jpg")
    private = photo(tmp_path / "uv.jpg", colour=(200, 30, 30))
    base = ("--catalogue", str(tmp_path / "cat"), "attach", "--to", "2004.12.3")
    assert run_cli(*base, str(cleared), "--publishable").returncode == 0
    assert run_cli(*base, str(private)).returncode == 0
    catalogue = Catalogue.open(tmp_path / "cat")
    try:
        with catalogue.reading() as session:
            rows = session.execute(select(ImageRow.file_name, ImageRow.publishable)).all()
    finally:
        catalogue.close()
    assert sorted(rows) == [("face.jpg", True), ("uv.jpg", False)]


def test_match_inventory_refuses_names_without_a_record(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3", "D.2004.12.3")
    files = [photo(tmp_path / "D2004.12.3_uv.jpg"), bomb_png(tmp_path / "1999.1.1.png")]
    result = run_cli("--catalogue", str(tmp_path / "cat"), "attach", *map(str, files),
                     "--match-inventory", "--json")
    assert result.returncode == 1
    first, second = json.loads(result.stdout)
    assert (first["status"], first["inventory_number"]) == ("attached", "D.2004.12.3")
    assert second["status"] == "refused" and "no record" in second["reason"]


def test_attach_to_an_unknown_number_is_a_usage_error_that_changes_nothing(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3")
    file = photo(tmp_path / "a.jpg")
    result = run_cli("--catalogue", str(tmp_path / "cat"), "attach", str(file), "--to", "1999.9")
    assert result.returncode == 2
    assert "No record has the inventory number '1999.9'" in result.stderr
    assert not any((tmp_path / "cat" / "images").iterdir())


def test_check_fixity_reports_an_altered_original(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3")
    file = photo(tmp_path / "a.jpg")
    attached = run_cli("--catalogue", str(tmp_path / "cat"), "attach", str(file), "--to",
                       "2004.12.3", "--json")
    sha256 = json.loads(attached.stdout)[0]["sha256"]
    assert run_cli("--catalogue", str(tmp_path / "cat"), "check", "--fixity").returncode == 0
    original = ImageStore(tmp_path / "cat" / "images").path_for(sha256)
    original.write_bytes(original.read_bytes()[:-1] + b"\x00")
    result = run_cli("--catalogue", str(tmp_path / "cat"), "check", "--fixity")
    assert result.returncode == 1
    assert f"image {sha256}: original altered" in result.stderr


def test_check_fixity_lists_originals_no_record_uses_and_deletes_nothing(tmp_path):
    make_catalogue(tmp_path / "cat", "2004.12.3")
    files = [photo(tmp_path / f"{n}.jpg", colour=(n * 90, 40, 40)) for n in range(2)]
    attached = run_cli("--catalogue", str(tmp_path / "cat"), "attach", *map(str, files),
                       "--to", "2004.12.3", "--json")
    kept, removed = (r["sha256"] for r in json.loads(attached.stdout))
    catalogue = Catalogue.open(tmp_path / "cat")
    try:
        with catalogue.writing() as session:  # the image removed from its record
            detach_image(session, session.scalars(
                select(ImageRow.id).where(ImageRow.sha256 == removed)).one())
    finally:
        catalogue.close()
    result = run_cli("--catalogue", str(tmp_path / "cat"), "check", "--fixity")
    assert result.returncode == 0
    store = ImageStore(tmp_path / "cat" / "images")
    assert "note: 1 file(s) in the image store" in result.stderr
    assert f"  {store.path_for(removed)}\n" in result.stderr
    assert str(store.path_for(kept)) not in result.stderr
    assert store.verify(removed) == "ok"
