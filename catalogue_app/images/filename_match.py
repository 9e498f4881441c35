"""Match image file names to records by inventory number, and guess the view from the name.

A name is read as an optional letter prefix (``D`` for deposits), the number (digit groups
separated by ``.``, ``-`` or ``_``), then nothing or anything that starts with a separator (a
view suffix ``_uv``, a copy counter `` (2)``). Its key is built like
``inventory.matching_key``, so ``2004-12-3_uv.tif`` and ``2004_12_3.JPG`` find ``2004.12.3``,
``D2004.12.3_uv.jpg`` finds ``D.2004.12.3`` and never ``2004.12.3``, and neither
``2004.12.30.jpg`` nor ``2004.12.3a.jpg`` finds ``2004.12.3``.

Ambiguity: a last digit group set off by another separator than the number's own
(``2004.12.3_1``) is either a sub-number (record ``2004.12.3.1``) or a shot counter (record
``2004.12.3``). The file goes to the record that exists, and is ambiguous when both exist. With
one separator throughout (``2004.12.3.1``) the whole name is the number. A key that two records
share (``D.2004.1.1`` and ``D2004.1.1``, see ``index_numbers``) is ambiguous too.

View type: the first view word after the number: ``uv``; ``ir``; ``rx``, ``xray``, ``x-ray`` ->
xray; ``verso``; ``det``, ``detail`` -> detail; ``rasante``, ``raking`` -> raking; else general.
"""

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from catalogue_app.folding import fold
from catalogue_app.records.inventory_numbers import composite_parts, matching_key

RecordId = Hashable
MatchStatus = Literal["matched", "ambiguous", "unmatched"]

_NAME = re.compile(
    r"(?P<prefix>[^\W\d_]{1,5})?[ ._-]?(?P<number>\d+(?:[._-]\d+)*)(?P<tail>[\W_].*)?",
    re.DOTALL,
)
_SEPARATOR = re.compile(r"[._-]")
_VIEW_WORDS = {
    "uv": "uv", "ir": "ir", "rx": "xray", "xray": "xray", "x-ray": "xray", "verso": "verso",
    "det": "detail", "detail": "detail", "rasante": "raking", "raking": "raking",
}
_VIEW = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(_VIEW_WORDS, key=len, reverse=True)) + r")(?![a-z])"
)


@dataclass(frozen=True)
class SharedKey:
    """Stands in an index for a key that several records share."""

    record_ids: tuple[RecordId, ...]


@dataclass(frozen=True)
class Match:
    file_name: str
    status: MatchStatus
    record_ids: tuple[RecordId, ...] = ()
    view_type: str = "general"


def index_numbers(records: Iterable[tuple[RecordId, str]]) -> dict[str, RecordId | SharedKey]:
    """Key -> record id for (record id, inventory number) pairs; each element of a set counts."""
    index: dict[str, RecordId | SharedKey] = {}
    for record_id, number in records:
        for element in composite_parts(number):
            key = matching_key(element)
            present = index.get(key)
            if present is None or present == record_id:
                index[key] = record_id
            else:
                earlier = present.record_ids if isinstance(present, SharedKey) else (present,)
                if record_id not in earlier:
                    index[key] = SharedKey((*earlier, record_id))
    return index


def match_filename(file_name: str, known: Mapping[str, RecordId | SharedKey]) -> Match:
    """The record(s) a file name designates in ``known`` (key -> record id), and its view."""
    stem = _stem(file_name)
    read = _NAME.fullmatch(stem)
    if read is None:
        return Match(file_name, "unmatched")
    view_type = _view_type(read["tail"] or "")
    found: list[RecordId] = []
    for key in _candidate_keys(read["prefix"] or "", read["number"]):
        value = known.get(key)
        if value is not None:
            found.extend(value.record_ids if isinstance(value, SharedKey) else (value,))
    record_ids = tuple(dict.fromkeys(found))
    status: MatchStatus = (
        "unmatched" if not record_ids else "matched" if len(record_ids) == 1 else "ambiguous"
    )
    return Match(file_name, status, record_ids, view_type)


def match_files(names: Iterable[str], known: Mapping[str, RecordId | SharedKey]) -> list[Match]:
    """``match_filename`` for each name, in order; dictionary lookups only."""
    return [match_filename(name, known) for name in names]


def view_type_of(file_name: str) -> str:
    """The view a file's name tells wherever its view word stands (``vase_rasante.jpg``,
    ``IMG_0042 UV.tif``): for files given to one record, whose names need not begin with
    its number."""
    return _view_type(_stem(file_name))


def _stem(file_name: str) -> str:
    """Base name without its extension (``2004.12.3`` keeps its last group: it is no extension)."""
    base = re.split(r"[\\/]", file_name)[-1].strip()
    stem, dot, extension = base.rpartition(".")
    return stem if dot and extension and not extension.isdigit() else base


def _candidate_keys(prefix: str, number: str) -> list[str]:
    keys = [matching_key(prefix + number)]
    separators = _SEPARATOR.findall(number)
    if len(separators) >= 2 and separators[-1] != separators[0]:
        keys.append(matching_key(prefix + number[: number.rfind(separators[-1])]))
    return keys


def _view_type(tail: str) -> str:
    word = _VIEW.search(fold(tail))
    return _VIEW_WORDS[word.group(1)] if word else "general"
