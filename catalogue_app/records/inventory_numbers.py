"""Inventory numbers (register column 1): uniqueness key, museum pattern, next free number.

A number is always shown and exported exactly as entered. Three derived forms serve three needs:
- ``normalise_inventory_number`` (catalogue_app.protocol: the regional base applies it too):
  trimmed, inner whitespace collapsed, case folded. Two numbers with the same normalised form
  are the same number (uniqueness within a museum).
- ``matching_key``: also treats ``.``, ``-``, ``_``, ``/`` and spaces alike and glues a letter
  prefix to its digits, so that ``D.2004.12.3``, ``D2004.12.3`` and ``d 2004-12-3`` share a key
  (used to match image files to records) while ``2004.12.3`` has another one: a deposit
  (register ``D``) is never confused with an acquisition.
- a composite number (a set: ``1968.3.244.1 ; 1968.3.244.2``) is one record's number; its
  elements are given by ``composite_parts``.

Exports of other systems (Joconde) put other numbers after the number in the same cell:
``932.3.24.1 ; 2625 (MD)``, ``… ; 10288 (Ancien n° inventaire)``. ``split_former_numbers``
reads such a cell: the parts that share the first part's stem are elements of a set, the
others are former numbers, kept verbatim.

The museum's pattern only warns: a curator may keep a historic number (``OA 10426``,
``56.8.31``) that does not follow it. Only an empty number is an error.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from catalogue_app.messages import Message, declare
from catalogue_app.protocol import normalise_inventory_number

_COMPOSITE_SEPARATOR = ";"
_SEPARATORS = re.compile(r"[\s._\-/]+")
_LETTER_PREFIX = re.compile(r"^([^\W\d_]+)\.(?=\d)")
_DEPOSIT = re.compile(r"d[\s._\-/]*\d", re.IGNORECASE)


@dataclass(frozen=True)
class InventoryPattern:
    """A museum's expected form of inventory numbers, as a regular expression on one element."""

    regex: str
    description: str
    _compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        try:
            compiled = re.compile(self.regex)
        except re.error as error:
            raise ValueError(f"invalid inventory number pattern '{self.regex}': {error}") from None
        object.__setattr__(self, "_compiled", compiled)

    def accepts(self, element: str) -> bool:
        return self._compiled.fullmatch(element.strip()) is not None

    def said(self) -> str:
        """The description in the interface's language: the default's words are the app's, so
        translated (stored in English, as set by any desk); a museum's own are as written."""
        if self.description == DEFAULT_DESCRIPTION.english:
            return DEFAULT_DESCRIPTION().text()
        return self.description


DEFAULT_DESCRIPTION = declare(
    "record.default_number_pattern",
    "year.lot.item[.sub...], year of 3 or 4 digits, optional D prefix for deposits "
    "(2004.12.3, 985.2.1, D.2004.1.1)")
DEFAULT_PATTERN = InventoryPattern(r"(?:D\.?)?\d{3,4}\.\d+\.\d+(?:\.\d+)*",
                                   DEFAULT_DESCRIPTION.english)


@dataclass(frozen=True)
class Problem:
    """One finding about a number: a stable ``code`` for the interface, and what to say."""

    code: str
    message: Message


NUMBER_EMPTY = declare("record.number_empty", "The inventory number is empty.")
NUMBER_EMPTY_ELEMENT = declare("record.number_empty_element",
                               "{number!r} has an empty element between ';'.")
NUMBER_OFF_PATTERN = declare("record.number_off_pattern",
                             "{number!r} does not follow the museum's pattern: {pattern}.")


