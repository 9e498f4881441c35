"""The metadata /oai keeps as written (kept_metadata), over real HTTP on both backends: a
harvest sends the kept bytes, and a record's kept LIDO is written again as soon as anything it
is made of changes: the museum's name, an image's derivatives becoming ready, the record, the
shared vocabulary."""

from __future__ import annotations

import uuid

import httpx
from lxml import etree
from sqlalchemy import select, update

from catalogue_app.regional import shared
from db.regional.models import ImageDerivative, KeptMetadata
from db.regional.models import Museum as MuseumRow
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import Collection, Museum, push_ok
from tests.integration.regional.oai_support import NS, valid


def test_a_kept_lido_is_written_again_when_what_it_is_made_of_changes(
    collection: Collection, regional_server: RegionalServer, museum_a: Museum,
    visitor: httpx.Client
) -> None:
    record_id = collection.public["id"]
    database = regional_server.database

    def harvested() -> etree._Element:
        """The record's LIDO in a ListRecords answer, which sends the kept bytes."""
        answer = visitor.get("/oai", params={"verb": "ListRecords", "metadataPrefix": "lido"})
        document = valid(answer)
        with database.read_session() as session:
            kept = session.scalar(select(KeptMetadata.xml).where(
                KeptMetadata.record_id == record_id, KeptMetadata.prefix == "lido"))
        assert kept is not None and bytes(kept) in answer.content
        [lido] = document.iterfind(".//lido:lido", NS)
        return lido

    def museum_name(lido: etree._Element) -> str:
        return lido.findtext(".//lido:repositoryName//lido:appellationValue", namespaces=NS)

    def image_links(lido: etree._Element) -> list[str]:
        return [link.text for link in lido.iterfind(".//lido:linkResource", NS)]

    def set_derivative_state(state: str) -> None:
        with database.write_session() as session:
            session.execute(update(ImageDerivative).where(
                ImageDerivative.sha256 == collection.shown_image).values(state=state))

    first = harvested()
    assert museum_name(first) == "Musée MA"
    assert harvested().findtext(".//lido:lidoRecID", namespaces=NS) == f"MA/{record_id}"

    with database.write_session() as session:
        session.execute(update(MuseumRow).where(MuseumRow.code == "MA").values(
            name="Musée d'art et d'histoire"))
    assert museum_name(harvested()) == "Musée d'art et d'histoire"

    set_derivative_state("failed")
    assert image_links(harvested()) == []
    set_derivative_state("ready")
    [link] = image_links(harvested())
    assert link.endswith(f"/{collection.shown_image}/web.jpg")

    changed = {**collection.public, "base_version": 1,
               "fields": {**collection.public["fields"], "title": "Bonnet de Fécamp"}}
    assert push_ok(museum_a.editor, [changed])[0]["status"] == "ok"
    titles = [t.text for t in harvested().iterfind(".//lido:titleSet/lido:appellationValue", NS)]
    assert titles == ["Bonnet de Fécamp"]

    linen = str(uuid.uuid4())
    with database.write_session() as session:
        shared.import_vocabulary(session, {"vocabulary": "material", "source": "shared",
                                           "terms": [{"id": linen, "label": "lin"}]}, "material")
    materials = {m.findtext("lido:term", namespaces=NS): m.findtext("lido:conceptID",
                                                                     namespaces=NS)
                 for m in harvested().iterfind(".//lido:termMaterialsTech", NS)}
    assert materials == {"lin": linen, "dentelle": None}
