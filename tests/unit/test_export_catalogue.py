"""Exports read from the catalogue: a record using every field (with an image) gives
schema-valid LIDO; a search narrows an export; a failed export leaves no file behind."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
from lxml import etree
from PIL import Image as PILImage

from catalogue_app.errors import CatalogueError
from catalogue_app.exchange import export as export_module
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.lido import LIDO_NS, lido_schema
from catalogue_app.images.store import ImageStore
from catalogue_app.records.store import create_record
from catalogue_app.vocabulary.themes import shared_themes
from db.local.models import Image
from tests.support import run_cli
from tests.unit.exchange_records import full_record

NS = {"lido": LIDO_NS}


def add_full_record(catalogue) -> dict:
    record = full_record()
    dentelle = next(t.id for t in shared_themes() if t.label_fr == "Dentelle")
    data = {k: v for k, v in record.items() if k not in ("id", "images", "museum")}
    data["themes"] = [dentelle]
    # A notice POP knows, with the domain it requires: the Joconde export carries it.
    data.update(joconde_ref="M0694000123", domains=["dentellerie"])
    picture = io.BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(picture, "JPEG")
    sha256 = hashlib.sha256(picture.getvalue()).hexdigest()
    ImageStore(catalogue.images_dir).add_bytes(picture.getvalue())
    with catalogue.writing() as session:
        record_id = create_record(session, data, "test")
        session.add(Image(record_id=record_id, sha256=sha256, file_name="face.jpg",
                          media_type="image/jpeg", byte_size=len(picture.getvalue()),
                          width=40, height=30, view_type="general", is_primary=True,
                          publishable=True, caption="Vue générale", attached_at="2026-01-01"))
    return record


@pytest.mark.parametrize("include_private", [False, True])
def test_record_with_every_field_exports_to_schema_valid_lido(catalogue, tmp_path,
                                                              include_private):
    record = add_full_record(catalogue)
    export_catalogue(catalogue, "lido", tmp_path / "out.xml", include_private=include_private)

    root = etree.parse(str(tmp_path / "out.xml"))
    schema = lido_schema()
    assert schema.validate(root), schema.error_log
    assert root.xpath("//lido:workID/text()", namespaces=NS) == [record["inventory_number"]]
    assert root.xpath("//lido:classification/lido:term/text()", namespaces=NS) == \
        ["Textile > Dentelle"]
    assert root.xpath("//lido:linkResource/text()", namespaces=NS) == ["face.jpg"]
    donors = root.xpath("//lido:eventActor//lido:appellationValue/text()", namespaces=NS)
    assert (record["acquisition_source"] in donors) == include_private


def test_search_narrows_the_export(catalogue, tmp_path):
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "2004.1.1", "designation": "coiffe"}, "t")
        create_record(session, {"inventory_number": "2004.1.2", "designation": "assiette"}, "t")
    assert export_catalogue(catalogue, "csv", tmp_path / "q.csv", query="coif*") == 1
    rows = list(csv.DictReader((tmp_path / "q.csv").open(encoding="utf-8", newline="")))
    assert [r["inventory_number"] for r in rows] == ["2004.1.1"]
    assert export_catalogue(catalogue, "csv", tmp_path / "none.csv", query="théière") == 0


def test_an_unknown_format_is_refused_naming_each_format(catalogue, tmp_path):
    with pytest.raises(CatalogueError) as refused:
        export_catalogue(catalogue, "xlsx", tmp_path / "out.xlsx")
    assert refused.value.message.text("fr") == (
        "Format d'export inconnu « xlsx » ; choisissez parmi « csv », « lido », « joconde ».")
    assert refused.value.message.text("en") == (
        "Unknown export format 'xlsx'; choose one of 'csv', 'lido', 'joconde'.")
    assert list(tmp_path.iterdir()) == [catalogue.directory]


def test_a_failed_export_leaves_no_file(catalogue, tmp_path, monkeypatch):
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "2004.1.1"}, "t")

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(export_module, "write_catalogue_csv", broken)
    with pytest.raises(OSError):
        export_catalogue(catalogue, "csv", tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == [catalogue.directory]


def test_cli_exports_each_format(catalogue, tmp_path):
    add_full_record(catalogue)
    catalogue.close()
    for format, name in (("csv", "o.csv"), ("lido", "o.xml"), ("joconde", "j.csv")):
        result = run_cli("--catalogue", str(catalogue.directory), "export", format,
                         str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert "Exported 1 record(s)" in result.stderr
    assert (tmp_path / "j.csv").read_text("utf-8").startswith("REF;INV;MUSEO;")
