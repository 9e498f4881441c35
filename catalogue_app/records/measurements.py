"""Structured rows read from the measurements text (register column 12), and text made from rows.

The text is kept exactly as entered. Rows are derived only when every part of it is understood;
otherwise ``parse_measurements`` returns None so that the record is flagged for review: nothing
is guessed, in particular neither a missing unit nor the meaning of an unlabelled number.

Understood:
- parts separated by ``;``, by a comma that is not a decimal comma, or simply by the next label:
  ``H. 49, l. 68.5 EP 3``;
- a part is a label, optional words, a value (decimal point or comma), a unit before or after the
  value, and an optional note in brackets or after a colon: ``H. 49 cm``, ``Hauteur en cm 18,5``,
  ``H. mm 40 (coeur)``, ``H. maximale 130``, ``Pds g 35``, ``H. cm 90 : jupe``. The words and
  the note are kept in the row's ``note``;
- labels, where case matters only for ``l.`` (width) and ``L.`` (length): H./Haut./Hauteur,
  l./la./Larg./Largeur, L./Lg/Long./Longueur, P./Pr./Prof./Profondeur, ép./E./Épaisseur,
  D./Diam./Diamètre/Ø, Circ./Circonférence/Tour, Poids/Pds;
- units mm, cm, m (lengths) and g, kg (weights). A part without a unit takes the unit of the next
  part with a unit of the same quantity (``H. 49 ; l. 68,5 ; ép. 3 cm``: all in cm), else the unit
  of a leading phrase (``Dimensions hors tout en cm : H. 49, l. 68.5 EP 3``), else the
  ``default_unit`` the caller states (a source whose convention is known, such as Joconde's cm);
- ``49 x 68,5 cm`` is height x width, ``49 x 68,5 x 3 cm`` adds the depth.
"""

import math
import re
from dataclasses import dataclass

LENGTH_UNITS = ("mm", "cm", "m")
WEIGHT_UNITS = ("g", "kg")
KINDS = (
    "height", "width", "length", "depth", "thickness", "diameter", "circumference", "weight"
)

_LABELS = {
    "h": "height", "haut": "height", "hauteur": "height",
    "la": "width", "larg": "width", "largeur": "width",
    "lg": "length", "long": "length", "longueur": "length",
    "p": "depth", "pr": "depth", "prof": "depth", "profondeur": "depth",
    "e": "thickness", "ep": "thickness", "ép": "thickness",
    "epaisseur": "thickness", "épaisseur": "thickness",
    "d": "diameter", "ø": "diameter", "diam": "diameter", "diametre": "diameter",
    "diamètre": "diameter",
    "circ": "circumference", "circonference": "circumference",
    "circonférence": "circumference", "tour": "circumference",
    "poids": "weight", "pds": "weight",
}
_LABEL_OUT = {
    "height": "H.", "width": "l.", "length": "L.", "depth": "P.", "thickness": "ép.",
    "diameter": "D.", "circumference": "Circ.", "weight": "Poids",
}

_Part = tuple[str, str, str | None, str]  # kind, value as written, unit or None, note

