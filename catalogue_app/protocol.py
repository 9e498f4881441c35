"""The contract between a desk and the regional base (PROTOCOL.md beside catalogue_app/regional),
in code both sides import: the protocol version, the sizes each side may send, how inventory
numbers are compared, where a record names its images, which of two versions of a museum
document wins, and the theme-file format.

Kept free of HTTP, SQL and Qt: the desk's sync client, the regional base and the desk's own
theme seeding read the same rules, so the two sides cannot drift apart."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from typing import Any

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import Message, declare, declared
from catalogue_app.records.fields import FIELDS_BY_NAME, FieldLabel

# The Catalogue-Protocol header: the base refuses another major version (426), accepts 1.x.
# 1.1: museum documents (POST /api/v1/documents:batch, their entries in the feed).
PROTOCOL_MAJOR = 1
PROTOCOL_VERSION = f"{PROTOCOL_MAJOR}.1"

# Records in one push (POST /api/v1/records:batch); the base answers 413 beyond.
MAX_BATCH_RECORDS = 100
# Changes in one page of the feed (GET /api/v1/changes).
MAX_FEED_PAGE = 1000
DEFAULT_FEED_PAGE = 500
# Hashes in one "which of these do you lack?" question (POST /api/v1/blobs:missing).
MAX_BLOB_CHECK = 10_000
# Bytes in one chunk of an image upload; the desk sends half that, so a chunk never nears it.
MAX_CHUNK_BYTES = 8 * 1024 * 1024
UPLOAD_CHUNK_BYTES = MAX_CHUNK_BYTES // 2

# The base's other default limits (its `whoami` publishes the ones it applies, and a passed
# one is answered {"error", "code": "limit_exceeded", "limit", "max"}).
MAX_BODY_BYTES = 16 * 1024 * 1024
# Request line and headers together: a desk sends well under 1 KB.
MAX_HEADER_BYTES = 32 * 1024
# One record's fields as JSON: a catalogue record is a few KB, its images travel apart.
MAX_RECORD_BYTES = 1024 * 1024
# Nesting of objects and arrays in a body: a batch nests records' fields four levels down,
# and a record's own fields nest three (measurement rows, images).
MAX_JSON_DEPTH = 32
# PostgreSQL's unique index takes at most ~2.7 KB per key; 4 bytes a character at worst.
MAX_INVENTORY_NUMBER_CHARS = 200
# The museum's own words (PUT /api/v1/museum/details): the desk checks them before sending.
MAX_MUSEUM_OWNER_CHARS = 200
MAX_MUSEUM_TOWN_CHARS = 200
MAX_MUSEUM_PRESENTATION_CHARS = 5000
# A feed page stops adding records past this (at least one record is always sent).
MAX_PAGE_BYTES = 8 * 1024 * 1024
# One image: a 16-bit 200-megapixel TIFF is about 1.2 GB.
MAX_BLOB_BYTES = 4 * 1024 * 1024 * 1024

SHA256_PATTERN = r"^[0-9a-f]{64}$"
SHA256_HEX = re.compile(SHA256_PATTERN.strip("^$"))


def normalise_inventory_number(number: str) -> str:
    """The form two inventory numbers are compared in (design.md §3): trimmed, inner
    whitespace collapsed, case folded. Unique per museum, on the desk and on the base."""
    return " ".join(number.split()).casefold()


def image_hashes(fields: Mapping[str, Any]) -> list[str]:
    """The sha256 of each image a record's wire fields name (whatever else they hold)."""
    images = fields.get("images")
    if not isinstance(images, list):
        return []
    return [i["sha256"] for i in images if isinstance(i, dict) and isinstance(i.get("sha256"), str)]


# --- museum documents (protocol 1.1) --------------------------------------------------------
# {"kind": "location", "id": "<uuid>", "modified_at": "2026-12-03T07:32:16.123+00:00",
#  "deleted": false, "body": {...}}: a museum's own data that is not a record (its locations,
# its récolement campaigns, kinds a newer desk adds). Last writer wins, by modified_at.

DOCUMENT_KIND_PATTERN = r"^[a-z][a-z0-9_]{0,31}$"
# The feed's own entry kinds: a document kind never takes one of these names.
FEED_ENTRY_KINDS = ("record", "tombstone", "theme", "vocabulary_term")
# UTC to the millisecond, as the desk's clock writes it (catalogue_app.clock.now_iso): two
# times in this one form compare as text.
DOCUMENT_TIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$"


