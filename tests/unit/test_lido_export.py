"""LIDO export: schema-valid documents, text exactly as entered, private fields kept home."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.exchange.lido import LIDO_NS, lido_schema, write_lido
from tests.unit.exchange_records import MUSEUM, PRIVATE_VALUES, full_record

NS = {"lido": LIDO_NS}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return lido_schema()


def export(records, **options) -> bytes:
    out = io.BytesIO()
    write_lido(records, out, museum=MUSEUM, **options)
    return out.getvalue()


def assert_valid(schema: etree.XMLSchema, document: bytes) -> etree._Element:
    root = etree.fromstring(document)
    assert schema.validate(root), schema.error_log
    return root


@pytest.mark.parametrize("include_private", [False, True])
def test_a_record_using_every_field_is_valid_lido(schema, include_private):
    assert_valid(schema, export([full_record()], include_private=include_private))


def test_text_is_exported_exactly_as_entered(schema):
    record = full_record()
    root = assert_valid(schema, export([record]))

    def texts(path: str) -> list[str]:
        return root.xpath(f"//lido:{path}/text()", namespaces=NS)

    assert texts("titleSet/lido:appellationValue") == [record["title"]]
    assert texts("objectWorkType/lido:term") == [record["designation"]]
    assert texts("workID") == [record["inventory_number"]]
    assert texts("inscriptionTranscription") == [record["inscriptions"]]
    assert texts("displayObjectMeasurements") == [record["measurements"]]
    assert texts("measurementValue") == ["49", "68.5", "2"]
    assert texts("displayDate")[0] == record["dating"]
    assert texts("earliestDate") == ["1880"] and texts("latestDate") == ["1900"]
    assert texts("displayActorInRole") == ["Atelier Lemarchand (fabricant)", "anonyme"]
    assert texts("roleActor/lido:term") == ["fabricant"]
    assert texts("displayPlace") == [record["origin_place"]]
    assert texts("termMaterialsTech/lido:term") == record["materials"] + record["techniques"]
    assert texts("subjectConcept/lido:term") == record["subjects"]
    assert texts("classification/lido:term") == record["themes"]
    assert texts("creditLine")[0] == record["credit_line"]
    description = root.xpath("//lido:objectDescriptionSet[@lido:type='description']"
                             "/lido:descriptiveNoteValue/text()", namespaces=NS)
    assert description == [record["description"]]


def test_private_fields_are_left_out_unless_asked_for():
    def all_text(document: bytes) -> str:
        return "\n".join(etree.fromstring(document).xpath("//text() | //@*"))

    public_export = all_text(export([full_record()]))
    assert [v for v in PRIVATE_VALUES.values() if v in public_export] == []
    private_export = all_text(export([full_record()], include_private=True))
    assert [v for v in PRIVATE_VALUES.values() if v not in private_export] == []


def test_only_publishable_images_are_exported_by_default_primary_first(schema):
    root = assert_valid(schema, export([full_record()]))
    assert root.xpath("//lido:resourceID/text()", namespaces=NS) == ["a" * 64]
    root = assert_valid(schema, export([full_record()], include_private=True))
    assert root.xpath("//lido:resourceID/text()", namespaces=NS) == ["a" * 64, "b" * 64]
    assert root.xpath("//lido:linkResource/@lido:formatResource", namespaces=NS) == [
        "image/jpeg", "image/tiff"]


def test_a_record_with_only_an_inventory_number_is_still_valid(schema):
    root = assert_valid(schema, export([{"id": "x1", "inventory_number": "OA 10426"}]))
    assert root.xpath("//lido:titleSet/lido:appellationValue/text()",
                      namespaces=NS) == ["OA 10426"]


def test_characters_xml_cannot_carry_become_replacement_characters(schema):
    record = {"id": "x2", "inventory_number": "E 1062 bis", "description": "a\x0bb\x00c\td"}
    root = assert_valid(schema, export([record]))
    assert root.xpath("//lido:descriptiveNoteValue/text()", namespaces=NS) == [
        "a\ufffdb\ufffdc\td"]


def test_a_thousand_records_stream_into_one_valid_document(schema, tmp_path: Path):
    consumed = []

    def records() -> Iterator[dict]:
        for number in range(1000):
            consumed.append(number)
            yield full_record(number)

    target = tmp_path / "export.xml"
    started = time.perf_counter()
    with target.open("wb") as out:
        written = write_lido(records(), out, museum=MUSEUM)
    elapsed = time.perf_counter() - started

    assert written == 1000 and len(consumed) == 1000
    root = assert_valid(schema, target.read_bytes())
    assert len(root.findall("lido:lido", NS)) == 1000
    assert elapsed < 10, f"1,000 records took {elapsed:.1f} s"


def test_an_export_without_a_record_is_refused_as_the_schema_would_be(schema, tmp_path: Path):
    """LIDO's lidoWrap holds at least one lido: an empty one is not a LIDO document, so none is
    written and the curator is told why."""
    empty = (b'<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"/>')
    assert not schema.validate(etree.fromstring(empty))
    with pytest.raises(CatalogueError) as refused:
        export([])
    assert refused.value.code == "export.lido_no_record"
    assert "au moins une fiche" in refused.value.message.text("fr")
    catalogue = Catalogue.open(tmp_path / "c")
    try:
        catalogue.save({"inventory_number": "1", "designation": "Vase"})  # not marked public
        out = tmp_path / "vide.xml"
        with pytest.raises(CatalogueError):
            export_catalogue(catalogue, "lido", out)
        assert list(tmp_path.glob("*.xml*")) == []
        assert export_catalogue(catalogue, "lido", out, include_private=True) == 1
        assert_valid(schema, out.read_bytes())
    finally:
        catalogue.close()


def test_the_shipped_schema_rejects_a_record_without_its_mandatory_elements(schema):
    document = (f'<lido:lidoWrap xmlns:lido="{LIDO_NS}"><lido:lido>'
                '<lido:lidoRecID lido:type="local">x</lido:lidoRecID>'
                "</lido:lido></lido:lidoWrap>").encode()
    assert not schema.validate(etree.fromstring(document))


def test_the_shipped_schema_accepts_a_third_party_lido_record(schema):
    document = etree.parse(str(Path(__file__).parent / "data" / "lido-third-party-record.xml"))
    assert schema.validate(document), schema.error_log


@pytest.mark.parametrize(("text", "uri", "note"), [
    ("CC BY", "http://creativecommons.org/licenses/by/4.0/", ""),
    ("cc-by-nc-nd 4.0", "http://creativecommons.org/licenses/by-nc-nd/4.0/", ""),
    ("https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
     "http://creativecommons.org/licenses/by-sa/4.0/", ""),
    ("https://creativecommons.org/licenses/by-sa/4.0/",
     "http://creativecommons.org/licenses/by-sa/4.0/", ""),
    ("CC0", "http://creativecommons.org/publicdomain/zero/1.0/", ""),
    ("Domaine public", "http://creativecommons.org/publicdomain/mark/1.0/", ""),
    ("© Tous droits réservés", "http://rightsstatements.org/vocab/InC/1.0/", ""),
    ("http://rightsstatements.org/page/InC-EDU/1.0/?language=fr",
     "http://rightsstatements.org/vocab/InC-EDU/1.0/", ""),
    ("Licence Ouverte 2.0", "http://creativecommons.org/licenses/by/4.0/",
     "Licence Ouverte / Etalab 2.0"),
    ("Etalab", "http://creativecommons.org/licenses/by/4.0/", "Licence Ouverte / Etalab 2.0"),
    ("CC BY 3.0", None, ""),  # another version than the list's: flagged, never upgraded
    ("usage interne du musée", None, ""),
    ("In Copyright - Educational Use Permitted", "http://rightsstatements.org/vocab/InC-EDU/1.0/",
     ""),
])
def test_licences_are_read_as_controlled_uris_or_flagged(text, uri, note):
    from catalogue_app.exchange.rights import LICENCES, licence

    found = licence(text)
    assert (found.uri, found.credit_note) == (uri, note)
    assert all(licence(label).uri == uri for uri, label in LICENCES.items())
    assert found.uri is None or found.uri.startswith("http://")


def test_image_rights_are_uris_and_anonymous_makers_are_qualified(schema):
    record = full_record()
    record["authors"] = [{"name": "anonyme", "role": "brodeuse"},
                         {"name": "attribué à Jean Lemoine"}, {"name": "Marie Leroy"}]
    record["images"] = [{**record["images"][0], "licence": "Licence Ouverte", "credit": "Musée",
                         "publishable": True},
                        {**record["images"][1], "licence": "usage interne", "credit": "",
                         "publishable": True}]
    root = assert_valid(schema, export([record]))

    def texts(path: str) -> list[str]:
        return root.xpath(f"//lido:{path}/text()", namespaces=NS)

    assert texts("actor/lido:nameActorSet/lido:appellationValue") == [
        "anonyme", "Jean Lemoine", "Marie Leroy"]
    assert texts("attributionQualifierActor") == ["anonyme", "attribué à"]
    assert texts("rightsResource/lido:rightsType/lido:conceptID") == [
        "http://creativecommons.org/licenses/by/4.0/"]
    # The primary image first.
    assert texts("rightsResource/lido:rightsType/lido:term") == ["usage interne", "CC BY 4.0"]
    assert texts("rightsResource/lido:creditLine") == ["Musée; Licence Ouverte / Etalab 2.0"]
    assert texts("recordID") == [f"{MUSEUM['code']}/{record['id']}"]
