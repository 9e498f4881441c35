"""Calendar dates read from free text (acquisition_date, register_date) for ISO export and sorting.

The text stays exactly as entered; this module only reads it.

Understood, also inside other words (``1973/02/27 décision dation``):
- day, month, year: ISO ``1973-02-27``; day first ``27/02/1973``, ``27-02-1973``, ``27.02.1973``;
  year first ``1973/02/27``; in words ``27 février 1973``, ``1er mars 1973`` (accents and case
  optional, abbreviations such as ``févr.``);
- month and year: ``1973-02``, ``1995/10``, ``02/1973``, ``février 1973``;
- a year alone: ``1973`` (four digits, 1000-2999).

A year or a month alone is not a date: ``parse_date`` returns None for it and
``parse_partial_date`` returns ``PartialDate(1973)`` (ISO 8601 reduced precision: ``1973``,
``1973-02``). Both return None when the text mentions several different dates (``1996 acquis ;
1997 entrée matérielle``), when a day does not exist (``31/02/1973``), or for two-digit years,
whose century would be a guess. A less precise mention of the same date (``27/02/1973, 1973``)
is not a different date.
"""

import datetime
import re
from dataclasses import dataclass

from catalogue_app.folding import fold

_MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}
_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>[12]\d{3})"
_DAY = r"(?P<day>[0-3]?\d)"
_NUM_MONTH = r"(?P<month>[01]?\d)"

# Most precise first: a full date's year must not be read again as a year alone.
_PATTERNS = [
    re.compile(rf"(?<![\d/.-]){_YEAR}([-/.]){_NUM_MONTH}\2{_DAY}(?![\d/.-])"),
    re.compile(rf"(?<![\d/.-]){_DAY}([-/.]){_NUM_MONTH}\2{_YEAR}(?![\d/.-])"),
    re.compile(rf"(?<![\w]){_DAY}(?:er)?\s+{_MONTH}\s+{_YEAR}(?!\d)"),
    re.compile(rf"(?<![\d/.-]){_YEAR}[-/]{_NUM_MONTH}(?![\d/.-])"),
    re.compile(rf"(?<![\d/.-]){_NUM_MONTH}/{_YEAR}(?![\d/.-])"),
    re.compile(rf"(?<![\w]){_MONTH}\s+{_YEAR}(?!\d)"),
    re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/.-])"),
]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day; orders like the dates it covers."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """ISO 8601 at the precision known: ``1973``, ``1973-02`` or ``1973-02-27``."""
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n]
        return "-".join(parts)

    def sort_key(self) -> tuple[int, int, int]:
        """A year alone sorts before the dated days of that year."""
        return self.year, self.month or 0, self.day or 0

    def covers(self, other: "PartialDate") -> bool:
        """True when ``other`` is this date or a more precise date inside it."""
        return self.year == other.year and all(
            mine is None or mine == theirs
            for mine, theirs in ((self.month, other.month), (self.day, other.day))
        )


def parse_date(text: str) -> datetime.date | None:
    """The one full calendar date the text mentions, or None."""
    found = parse_partial_date(text)
    if found is None or found.day is None:
        return None
    return datetime.date(found.year, found.month, found.day)


def parse_partial_date(text: str) -> PartialDate | None:
    """The one date the text mentions, at the precision given, or None."""
    remaining = fold(text)
    mentions: list[PartialDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(remaining):
            mention = _to_partial_date(match)
            if mention is None:
                return None  # 31/02/1973 is a mistake to review, not a year
            mentions.append(mention)
        remaining = pattern.sub(lambda m: " " * len(m.group()), remaining)
    most_precise = max(mentions, key=_precision, default=None)
    if most_precise is None or not all(m.covers(most_precise) for m in mentions):
        return None
    return most_precise


def _precision(date: PartialDate) -> int:
    return (date.month is not None) + (date.day is not None)


def _to_partial_date(match: re.Match[str]) -> PartialDate | None:
    fields = match.groupdict()
    year = int(fields["year"])
    month_name = fields.get("month_name")
    month = _MONTHS[month_name] if month_name else _int_or_none(fields.get("month"))
    day = _int_or_none(fields.get("day"))
    try:
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _int_or_none(digits: str | None) -> int | None:
    return None if digits is None else int(digits)