def document_precedence(document: Mapping[str, Any]) -> tuple[str, bool, str]:
    """What decides between two versions of one document, the greater winning: the later
    `modified_at`; at the same instant a deletion, then the greater body as canonical JSON (so
    every desk and the base pick the same one)."""
    body = json.dumps(document.get("body"), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return str(document["modified_at"]), bool(document.get("deleted")), body


# --- the core's messages on the wire ---------------------------------------------------------
# A refusal the base makes with the core's own rules (catalogue_app.records.register_rules) is
# answered with the core's code and its parameters, each language-neutral: a part of the sentence
# as {"code", "params"}, a field as {"field": canonical name}, values as they are (a list of them
# as a list). A desk that knows the code says the precise message in its curator's language.

_VALUE = str | int | float  # a value said as it is, alone or in a list


def message_params(message: Message) -> dict[str, Any]:
    """The parameters of a core message as the base sends them."""
    return {name: _param_to_wire(value) for name, value in message.params.items()}


def message_from_wire(code: Any, params: Any) -> Message | None:
    """The message this desk knows by that code, with those parameters; None for a code it does
    not know (a newer base's) or parameters it cannot read or that the words need and lack (an
    older base sent none)."""
    kind = declared().get(code) if isinstance(code, str) else None
    if kind is None or not isinstance(params, dict):
        return None
    decoded: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, dict) and "code" in value:
            value = message_from_wire(value["code"], value.get("params"))
        elif isinstance(value, dict):
            value = FieldLabel(value["field"]) if value.get("field") in FIELDS_BY_NAME else None
        elif isinstance(value, list):  # values each language quotes its way
            value = value if all(isinstance(item, _VALUE) for item in value) else None
        elif not isinstance(value, _VALUE):
            value = None
        if value is None:
            return None
        decoded[name] = value
    needed = {name for _text, name, _spec, _conv in Formatter().parse(kind.english) if name}
    return kind(**decoded) if needed <= decoded.keys() else None


def _param_to_wire(value: Any) -> Any:
    if isinstance(value, Message):
        return {"code": value.code, "params": message_params(value)}
    if isinstance(value, FieldLabel):
        return {"field": value.name}
    return value


# --- theme files ----------------------------------------------------------------------------
# {"format": "catalogue-themes", "version": 1, "themes": [{"id": "<uuid>", "label_fr": ...,
#  "label_en": ..., "children": [...]}, ...]}: resources/themes.json, `catalogue-base themes
# import|export`. Ids are stable across the network: tags sync by theme id.

THEMES_FORMAT = "catalogue-themes"
THEMES_VERSION = 1

NOT_A_THEME_FILE = declare(
    "themes.not_a_theme_file",
    "{source}: not a theme tree (\"format\": \"{format}\" missing).")
THEME_FILE_VERSION = declare(
    "themes.file_version",
    "{source}: theme tree version {version} is not supported (this version reads version"
    " {supported}).")
THEMES_NOT_A_LIST = declare("themes.not_a_list", "{source}: {path}: the themes must be a list.")
THEME_NOT_AN_OBJECT = declare(
    "themes.not_an_object", "{source}: {path}: a theme must be an object.")
THEME_LABEL_MISSING = declare(
    "themes.label_missing", "{source}: {path}: {key} is missing or empty.")
THEME_ID_NOT_UUID = declare(
    "themes.id_not_uuid", "{source}: theme '{label}': id {id} is not a UUID.")
THEME_ID_TWICE = declare(
    "themes.id_twice", "{source}: theme '{label}': id {id} is used twice.")


class ThemeFileError(CatalogueError):
    """A theme file that does not follow the format; nothing was imported."""


@dataclass(frozen=True)
class FlatTheme:
    """One theme of a file, flattened: parents come before their children."""

    id: str
    parent_id: str | None
    label_fr: str
    label_en: str
    position: int


def theme_nodes(document: Any, source: str) -> list[FlatTheme]:
    """Check a parsed theme file and flatten its tree (parents first); ThemeFileError says
    what is wrong and where."""
    if not isinstance(document, dict) or document.get("format") != THEMES_FORMAT:
        raise ThemeFileError(NOT_A_THEME_FILE, source=source, format=THEMES_FORMAT)
    if document.get("version") != THEMES_VERSION:
        raise ThemeFileError(THEME_FILE_VERSION, source=source,
                             version=repr(document.get("version")), supported=THEMES_VERSION)
    nodes: list[FlatTheme] = []
    seen: set[str] = set()

    def walk(children: object, parent_id: str | None, path: str) -> None:
        if not isinstance(children, list):
            raise ThemeFileError(THEMES_NOT_A_LIST, source=source, path=path)
        for position, node in enumerate(children):
            where = f"{path}[{position}]"
            if not isinstance(node, dict):
                raise ThemeFileError(THEME_NOT_AN_OBJECT, source=source, path=where)
            label_fr = _label(node, "label_fr", source, where)
            label_en = _label(node, "label_en", source, f"{path} > {label_fr}")
            theme = FlatTheme(_theme_id(node.get("id"), source, label_fr), parent_id,
                              label_fr, label_en, position)
            if theme.id in seen:
                raise ThemeFileError(THEME_ID_TWICE, source=source, label=label_fr, id=theme.id)
            seen.add(theme.id)
            nodes.append(theme)
            walk(node.get("children", []), theme.id, f"{path} > {label_fr}")

    walk(document.get("themes"), None, "themes")
    return nodes


def _label(node: dict, key: str, source: str, where: str) -> str:
    value = node.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ThemeFileError(THEME_LABEL_MISSING, source=source, path=where, key=key)
    return value


def _theme_id(value: object, source: str, label: str) -> str:
    if isinstance(value, str):
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise ThemeFileError(THEME_ID_NOT_UUID, source=source, label=label, id=repr(value))