@dataclass(frozen=True)
class InventoryCheck:
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the number may be saved (after the curator has seen the warnings)."""
        return not self.errors


def composite_parts(number: str) -> list[str]:
    """The elements of a composite number, trimmed, empty elements dropped."""
    return [part.strip() for part in number.split(_COMPOSITE_SEPARATOR) if part.strip()]


@dataclass(frozen=True)
class SplitNumber:
    number: str  # the record's number: the first part and the elements of its set
    former_numbers: tuple[str, ...] = ()
    # Parts taken as former numbers although nothing says so (no note in brackets, or the
    # set's own number with a note): the curator should look.
    unclear: tuple[str, ...] = ()


_NOTE = re.compile(r"\([^()]*\)\s*$")


def split_former_numbers(text: str) -> SplitNumber:
    """Read an inventory-number cell that may also carry former or other numbers.

    ``932.3.24.1 ; 2625 (MD)`` -> number ``932.3.24.1``, former ``2625 (MD)``;
    ``1968.3.244.1 ; 1968.3.244.2`` stays one number (a set: same stem ``1968.3.244``);
    ``2001.17.1179 ; D. 75.03.375`` -> former ``D. 75.03.375``, unclear (no note says so).
    A cell without ``;`` is returned exactly as given."""
    parts = composite_parts(text)
    if len(parts) < 2:
        return SplitNumber(text)
    first, *others = parts
    stem = _stem(first)
    elements, former, unclear = [first], [], []
    for part in others:
        noted = _NOTE.search(part) is not None
        bare = _NOTE.sub("", part).strip()
        same_stem = stem is not None and _stem(bare) == stem
        if same_stem and not noted:
            elements.append(part)
            continue
        former.append(part)
        # The set's own number (its stem) or its stem with a note may be the set, not a
        # former number; a part without a note may be anything.
        if same_stem or _element_key(bare) == stem or not noted:
            unclear.append(part)
    number = text.strip() if not former else " ; ".join(elements)
    return SplitNumber(number, tuple(former), tuple(unclear))


def _stem(part: str) -> str | None:
    """``1968.3.244.1`` -> ``1968.3.244`` (normalised); None for a number without a dot."""
    key = _element_key(part)
    return key.rsplit(".", 1)[0] if "." in key else None


def matching_key(number: str) -> str:
    """Key under which files and records are matched (see the module documentation).

    A composite number gives its elements' keys joined by ``;``; index each element with
    ``composite_parts`` to match files to a set.
    """
    return _COMPOSITE_SEPARATOR.join(_element_key(part) for part in composite_parts(number))


def _element_key(element: str) -> str:
    dotted = _SEPARATORS.sub(".", normalise_inventory_number(element)).strip(".")
    return _LETTER_PREFIX.sub(r"\1", dotted)


def is_deposit(number: str) -> bool:
    """Written as deposits often are (``D.2004.1.1``, ``D2004.1.1``, ``D 75.03.375``): a hint
    an import reports, never what puts a record in the deposits register (its legal_status)."""
    return _DEPOSIT.match(number.strip()) is not None


def check_inventory_number(
    number: str, pattern: InventoryPattern = DEFAULT_PATTERN
) -> InventoryCheck:
    """Errors (empty number) and warnings (elements not following the museum's pattern)."""
    if not number.strip():
        return InventoryCheck(errors=(Problem("empty", NUMBER_EMPTY()),))
    warnings = []
    if any(not element.strip() for element in number.split(_COMPOSITE_SEPARATOR)):
        warnings.append(Problem("empty_element", NUMBER_EMPTY_ELEMENT(number=number)))
    for part in composite_parts(number):
        if not pattern.accepts(part):
            warnings.append(Problem("pattern", NUMBER_OFF_PATTERN(number=part,
                                                                  pattern=pattern.said())))
    return InventoryCheck(warnings=tuple(warnings))


def next_free_number(lot_prefix: str, existing: Iterable[str]) -> str:
    """The number after the highest item of the lot: ``2004.12`` -> ``2004.12.4``.

    Gaps are not reused (a number once given may still be cited elsewhere). Sub-numbers count
    for their item (``2004.12.3.1`` uses item 3). Deposits are a separate register:
    ``D.2004.12`` only counts ``D.2004.12.*`` / ``D2004.12.*``. The suggestion keeps the lot as
    typed, and the zero padding of the lot's highest item (``2011.0.0017`` -> ``2011.0.0018``).
    """
    lot = lot_prefix.strip().rstrip("._-/ ")
    if not lot:
        raise ValueError("Give the lot (for example 2004.12) to suggest its next number.")
    lot_key = _element_key(lot) + "."
    highest, written = 0, "0"
    for number in existing:
        for part in composite_parts(number):
            key = _element_key(part)
            item = key[len(lot_key):].split(".")[0] if key.startswith(lot_key) else ""
            if item.isdecimal() and int(item) >= highest:
                highest, written = int(item), item
    width = len(written) if written.startswith("0") else 0
    return f"{lot}.{highest + 1:0{width}d}"


def lot_of(number: str) -> str:
    """The lot a number belongs to: ``2004.12.3`` -> ``2004.12`` (first element of a set)."""
    parts = composite_parts(number)
    if not parts or "." not in parts[0]:
        return ""
    return parts[0].rsplit(".", 1)[0]