_UNIT = r"(?:mm|cm|kg|g|m)(?![^\W\d_])"
_NUMBER = r"\d+(?:[.,]\d+)?"
# "l" (width) and "L" (length) differ only by case: _kind_of tells them apart.
_LABEL = "|".join(sorted(_LABELS, key=len, reverse=True)) + "|l"
_PART = re.compile(
    rf"[\s;,]*(?P<label>{_LABEL})(?![^\W\d_])\.?"
    r"(?P<words>[^\d;,]*?)"
    rf"(?P<value>{_NUMBER})\s*(?P<unit>{_UNIT})?\.?"
    r"(?:\s*\((?P<note>[^()]*)\)|\s*:\s*(?P<colon_note>[^\d;,()]*[^\d;,()\s]))?"
    r"(?=[\s;,]|$)",
    re.IGNORECASE,
)
_UNIT_IN_WORDS = re.compile(rf"(?:\ben\s+)?\b(?P<unit>{_UNIT})", re.IGNORECASE)
_LEADING_PHRASE = re.compile(
    r"\s*(?:dimensions?|mesures?|dim\.)(?![^\W\d_])(?P<words>[^:\d]*):", re.IGNORECASE
)
_TIMES = re.compile(
    rf"\s*(?P<a>{_NUMBER})\s*[x×]\s*(?P<b>{_NUMBER})(?:\s*[x×]\s*(?P<c>{_NUMBER}))?"
    rf"\s*(?P<unit>{_UNIT})?\.?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MeasurementRow:
    """One measurement: ``MeasurementRow("height", 49.0, "cm")``; ``note`` qualifies it."""

    kind: str
    value: float
    unit: str
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown measurement kind {self.kind!r}; expected one of {KINDS}")
        units = _units_for(self.kind)
        if self.unit not in units:
            raise ValueError(f"unit {self.unit!r} does not measure a {self.kind}; use {units}")
        if not math.isfinite(self.value) or self.value < 0:
            raise ValueError(f"{self.kind} must be a number, zero or more, not {self.value!r}")


def parse_measurements(text: str, default_unit: str | None = None) -> list[MeasurementRow] | None:
    """Rows for every part of the text, or None when any part is not understood."""
    if default_unit is not None and default_unit not in LENGTH_UNITS + WEIGHT_UNITS:
        raise ValueError(f"unknown default unit {default_unit!r}")
    lead = _LEADING_PHRASE.match(text)
    if lead is not None:
        unit_in_lead = _UNIT_IN_WORDS.search(lead["words"])
        default_unit = unit_in_lead["unit"].lower() if unit_in_lead else default_unit
        text = text[lead.end():]
    times = _TIMES.fullmatch(text)
    if times is not None:
        values = [times[name] for name in "abc" if times[name] is not None]
        parts = [(kind, value, times["unit"], "") for kind, value in zip(
            ("height", "width", "depth"), values, strict=False)]
    else:
        parts = _labelled_parts(text)
    return None if not parts else _with_units(parts, default_unit)


def _labelled_parts(text: str) -> list[_Part] | None:
    parts: list[_Part] = []
    position = 0
    while text[position:].strip(" \t\n\u00a0;,"):
        match = _PART.match(text, position)
        if match is None:
            return None
        unit_before, words = _split_unit(match["words"])
        if unit_before and match["unit"] and unit_before != match["unit"].lower():
            return None  # "H. cm 30 mm"
        note = " ".join(n for n in (words, match["note"], match["colon_note"]) if n)
        kind = _kind_of(match["label"])
        parts.append((kind, match["value"], unit_before or match["unit"], note.strip()))
        position = match.end()
    return parts


def _units_for(kind: str) -> tuple[str, ...]:
    return WEIGHT_UNITS if kind == "weight" else LENGTH_UNITS


def _kind_of(label: str) -> str:
    if label == "L":
        return "length"
    return "width" if label == "l" else _LABELS[label.casefold()]


def _split_unit(words: str) -> tuple[str | None, str]:
    """The unit written before the value and the words left around it, as a note."""
    unit = _UNIT_IN_WORDS.search(words)
    if unit is not None:
        words = words[:unit.start()] + " " + words[unit.end():]
    note = " ".join(words.split()).strip(" .:()")
    return (unit["unit"].lower() if unit else None), note


def _with_units(parts: list[_Part], default_unit: str | None) -> list[MeasurementRow] | None:
    rows = []
    for index, (kind, value, unit, note) in enumerate(parts):
        units = _units_for(kind)
        if unit is None:
            later = (u.lower() for _, _, u, _ in parts[index + 1:] if u and u.lower() in units)
            unit = next(later, default_unit)
        if unit is None or unit.lower() not in units:
            return None
        rows.append(MeasurementRow(kind, float(value.replace(",", ".")), unit.lower(), note))
    return rows


def format_measurements(rows: list[MeasurementRow]) -> str:
    """Text for rows, as a curator would write it: ``H. 30 cm ; l. 20,5 cm``."""
    return " ; ".join(_format_row(row) for row in rows)


def _format_row(row: MeasurementRow) -> str:
    value = f"{row.value:.6f}".rstrip("0").rstrip(".").replace(".", ",")
    text = f"{_LABEL_OUT[row.kind]} {value} {row.unit}"
    return f"{text} ({row.note})" if row.note else text
