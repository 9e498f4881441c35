"""OAI-PMH at /oai over real HTTP on both backends: every verb's answer valid against the
OAI-PMH schema with its metadata (oai_dc, LIDO), the specification's errors, and a real
harvester (Sickle) taking every set and format in full while a desk pushes."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime

import httpx
from lxml import etree

from catalogue_app.regional import shared
from catalogue_app.regional.oai.log_queries import log_state
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import (
    COIFFES,
    RADIATION,
    SECRET,
    TEXTILE,
    THEMES,
    Collection,
    Museum,
    new_record,
    published,
    push_ok,
)
from tests.integration.regional.oai_support import (
    NS,
    CheckedSickle,
    error_code,
    harvest,
    local,
    next_second,
    oai_schema,
    valid,
)

LIDO_NS = NS["lido"]


def oai(client: httpx.Client, **params: str) -> etree._Element:
    return valid(client.get("/oai", params=params))


def identifier(server: RegionalServer, record_id: str) -> str:
    return f"oai:127.0.0.1:{record_id}"


def test_the_validator_is_strict_about_metadata() -> None:
    """A test of the tests: LIDO inside an answer is checked against the LIDO schema."""
    document = etree.fromstring(
        f'<OAI-PMH xmlns="{NS["oai"]}"><responseDate>2026-01-01T00:00:00Z</responseDate>'
        '<request verb="GetRecord">http://x/oai</request><GetRecord><record><header>'
        '<identifier>oai:x:1</identifier><datestamp>2026-01-01</datestamp></header><metadata>'
        f'<lido:lido xmlns:lido="{LIDO_NS}"><lido:nonsense/></lido:lido></metadata></record>'
        '</GetRecord></OAI-PMH>')
    assert not oai_schema().validate(document)


def test_identify_describes_the_repository(collection: Collection, visitor: httpx.Client
                                          ) -> None:
    identify = oai(visitor, verb="Identify").find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS).endswith("/oai")
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:adminEmail", namespaces=NS)


def test_formats_and_sets_are_listed(collection: Collection, regional_server: RegionalServer,
                                     visitor: httpx.Client) -> None:
    # A name pasted with a control character (a vertical tab) is one XML cannot carry.
    regional_server.add_museum("MV", "Musée\x0bdu Vexin")
    formats = oai(visitor, verb="ListMetadataFormats")
    assert [p.text for p in formats.iterfind(".//oai:metadataPrefix", NS)] == ["oai_dc", "lido"]
    for_one = oai(visitor, verb="ListMetadataFormats",
                  identifier=f"oai:127.0.0.1:{collection.public['id']}")
    assert len(for_one.findall(".//oai:metadataFormat", NS)) == 2
    sets = oai(visitor, verb="ListSets")
    specs = {s.findtext("oai:setSpec", namespaces=NS): s.findtext("oai:setName", namespaces=NS)
             for s in sets.iterfind(".//oai:set", NS)}
    assert specs["museum:MA"] == "Musée MA"
    assert specs["museum:MV"] == "Musée\ufffddu Vexin"
    assert specs[f"theme:{COIFFES}"] == "Textile > Coiffes"
    assert {"museum", "theme", f"theme:{TEXTILE}"} <= set(specs)


def test_only_published_records_are_served_with_their_public_fields_and_links(
    collection: Collection, visitor: httpx.Client
) -> None:
    record_id = collection.public["id"]
    for prefix in ("lido", "oai_dc"):
        listed = oai(visitor, verb="ListIdentifiers", metadataPrefix=prefix)
        assert [i.text for i in listed.iterfind(".//oai:identifier", NS)] == [
            f"oai:127.0.0.1:{record_id}"]
        answer = visitor.get("/oai", params={"verb": "ListRecords", "metadataPrefix": prefix})
        valid(answer)
        for secret in (SECRET, "1200 F", "Réserve B", "1995.3.1_uv.jpg", "49.43",
                       collection.hidden_image):
            assert secret not in answer.text
    record = oai(visitor, verb="GetRecord", metadataPrefix="lido",
                 identifier=f"oai:127.0.0.1:{record_id}")
    header = record.find(".//oai:header", NS)
    assert [s.text for s in header.iterfind("oai:setSpec", NS)] == [
        "museum", "museum:MA", "theme", f"theme:{TEXTILE}", f"theme:{COIFFES}"]
    lido = record.find(".//lido:lido", NS)
    assert lido.findtext("lido:lidoRecID", namespaces=NS) == f"MA/{record_id}"
    page = lido.findtext(".//lido:recordInfoLink", namespaces=NS)
    assert page.startswith("http://127.0.0.1:") and page.endswith(f"/objets/{record_id}")
    links = [link.text for link in lido.iterfind(".//lido:linkResource", NS)]
    assert len(links) == 1 and links[0].endswith(f"/{collection.shown_image}/web.jpg")
    assert visitor.get(httpx.URL(links[0]).path).status_code == 200
    assert lido.findtext(".//lido:rightsResource/lido:rightsType/lido:conceptID",
                         namespaces=NS) == "http://creativecommons.org/licenses/by/4.0/"
    dc = oai(visitor, verb="GetRecord", metadataPrefix="oai_dc",
             identifier=f"oai:127.0.0.1:{record_id}")
    assert dc.findtext(".//dc:title", namespaces=NS) == "Bonnet brodé d'Étretat"


def test_post_answers_as_get(collection: Collection, visitor: httpx.Client) -> None:
    asked = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "museum:MA"}
    by_post = valid(visitor.post("/oai", data=asked))
    by_get = oai(visitor, **asked)
    assert etree.tostring(by_post.find("oai:ListIdentifiers", NS)) == etree.tostring(
        by_get.find("oai:ListIdentifiers", NS))


def _token(**changes) -> str:
    fields = {"verb": "ListRecords", "prefix": "lido", "set": None, "start": None, "end": None,
              "bound": 10, "after": 0, "cursor": 0, "size": 1, "next_id": "", "epoch": "",
              "issued": int(datetime.now(UTC).timestamp()), **changes}
    return base64.urlsafe_b64encode(json.dumps(fields).encode()).decode()


ERRORS = [
    ({}, "badVerb"),
    ({"verb": "Harvest"}, "badVerb"),
    ({"verb": "Identify", "set": "museum"}, "badArgument"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "GetRecord", "metadataPrefix": "lido"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "from": "2026-13-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "from": "2026-01-01T10:00Z"},
     "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "from": "2026-01-01",
      "until": "2026-01-02T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "from": "2026-02-01",
      "until": "2026-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "set": "colour:red"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "set": "museum:NOPE"}, "badArgument"),
    ({"verb": "ListRecords", "resumptionToken": "abc", "metadataPrefix": "lido"},
     "badArgument"),
    # A control character cannot be written in the answer's XML.
    ({"verb": "GetRecord", "metadataPrefix": "lido", "identifier": "oai:127.0.0.1:\x01"},
     "badArgument"),
    ({"verb": "Identify", "\x1b": "1"}, "badArgument"),
    ({"verb": "Identify\x01"}, "badVerb"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "metadataPrefix": "marc21", "identifier": "IDENTIFIER"},
     "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "metadataPrefix": "lido",
      "identifier": f"oai:127.0.0.1:{uuid.uuid4()}"}, "idDoesNotExist"),
    ({"verb": "GetRecord", "metadataPrefix": "lido", "identifier": "oai:elsewhere.org:1"},
     "idDoesNotExist"),
    ({"verb": "ListMetadataFormats", "identifier": f"oai:127.0.0.1:{uuid.uuid4()}"},
     "idDoesNotExist"),
    ({"verb": "ListRecords", "resumptionToken": "not a token"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": _token(epoch="another base")},
     "badResumptionToken"),
    ({"verb": "ListIdentifiers", "resumptionToken": "EPOCH_TOKEN"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "EXPIRED_TOKEN"}, "badResumptionToken"),
    ({"verb": "ListSets", "resumptionToken": "abc"}, "badResumptionToken"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "from": "2999-01-01"},
     "noRecordsMatch"),
    ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "until": "2000-01-01"},
     "noRecordsMatch"),
    ({"verb": "ListRecords", "metadataPrefix": "lido", "set": f"theme:{TEXTILE}",
      "from": "2999-01-01T00:00:00Z"}, "noRecordsMatch"),
]


def test_errors_say_the_specifications_code(
    collection: Collection, regional_server: RegionalServer, visitor: httpx.Client
) -> None:
    with regional_server.database.read_session() as session:
        epoch, _last = log_state(session)
    replace = {"IDENTIFIER": f"oai:127.0.0.1:{collection.public['id']}",
               "EPOCH_TOKEN": _token(epoch=epoch),  # a ListRecords token sent to ListIdentifiers
               "EXPIRED_TOKEN": _token(epoch=epoch, issued=1_000_000_000)}
    for params, code in ERRORS:
        params = {k: replace.get(v, v) for k, v in params.items()}
        for answer in (visitor.get("/oai", params=params), visitor.post("/oai", data=params)):
            document = valid(answer)
            assert error_code(document) == code, (params, answer.text)
            request = document.find("oai:request", NS)
            assert bool(request.attrib) == (code not in ("badVerb", "badArgument")), params


def test_a_repeated_argument_is_a_bad_argument(collection: Collection,
                                               visitor: httpx.Client) -> None:
    answer = visitor.get("/oai?verb=ListRecords&metadataPrefix=lido&metadataPrefix=oai_dc")
    assert error_code(valid(answer)) == "badArgument"
    answer = visitor.get("/oai?verb=Identify&verb=Identify")
    assert error_code(valid(answer)) == "badVerb"


def test_a_nul_character_is_a_bad_argument_or_refused(collection: Collection,
                                                       visitor: httpx.Client) -> None:
    """In a form body it reaches the OAI-PMH rules; in a query string, the base refuses it
    before any route (nul_characters.py)."""
    asked = {"verb": "GetRecord", "metadataPrefix": "lido", "identifier": "oai:127.0.0.1:\x00"}
    assert error_code(valid(visitor.post("/oai", data=asked))) == "badArgument"
    assert visitor.get("/oai", params=asked).status_code == 422


# --- a real harvester ---------------------------------------------------------------------------


def portal_ids(visitor: httpx.Client, **filters: str) -> set[str]:
    """What the portal publishes (its public search, every page)."""
    found: set[str] = set()
    while True:
        page = visitor.get("/api/public/v1/search", params={
            **filters, "limit": 100, "offset": len(found)}).json()
        found |= {hit["id"] for hit in page["results"]}
        if len(found) >= page["total"]:
            assert len(found) == page["total"]
            return found


def push_all(museum: Museum, records: list[dict]) -> None:
    for start in range(0, len(records), 100):
        assert {r["status"] for r in push_ok(museum.editor, records[start:start + 100])} == {"ok"}


def edited(record: dict, version: int = 1, **fields) -> dict:
    return {**record, "base_version": version, "fields": {**record["fields"], **fields}}


def test_a_harvester_gets_every_record_once_while_a_desk_pushes(
    regional_server: RegionalServer, museum_a: Museum, museum_b: Museum,
    visitor: httpx.Client
) -> None:
    with regional_server.database.write_session() as session:
        shared.import_themes(session, THEMES, "themes")
    a = [published(f"A.{n}", designation=f"Objet A{n}", themes=[COIFFES] if n % 3 == 0 else [])
         for n in range(230)]
    b = [published(f"B.{n}", designation=f"Objet B{n}", themes=[TEXTILE] if n % 2 else [])
         for n in range(120)]
    push_all(museum_a, a + [new_record("A.private", public=False)])
    push_all(museum_b, b)
    at_start = {r["id"] for r in a + b}
    since = next_second()

    # A full LIDO harvest; the desk pushes twice while it goes: once the first page (the
    # first 100 of museum A) is in hand, and once the third page is.
    harvester = CheckedSickle(regional_server.url + "/oai", max_retries=0, timeout=30)
    records = harvester.ListRecords(metadataPrefix="lido", ignore_deleted=False)
    seen: list[str] = []
    for n, record in enumerate(records):
        if n == 0:
            assert int(records.resumption_token.complete_list_size) == len(at_start)
        seen.append(record.header.identifier)
        assert not record.header.deleted
        if n == 10:
            push_ok(museum_a.editor, [edited(r, designation="Changée") for r in a[0:5] +
                                      a[150:155]] + [edited(a[6], public=False),
                                                     edited(a[201], **RADIATION)])
        if n == 210:
            push_ok(museum_b.editor, [edited(r, title="Nouveau titre") for r in b[0:3] +
                                      b[100:103]]
                    + [published("B.new", designation="Arrivé pendant la moisson")])
    assert len(seen) == len(set(seen)), "a record came twice"
    # Sent before they changed: a[0:5], a[6], b[0:3] (on the third page, 200 to 299).
    changed_unsent = {r["id"] for r in a[150:155] + [a[201]] + b[100:103]}
    assert local(seen) == at_start - changed_unsent

    # The next incremental harvest brings exactly what changed during the first.
    since_then = harvest(regional_server, "ListIdentifiers", metadataPrefix="oai_dc",
                         **{"from": since})
    new_id = next(r for r in portal_ids(visitor, q="pendant") if r not in at_start)
    changed = {r["id"] for r in a[0:5] + a[150:155] + [a[6], a[201]] + b[0:3] + b[100:103]
               } | {new_id}
    assert local(since_then) == changed
    assert {i for i, deleted in since_then.items() if deleted} == {
        identifier(regional_server, a[6]["id"]), identifier(regional_server, a[201]["id"])}
    harvested = (local(seen) | local(i for i, d in since_then.items() if not d)) - local(
        i for i, d in since_then.items() if d)
    assert harvested == portal_ids(visitor)

    # Every set in every format, in full, equals what the portal shows there.
    expected = {
        "museum": portal_ids(visitor),
        "museum:MA": portal_ids(visitor, museum="MA"),
        "museum:MB": portal_ids(visitor, museum="MB"),
        f"theme:{TEXTILE}": portal_ids(visitor, theme=TEXTILE),
        f"theme:{COIFFES}": portal_ids(visitor, theme=COIFFES),
        "theme": portal_ids(visitor, theme=TEXTILE),  # the tree's one root
    }
    assert expected[f"theme:{COIFFES}"] and expected["museum:MB"]
    for spec, ids in expected.items():
        for prefix in ("oai_dc", "lido"):
            listed = harvest(regional_server, metadataPrefix=prefix, set=spec)
            assert local(i for i, d in listed.items() if not d) == ids, (spec, prefix)
        listed = harvest(regional_server, "ListIdentifiers", metadataPrefix="lido", set=spec)
        assert local(i for i, d in listed.items() if not d) == ids, spec


def test_a_base_upgraded_with_published_records_logs_them_at_its_first_start(
    regional_server: RegionalServer, museum_a: Museum, visitor: httpx.Client
) -> None:
    from alembic import command
    from alembic.config import Config

    from catalogue_app.regional.api import close_app, create_app
    from db.regional.engine import MIGRATIONS_DIR

    shown, private = published("1890.1", designation="Rouet"), new_record("1890.2")
    push_ok(museum_a.editor, [shown, private])
    # The server's keeper writes after a push and looks at the base every few seconds: its
    # transactions would race the downgrade's (SQLite's writer, PostgreSQL's table locks).
    regional_server.keeper.stop()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with regional_server.database.engine.begin() as connection:  # back to before the log
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    close_app(create_app(regional_server.config))  # upgrades, then fills the log
    listed = harvest(regional_server, "ListIdentifiers", metadataPrefix="lido")
    assert listed == {f"oai:127.0.0.1:{shown['id']}": False}


def test_lido_gives_the_ids_of_shared_terms_and_themes(
    collection: Collection, regional_server: RegionalServer, visitor: httpx.Client
) -> None:
    linen = str(uuid.uuid4())
    with regional_server.database.write_session() as session:
        shared.import_vocabulary(session, {"vocabulary": "material", "source": "shared",
                                           "terms": [{"id": linen, "label": "lin"}]}, "material")
    record = oai(visitor, verb="GetRecord", metadataPrefix="lido",
                 identifier=f"oai:127.0.0.1:{collection.public['id']}")
    materials = {m.findtext("lido:term", namespaces=NS): m.findtext("lido:conceptID",
                                                                     namespaces=NS)
                 for m in record.iterfind(".//lido:termMaterialsTech", NS)}
    assert materials == {"lin": linen, "dentelle": None}
    theme = record.find(".//lido:classification", NS)
    assert theme.findtext("lido:term", namespaces=NS) == "Textile > Coiffes"
    assert theme.findtext("lido:conceptID", namespaces=NS) == COIFFES
