"""LIDO 1.1 XML export (http://www.lido-schema.org; schema shipped in resources/lido/).

One lido:lidoWrap holding one lido:lido per record, written record by record with
lxml.etree.xmlfile so that memory stays flat however large the catalogue. Each record goes only
where LIDO has a place for it (type attributes use LIDO Terminology URIs where one exists):

  id                     lidoRecID and recordID "<museum code>/<uuid>"
  designation            objectWorkType
  themes                 classification (lido:type "network theme")
  title                  titleSet (the designation, then the inventory number, stand in for a
                         missing title, since LIDO requires one)
  inscriptions           inscriptionTranscription
  inventory_number       repositorySet/workID (type: inventory number), the museum as
                         repositoryName; current_location as repositoryLocation (private)
  description, function, condition_at_acquisition
                         objectDescriptionSet (lido:type tells which)
  measurements           displayObjectMeasurements (text as entered) + measurementsSet rows
  number_of_parts        measurementsSet "number of parts"
  authors                production event: eventActor with roleActor; an anonymous maker or a
                         qualified attribution ("attribué à X") with attributionQualifierActor
  dating                 production event: displayDate + earliestDate/latestDate
  origin_place           production event: eventPlace
  materials, techniques  production event: eventMaterialsTech
  acquisition_*          acquisition event: date, method; source (as actor), price and
                         committee opinion (as descriptions) only with include_private
  subjects               subjectConcept
  observations           objectDescriptionSet "observations" (private)
  credit_line            rightsWorkSet/creditLine (it credits the object, not the record)
  images                 resourceSet, primary image first; only publishable ones unless private
                         fields are included; the licence as its Creative Commons or
                         rightsstatements.org URI when it has one (catalogue_app.exchange.rights)

A record published by the regional base (OAI-PMH) also carries its links (PublishedLinks): the
portal page as recordInfoLink, and each image's public derivative as its linkResource, never
the original (an image without a ready derivative is left out).

register_date has no LIDO element and is not exported. Text is written exactly as entered,
except characters XML 1.0 cannot carry at all (control characters other than tab and line
breaks), which become U+FFFD.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, BinaryIO

from lxml import etree

from catalogue_app.errors import CatalogueError
from catalogue_app.exchange.record_values import (
    authors,
    holding_museum,
    list_values,
    number_text,
    text_value,
)
from catalogue_app.exchange.rights import licence
from catalogue_app.messages import declare

LIDO_NS = "http://www.lido-schema.org"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_LOCATION = f"{LIDO_NS} http://www.lido-schema.org/schema/v1.1/lido-v1.1.xsd"
NO_RECORD = declare(
    "export.lido_no_record",
    "No record to write in LIDO: a LIDO file holds at least one record, and without the"
    " private fields it takes only the records marked public and not radiated. No file was"
    " written.")
RECORD_LANGUAGE = "fr"

# LIDO Terminology concepts (http://terminology.lido-schema.org), as LIDO 1.1 recommends for
# type attributes and event types.
_TERMS = "http://terminology.lido-schema.org/"
LOCAL_ID, URI_ID = _TERMS + "lido00100", _TERMS + "lido00099"
INVENTORY_NUMBER = _TERMS + "lido00113"
CURRENT_REPOSITORY = _TERMS + "lido00475"
MATERIAL, TECHNIQUE = _TERMS + "lido00132", _TERMS + "lido00131"
ITEM_RECORD = (_TERMS + "lido00141", "Item-level record")
PRODUCTION_EVENT = (_TERMS + "lido00007", "Production")
ACQUISITION_EVENT = (_TERMS + "lido00001", "Acquisition")

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class PublishedLinks:
    """Where a record is published: its public page, by sha256 the absolute address of each
    image's public derivative, and the ids of the shared terms it uses: (vocabulary, label) ->
    id, the vocabularies being the regional base's (designation, material, technique, place,
    person) and "theme" (a theme's French path), all issued by `authority`."""

    record_page: str
    images: Mapping[str, str] = field(default_factory=dict)
    concepts: Mapping[tuple[str, str], str] = field(default_factory=dict)
    authority: str = ""


def write_lido(records: Iterable[Mapping[str, Any]], out: BinaryIO, *,
               museum: Mapping[str, str], include_private: bool = False) -> int:
    """Write records as one LIDO document to a binary stream; return how many were written.

    museum is {"code": ..., "name": ...}, the institution that holds the objects and is the
    source of the records (a record's own "museum", when it has one, takes precedence).
    Raises CatalogueError, having written nothing, when there is no record: LIDO's lidoWrap
    holds at least one."""
    records = iter(records)
    first = next(records, None)
    if first is None:
        raise CatalogueError(NO_RECORD)
    count = 0
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(_lido("lidoWrap"), nsmap={"lido": LIDO_NS, "xsi": XSI_NS},
                        attrib={f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION}):
            for record in itertools.chain((first,), records):
                xf.write(lido_record(record, museum, include_private), pretty_print=True)
                count += 1
    return count


def lido_record(record: Mapping[str, Any], museum: Mapping[str, str],
                include_private: bool = False, links: PublishedLinks | None = None
                ) -> etree._Element:
    """The lido:lido element of one record (write_lido's, and OAI-PMH's with `links`)."""
    return _LidoRecord(record, museum, include_private, links).element()


def lido_schema() -> etree.XMLSchema:
    """The LIDO 1.1 schema shipped in resources/lido/, loaded without network access."""
    schema_file = resources.files("resources").joinpath("lido", "lido-v1.1.xsd")
    with resources.as_file(schema_file) as path:
        return etree.XMLSchema(etree.parse(str(path), etree.XMLParser(no_network=True)))


def _lido(tag: str) -> str:
    return f"{{{LIDO_NS}}}{tag}"


def _add(parent: etree._Element, tag: str, text: str | None = None,
         **attributes: str) -> etree._Element:
    """A lido: child element; attributes are lido: attributes (the schema qualifies them)."""
    if attributes:
        element = etree.SubElement(parent, _lido(tag),
                                   {_lido(k): xml_text(v) for k, v in attributes.items()})
    else:  # most elements: no attribute dictionary to build (a LIDO record makes ~90)
        element = etree.SubElement(parent, _lido(tag))
    if text is not None:
        element.text = xml_text(text)
    return element


def xml_text(text: str) -> str:
    """The text as XML 1.0 can carry it: characters it cannot become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def fits_xml(text: str) -> bool:
    """Whether XML 1.0 can carry every character of the text."""
    return _NOT_XML.search(text) is None


def _add_term(parent: etree._Element, tag: str, term: str, **attributes: str) -> etree._Element:
    concept = _add(parent, tag, **attributes)
    _add(concept, "term", term)
    return concept


def _add_concept(parent: etree._Element, tag: str, concept: tuple[str, str]) -> etree._Element:
    """A concept of the LIDO Terminology: its URI and its English term."""
    element = _add(parent, tag)
    _add(element, "conceptID", concept[0], type=URI_ID)
    _add(element, "term", concept[1]).set(XML_LANG, "en")
    return element


def _add_appellation(parent: etree._Element, tag: str, value: str,
                     **attributes: str) -> etree._Element:
    appellation = _add(parent, tag, **attributes)
    _add(appellation, "appellationValue", value)
    return appellation


def _add_legal_body(parent: etree._Element, tag: str, museum: Mapping[str, str],
                    **attributes: str) -> etree._Element:
    body = _add(parent, tag, **attributes)
    if museum.get("code"):
        _add(body, "legalBodyID", museum["code"], type=LOCAL_ID)
    if museum.get("name"):
        _add_appellation(body, "legalBodyName", museum["name"])
    return body


class _LidoRecord:
    """Builds the lido:lido element of one record, in the element order the schema requires."""

    def __init__(self, record: Mapping[str, Any], museum: Mapping[str, str],
                 include_private: bool, links: PublishedLinks | None = None) -> None:
        self.record = record
        self.museum = holding_museum(record, museum)
        self.private = include_private
        self.links = links

    def text(self, name: str) -> str | None:
        return text_value(self.record, name, self.private)

    def concept_id(self, parent: etree._Element, tag: str, vocabulary: str, label: str) -> None:
        """The shared term's id, when the label is one (only the regional base knows them)."""
        if self.links is not None and (vocabulary, label) in self.links.concepts:
            _add(parent, tag, self.links.concepts[vocabulary, label], type=LOCAL_ID,
                 source=self.links.authority)

    def term(self, parent: etree._Element, tag: str, vocabulary: str, label: str,
             **attributes: str) -> etree._Element:
        """A concept element: the term's id where it has one, and the term."""
        concept = _add(parent, tag, **attributes)
        self.concept_id(concept, "conceptID", vocabulary, label)
        _add(concept, "term", label)
        return concept

    def qualified(self, record_id: str) -> str:
        """A record id qualified by the museum's code: unique across every museum's LIDO."""
        return f"{self.museum.get('code', '')}/{record_id}"

    def element(self) -> etree._Element:
        lido = etree.Element(_lido("lido"), nsmap={"lido": LIDO_NS})
        record_id = str(self.record.get("id") or "")
        _add(lido, "lidoRecID", self.qualified(record_id), type=LOCAL_ID,
             source=self.museum.get("code", ""))
        descriptive = _add(lido, "descriptiveMetadata")
        descriptive.set(XML_LANG, RECORD_LANGUAGE)
        self.classification(_add(descriptive, "objectClassificationWrap"))
        self.identification(_add(descriptive, "objectIdentificationWrap"))
        self.events(descriptive)
        self.subjects(descriptive)
        administrative = _add(lido, "administrativeMetadata")
        administrative.set(XML_LANG, RECORD_LANGUAGE)
        self.administration(administrative, record_id)
        return lido

    def classification(self, wrap: etree._Element) -> None:
        work_type = _add(_add(wrap, "objectWorkTypeWrap"), "objectWorkType")
        if designation := self.text("designation"):
            self.concept_id(work_type, "conceptID", "designation", designation)
            _add(work_type, "term", designation)
        if themes := list_values(self.record, "themes"):
            classifications = _add(wrap, "classificationWrap")
            for theme in themes:
                self.term(classifications, "classification", "theme", theme,
                          type="network theme")

    def identification(self, wrap: etree._Element) -> None:
        title = self.text("title") or self.text("designation") or self.text("inventory_number")
        _add_appellation(_add(wrap, "titleWrap"), "titleSet", title or "")
        if inscriptions := self.text("inscriptions"):
            _add(_add(_add(wrap, "inscriptionsWrap"), "inscriptions"),
                 "inscriptionTranscription", inscriptions)
        self.repository(_add(wrap, "repositoryWrap"))
        self.descriptions(wrap)
        self.measurements(wrap)

    def repository(self, wrap: etree._Element) -> None:
        repository = _add(wrap, "repositorySet", type=CURRENT_REPOSITORY)
        _add_legal_body(repository, "repositoryName", self.museum)
        if number := self.text("inventory_number"):
            _add(repository, "workID", number, type=INVENTORY_NUMBER)
        if location := self.text("current_location"):
            _add_appellation(_add(repository, "repositoryLocation"), "namePlaceSet", location)

    def descriptions(self, wrap: etree._Element) -> None:
        notes = [(kind, self.text(name)) for kind, name in (
            ("description", "description"),
            ("function", "function"),
            ("condition at acquisition", "condition_at_acquisition"),
            ("observations", "observations"),
        )]
        notes = [(kind, text) for kind, text in notes if text]
        if notes:
            descriptions = _add(wrap, "objectDescriptionWrap")
            for kind, text in notes:
                _add(_add(descriptions, "objectDescriptionSet", type=kind),
                     "descriptiveNoteValue", text)

    def measurements(self, wrap: etree._Element) -> None:
        text = self.text("measurements")
        rows = [r for r in self.record.get("measurement_rows") or ()
                if r.get("value") not in (None, "")]
        parts = self.text("number_of_parts")
        if not (text or rows or parts):
            return
        measurements_wrap = _add(wrap, "objectMeasurementsWrap")
        if text or rows:
            measurement_set = _add(measurements_wrap, "objectMeasurementsSet")
            if text:
                _add(measurement_set, "displayObjectMeasurements", text)
            if rows:
                measured = _add(measurement_set, "objectMeasurements")
                for row in rows:
                    self.measurement(measured, str(row.get("kind") or ""),
                                     str(row.get("unit") or ""), number_text(row["value"]))
        if parts:
            measured = _add(_add(measurements_wrap, "objectMeasurementsSet"),
                            "objectMeasurements")
            self.measurement(measured, "number of parts", "parts", parts)

    @staticmethod
    def measurement(parent: etree._Element, kind: str, unit: str, value: str) -> None:
        measurement_set = _add(parent, "measurementsSet")
        _add(measurement_set, "measurementType", kind)
        _add(measurement_set, "measurementUnit", unit)
        _add(measurement_set, "measurementValue", value)

    def events(self, descriptive: etree._Element) -> None:
        wrap: list[etree._Element] = []

        def new_event(event_type: tuple[str, str]) -> etree._Element:
            # Made in place: an event built apart and moved in costs lxml a walk of it.
            if not wrap:
                wrap.append(_add(descriptive, "eventWrap"))
            event = _add(_add(wrap[0], "eventSet"), "event")
            _add_concept(event, "eventType", event_type)
            return event

        self.production_event(new_event)
        self.acquisition_event(new_event)

    def production_event(self, new_event: Callable[[tuple[str, str]], etree._Element]
                         ) -> None:
        people = authors(self.record)
        dating, place = self.text("dating"), self.text("origin_place")
        materials = list_values(self.record, "materials")
        techniques = list_values(self.record, "techniques")
        if not (people or dating or place or materials or techniques):
            return
        event = new_event(PRODUCTION_EVENT)
        for author in people:
            actor_set = _add(event, "eventActor")
            role = str(author.get("role") or "").strip()
            name = str(author["name"])
            _add(actor_set, "displayActorInRole", f"{name} ({role})" if role else name)
            qualifier, person = attribution(name)
            actor_in_role = _add(actor_set, "actorInRole")
            actor = _add(actor_in_role, "actor")
            self.concept_id(actor, "actorID", "person", person or name)
            _add_appellation(actor, "nameActorSet", person or name)
            if role:
                _add_term(actor_in_role, "roleActor", role)
            if qualifier:
                _add(actor_in_role, "attributionQualifierActor", qualifier).set(
                    XML_LANG, RECORD_LANGUAGE)
        if dating or self.record.get("date_earliest") is not None \
                or self.record.get("date_latest") is not None:
            self.event_date(event, dating)
        if place:
            place_set = _add(event, "eventPlace")
            _add(place_set, "displayPlace", place)
            place_element = _add(place_set, "place")
            self.concept_id(place_element, "placeID", "place", place)
            _add_appellation(place_element, "namePlaceSet", place)
        if materials or techniques:
            materials_set = _add(event, "eventMaterialsTech")
            _add(materials_set, "displayMaterialsTech", "; ".join(materials + techniques))
            terms = _add(materials_set, "materialsTech")
            for kind, vocabulary, values in ((MATERIAL, "material", materials),
                                             (TECHNIQUE, "technique", techniques)):
                for value in values:
                    self.term(terms, "termMaterialsTech", vocabulary, value, type=kind)

    def event_date(self, event: etree._Element, display: str | None) -> None:
        date_set = _add(event, "eventDate")
        if display:
            _add(date_set, "displayDate", display)
        earliest, latest = self.record.get("date_earliest"), self.record.get("date_latest")
        if earliest is not None or latest is not None:
            date = _add(date_set, "date")
            if earliest is not None:
                _add(date, "earliestDate", str(earliest))
            if latest is not None:
                _add(date, "latestDate", str(latest))

    def acquisition_event(self, new_event: Callable[[tuple[str, str]], etree._Element]
                          ) -> None:
        mode, date = self.text("acquisition_mode"), self.text("acquisition_date")
        source = self.text("acquisition_source")
        notes = [(kind, text) for kind, text in (
            ("purchase price and public grants", self.text("acquisition_price")),
            ("opinion of the scientific committees", self.text("committee_opinion")),
        ) if text]
        if not (mode or date or source or notes):
            return
        event = new_event(ACQUISITION_EVENT)
        if source:
            actor_in_role = _add(_add(event, "eventActor"), "actorInRole")
            _add_appellation(_add(actor_in_role, "actor"), "nameActorSet", source)
            _add_term(actor_in_role, "roleActor", "donor, testator or vendor")
        if date:
            _add(_add(event, "eventDate"), "displayDate", date)
        if mode:
            _add_term(event, "eventMethod", mode)
        for kind, text in notes:
            _add(_add(event, "eventDescriptionSet", type=kind), "descriptiveNoteValue", text)

    def subjects(self, descriptive: etree._Element) -> None:
        subjects = list_values(self.record, "subjects")
        if not subjects:
            return
        subject = _add(_add(_add(_add(descriptive, "objectRelationWrap"), "subjectWrap"),
                            "subjectSet"), "subject")
        for term in subjects:
            _add_term(subject, "subjectConcept", term)

    def administration(self, administrative: etree._Element, record_id: str) -> None:
        if credit := self.text("credit_line"):
            _add(_add(_add(administrative, "rightsWorkWrap"), "rightsWorkSet"),
                 "creditLine", credit)
        record_wrap = _add(administrative, "recordWrap")
        _add(record_wrap, "recordID", self.qualified(record_id), type=LOCAL_ID)
        _add_concept(record_wrap, "recordType", ITEM_RECORD)
        _add_legal_body(record_wrap, "recordSource", self.museum)
        if self.links is not None:
            _add(_add(record_wrap, "recordInfoSet"), "recordInfoLink",
                 self.links.record_page, formatResource="text/html")
        images = self.images()
        if images:
            resource_wrap = _add(administrative, "resourceWrap")
            for position, image in enumerate(images, start=1):
                self.resource(resource_wrap, image, position)

    def images(self) -> list[Mapping[str, Any]]:
        images = [i for i in self.record.get("images") or ()
                  if i.get("publishable") or self.private]
        if self.links is not None:
            images = [i for i in images if i["sha256"] in self.links.images]
        return sorted(images, key=lambda i: not i.get("is_primary"))

    def resource(self, wrap: etree._Element, image: Mapping[str, Any], position: int) -> None:
        resource = _add(wrap, "resourceSet", sortorder=str(position))
        _add(resource, "resourceID", str(image["sha256"]), type=LOCAL_ID, source="sha256")
        representation = _add(resource, "resourceRepresentation")
        if self.links is not None:
            _add(representation, "linkResource", self.links.images[image["sha256"]],
                 formatResource="image/jpeg")
        else:
            link_attributes = {"formatResource": image["media_type"]} \
                if image.get("media_type") else {}
            _add(representation, "linkResource",
                 str(image.get("file_name") or image["sha256"]), **link_attributes)
        _add_term(resource, "resourceType", "image")
        if image.get("is_primary"):
            _add_term(resource, "resourceRelType", "primary image")
        if image.get("view_type"):
            _add_term(resource, "resourcePerspective", str(image["view_type"]))
        if image.get("caption"):
            _add(resource, "resourceDescription", str(image["caption"]))
        if image.get("photographer"):
            _add_appellation(_add(resource, "resourceSource", type="photographer"),
                             "legalBodyName", str(image["photographer"]))
        if image.get("licence") or image.get("credit"):
            rights = _add(resource, "rightsResource")
            known = licence(str(image.get("licence") or ""))
            if known.text:
                rights_type = _add(rights, "rightsType")
                if known.uri:
                    _add(rights_type, "conceptID", known.uri, type=URI_ID)
                _add(rights_type, "term", known.label)
            credit = "; ".join(c for c in (str(image.get("credit") or ""), known.credit_note)
                               if c)
            if credit:
                _add(rights, "creditLine", credit)


# How French catalogues qualify an attribution ("attribué à X", "anonyme"); the longest first.
_QUALIFIERS = ("copie d'après", "attribué à", "entourage de", "atelier de", "suiveur de",
               "manière de", "d'après", "école de", "genre de")
_ANONYMOUS = re.compile(r"^(?:anonyme|anonymous|inconnu|auteur inconnu|artiste inconnu|"
                        r"non identifié)\b", re.IGNORECASE)


def attribution(name: str) -> tuple[str | None, str | None]:
    """(qualifier, the person qualified) of a maker as a catalogue writes it: ("anonyme",
    None) for an anonymous maker, ("attribué à", "X") for "attribué à X", (None, None) for a
    plain name."""
    text = name.strip()
    if _ANONYMOUS.match(text):
        return "anonyme", None
    folded = text.casefold().replace("’", "'")
    for qualifier in _QUALIFIERS:
        if folded.startswith(qualifier + " ") and text[len(qualifier):].strip():
            return qualifier, text[len(qualifier):].strip()
    return None, None
