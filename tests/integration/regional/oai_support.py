"""Reading /oai answers in tests: every document is validated against the OAI-PMH schema with
the metadata schemas it carries (oai_dc, LIDO 1.1), loaded without network access."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

import httpx
from lxml import etree
from sickle import Sickle
from sickle.oaiexceptions import NoRecordsMatch

from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import wait_for
from tests.support import REPO

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
NS = {"oai": OAI_NS, "lido": "http://www.lido-schema.org",
      "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}
OAI_SCHEMAS = REPO / "tests" / "data" / "schemas" / "oai-pmh"
LIDO_SCHEMAS = REPO / "resources" / "lido"


class _LocalSchemas(etree.Resolver):
    """The W3C xml.xsd, which simpledc imports by URL, from the copy LIDO ships."""

    def resolve(self, url, _pubid, context):  # type: ignore[no-untyped-def]
        if url.endswith("/xml.xsd") or url == "xml.xsd":
            return self.resolve_filename(str(LIDO_SCHEMAS / "xml.xsd"), context)
        return None


@functools.cache
def oai_schema() -> etree.XMLSchema:
    """OAI-PMH.xsd with oai_dc and LIDO imported, so metadata is validated strictly."""
    imports = [(OAI_NS, OAI_SCHEMAS / "OAI-PMH.xsd"),
               (NS["oai_dc"], OAI_SCHEMAS / "oai_dc.xsd"),
               (NS["lido"], LIDO_SCHEMAS / "lido-v1.1.xsd")]
    wrapper = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        + "".join(f'<xs:import namespace="{ns}" schemaLocation="{Path(path).as_uri()}"/>'
                  for ns, path in imports)
        + "</xs:schema>"
    )
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.fromstring(wrapper, parser, base_url=str(OAI_SCHEMAS) + "/"))


def valid(answer: httpx.Response) -> etree._Element:
    """The answer's document, asserted an HTTP 200 OAI-PMH document valid against the
    schemas."""
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/xml")
    document = etree.fromstring(answer.content)
    schema = oai_schema()
    assert schema.validate(document), schema.error_log.filter_from_errors()[:5]
    return document


def error_code(document: etree._Element) -> str | None:
    found = document.find("oai:error", NS)
    return None if found is None else found.get("code")


class CheckedSickle(Sickle):
    """Sickle, each answer checked against the schemas first."""

    def harvest(self, **kwargs):  # type: ignore[no-untyped-def]
        response = super().harvest(**kwargs)
        schema = oai_schema()
        document = etree.fromstring(response.raw.encode())
        assert schema.validate(document), schema.error_log.filter_from_errors()[:3]
        return response


def harvest(server: RegionalServer, verb: str = "ListRecords", **arguments: str
            ) -> dict[str, bool]:
    """identifier -> deleted, of a whole list; each identifier asserted to come once."""
    harvester = CheckedSickle(server.url + "/oai", max_retries=0, timeout=30)
    found: dict[str, bool] = {}
    try:
        items = getattr(harvester, verb)(ignore_deleted=False, **arguments)
        for item in items:
            header = item.header if verb == "ListRecords" else item
            assert header.identifier not in found, f"{header.identifier} came twice"
            found[header.identifier] = header.deleted
    except NoRecordsMatch:
        pass
    return found


def local(identifiers) -> set[str]:
    return {i.rsplit(":", 1)[1] for i in identifiers}


def next_second() -> str:
    """Wait for the next UTC second and return it as a datestamp: what is logged from now
    on has this datestamp or a later one, what was logged before has an earlier one."""
    start = datetime.now(UTC).replace(microsecond=0)
    wait_for(lambda: datetime.now(UTC).replace(microsecond=0) > start, "the next second")
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
