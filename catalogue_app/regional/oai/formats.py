"""The metadata formats of /oai: unqualified Dublin Core (oai_dc) and LIDO 1.1, both built from
the record's published document. LIDO is the desk's own writer (catalogue_app.exchange.lido)
given the record's public links; Dublin Core takes the same document's main fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from lxml import etree

from catalogue_app.exchange.lido import (
    LIDO_NS,
    PublishedLinks,
    attribution,
    lido_record,
    xml_text,
)
from catalogue_app.exchange.record_values import authors, list_values, text_value
from catalogue_app.regional.theme_tree import ThemeTree

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


@dataclass(frozen=True)
class Published:
    """One published record and what its metadata needs besides its document."""

    record_id: str
    document: Mapping[str, Any]
    museum: Mapping[str, str]  # code, name
    tree: ThemeTree
    links: PublishedLinks

    def export_record(self) -> dict[str, Any]:
        """The document in the shape of the desk's export records: themes as French paths,
        the holding museum, images (all publishable by the channel's rule)."""
        return {
            **self.document, "id": self.record_id, "museum": dict(self.museum),
            "themes": [self.tree.french_path(t) for t in list_values(self.document, "themes")
                       if t in self.tree.nodes],
            "images": [{**image, "publishable": True}
                       for image in self.document.get("images") or ()],
        }


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    write: Callable[[Published], etree._Element]


def _oai_dc(published: Published) -> etree._Element:
    record = published.export_record()
    root = etree.Element(f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS,
                                                     "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation",
             f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")

    def add(name: str, *values: str | None) -> None:
        for value in values:
            if value and value.strip():
                etree.SubElement(root, f"{{{DC_NS}}}{name}").text = xml_text(value)

    def text(name: str) -> str | None:
        return text_value(record, name)

    add("title", text("title") or text("designation") or text("inventory_number"))
    # An anonymous maker is no creator (LIDO says it with an attribution qualifier).
    add("creator", *(str(a["name"]) for a in authors(record)
                     if attribution(str(a["name"]))[0] != "anonyme"))
    add("subject", *list_values(record, "subjects"), *record["themes"])
    add("description", text("description"), text("inscriptions"))
    add("publisher", published.museum.get("name"))
    add("date", text("dating"))
    add("type", text("designation"), *list_values(record, "domains"))
    add("format", text("measurements"),
        *list_values(record, "materials"), *list_values(record, "techniques"))
    add("identifier", published.links.record_page, text("inventory_number"))
    add("source", published.museum.get("name"))
    add("language", "fr")
    add("coverage", text("origin_place"))
    add("rights", text("credit_line"))
    return root


def _lido(published: Published) -> etree._Element:
    themes = {("theme", published.tree.french_path(t)): t
              for t in list_values(published.document, "themes") if t in published.tree.nodes}
    links = replace(published.links, concepts={**published.links.concepts, **themes})
    return lido_record(published.export_record(), published.museum, links=links)


FORMATS: dict[str, MetadataFormat] = {
    "oai_dc": MetadataFormat("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
                             OAI_DC_NS, _oai_dc),
    "lido": MetadataFormat("lido", "http://www.lido-schema.org/schema/v1.1/lido-v1.1.xsd",
                           LIDO_NS, _lido),
}
