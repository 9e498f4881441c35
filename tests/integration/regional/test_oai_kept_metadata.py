"""The metadata /oai keeps as written (kept_metadata), over real HTTP on both backends: a
harvest sends the kept bytes, and a record's kept LIDO is written again as soon as anything it
is made of changes: the museum's name, an image's derivatives becoming ready, the record, the
shared vocabulary. The server's keeper (oai/keeper.py) writes it ahead of harvesters: once it
has caught up, a harvest writes nothing."""

from __future__ import annotations

import uuid

import httpx
from lxml import etree
from sqlalchemy import select, update

from catalogue_app.regional import shared
from db.regional.models import ImageDerivative, KeptMetadata
from db.regional.models import Museum as MuseumRow
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import Collection, Museum, published, push_ok
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


def kept_rows(server: RegionalServer) -> dict[tuple[str, str], tuple[str, bytes]]:
    """(record, prefix) -> (key, xml) of every kept row."""
    with server.database.read_session() as session:
        return {(record_id, prefix): (key, bytes(xml)) for record_id, prefix, key, xml in
                session.execute(select(KeptMetadata.record_id, KeptMetadata.prefix,
                                       KeptMetadata.key, KeptMetadata.xml))}


def harvest_writes_nothing(server: RegionalServer, visitor: httpx.Client,
                           published_ids: set[str]) -> dict[tuple[str, str], tuple[str, bytes]]:
    """Harvest both formats and check that every published record was sent as kept before
    the harvest began, and that the harvest kept nothing new; the rows."""
    before = kept_rows(server)
    assert {(record_id, prefix) for record_id in published_ids
            for prefix in ("lido", "oai_dc")} <= set(before)
    for prefix in ("lido", "oai_dc"):
        answer = visitor.get("/oai", params={"verb": "ListRecords", "metadataPrefix": prefix})
        document = valid(answer)
        sent = {record.findtext(".//oai:identifier", namespaces=NS).rsplit(":", 1)[1]:
                etree.tostring(record.find("oai:metadata", NS)[0])
                for record in document.iterfind(".//oai:record", NS)
                if record.find("oai:metadata", NS) is not None}
        assert set(sent) == published_ids
        for record_id in published_ids:
            assert before[record_id, prefix][1] in answer.content
    assert kept_rows(server) == before
    return before


def test_once_the_keeper_has_caught_up_a_harvest_writes_nothing_and_a_shared_change_is_rewritten(
    collection: Collection, regional_server: RegionalServer, museum_a: Museum,
    visitor: httpx.Client
) -> None:
    more = [published(f"2031.{n}", designation=f"Objet {n}", materials=["lin"])
            for n in range(30)]
    assert {r["status"] for r in push_ok(museum_a.editor, more)} == {"ok"}
    assert regional_server.keeper.caught_up(60)
    published_ids = {collection.public["id"], *(r["id"] for r in more)}
    before = harvest_writes_nothing(regional_server, visitor, published_ids)

    linen = str(uuid.uuid4())
    with regional_server.database.write_session() as session:
        shared.import_vocabulary(session, {"vocabulary": "material", "source": "shared",
                                           "terms": [{"id": linen, "label": "lin"}]}, "material")
    regional_server.keeper.wake()  # as after an import by `catalogue-base`, seen by its polling
    assert regional_server.keeper.caught_up(60)
    after = harvest_writes_nothing(regional_server, visitor, published_ids)
    for record_id in published_ids:
        assert after[record_id, "lido"][0] != before[record_id, "lido"][0]
        assert linen.encode() in after[record_id, "lido"][1]


def test_the_server_answers_pushes_while_the_keeper_writes(
    regional_server: RegionalServer, museum_a: Museum, visitor: httpx.Client
) -> None:
    keeper = regional_server.keeper
    pushed: set[str] = set()
    for batch in range(3):
        records = [published(f"2032.{batch}.{n}", designation=f"Objet {n}") for n in range(30)]
        assert {r["status"] for r in push_ok(museum_a.editor, records)} == {"ok"}
        pushed |= {r["id"] for r in records}
        if batch == 0:
            # The push woke the keeper, which has 60 records to write: the next pushes come
            # while it works (the harvest below reads one page: 100 records at most).
            assert not keeper.caught_up(0)
    assert keeper.caught_up(60)
    assert keeper.written >= 2 * len(pushed)
    harvest_writes_nothing(regional_server, visitor, pushed)
