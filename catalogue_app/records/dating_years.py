"""Earliest and latest years derived from a French free-text dating (register column 15).

The text is only read, never rewritten. Years are signed: -200 is 200 BC, there is no year 0.

Conventions:
- A century N runs from 100*(N-1)+1 to 100*N: ``XIXe siècle`` -> 1801-1900; before Christ
  it runs backwards: ``IIe siècle av. J.-C.`` -> -200..-101.
- A part of a century divides it in time order: ``2e moitié du XVIIIe siècle`` -> 1751-1800,
  ``1er quart 20e siècle`` -> 1901-1925, ``3e tiers`` -> 1867-1900 for the XIXe.
- ``début`` and ``fin`` are the first and last quarter; ``milieu`` the central thirty years
  (``milieu du XIXe`` -> 1836-1865).
- ``vers 1850`` -> 1845-1855: five years either side, also of a range (``vers 1830-1840``).
- ``années 1920`` -> 1920-1929.
- A range (``1880-1890``, ``1880-90``, ``1880 / 1890``, ``de 1880 à 1890``,
  ``entre 1880 et 1890``, ``XVIIIe-XIXe siècle``, ``fin XVIIIe - début XIXe``) runs from the
  start of its first dating to the end of its second; a range that runs backwards is refused.
- Several datings separated by ``;``, ``,`` or ``ou`` give their union.
- A dating longer than 100 characters between separators is a note, not a dating: None.
- Open bounds (``avant 1914``, ``après 1945``), doubts (``?``), two-digit years, named periods
  (``Second Empire``) and anything else not understood give None: the curator types the years.
"""

import re
from collections.abc import Callable
from functools import lru_cache

from catalogue_app.folding import fold

YearRange = tuple[int, int]

_ABOUT_YEARS = 5
_LONGEST_SEGMENT = 100  # also bounds the work on pasted paragraphs (ranges try each separator)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ORDINAL_WORDS = {
    "premier": 1, "premiere": 1, "second": 2, "seconde": 2, "deuxieme": 2,
    "troisieme": 3, "quatrieme": 4, "dernier": -1, "derniere": -1,
}
_PART_DIVISORS = {"moitie": 2, "tiers": 3, "quart": 4}

_BC = r"(?:av(?:ant|\.)?\s*(?:j\.?\s*-?\s*c\.?|jesus[\s-]*christ|notre\s+ere|n\.\s*e\.)|bce?)"
_AD = r"(?:ap(?:res|r?\.)?\s*(?:j\.?\s*-?\s*c\.?|jesus[\s-]*christ)|ad)"
_ERA = rf"(?:\s*(?:(?P<bc>{_BC})|{_AD}))?"
_OF = r"(?:(?:du|de\s+la|de|d')\s*)?"
_YEAR = re.compile(rf"(?P<year>\d{{1,4}}){_ERA}")
_DECADE = re.compile(r"annees\s+(?P<year>\d{3,4})")
_CENTURY = re.compile(
    r"(?:(?P<edge>debut|milieu|fin)\s+"
    r"|(?:(?P<ord>[1-4])\s*(?:ere|er|re|nde|nd|eme|e)|(?P<ordword>[a-z]+))"
    r"\s+(?P<part>moitie|tiers|quart)\s+)?"
    + _OF
    + r"(?P<num>[ivxlc]+|\d{1,2})\s*(?P<suffix>eme|ere|er|re|e)?"
    r"(?:\s*(?P<word>siecles?|s\.))?"
    + _ERA
)
_ABOUT = re.compile(r"(?:vers|circa|ca\.|c\.|env\.|environ)\s*")
_RANGE_START = re.compile(r"(?:entre|de|du)\s+")
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|/|\ba\b|\bet\b|\bau\b)\s*")
_ERA_BC_AT_END = re.compile(rf"\s*{_BC}$")
_UNION_SEPARATOR = re.compile(r";|,|\bou\b")


# A catalogue repeats its datings ("XIXe siècle"): an import of 70,000 records meets a few
# thousand different ones, and the record service reads each dating it saves.
@lru_cache(maxsize=4096)
def parse_dating(text: str) -> YearRange | None:
    """Return (earliest, latest) for a free-text dating, or None if it cannot be understood."""
    ranges = []
    for segment in _UNION_SEPARATOR.split(_normalise(text)):
        segment = segment.strip()
        if not segment:
            continue
        found = _parse_segment(segment) if len(segment) <= _LONGEST_SEGMENT else None
        if found is None:
            return None
        ranges.append(found)
    if not ranges:
        return None
    return min(lo for lo, _ in ranges), max(hi for _, hi in ranges)


def _normalise(text: str) -> str:
    """Lower case without accents, ``XIX°`` spelt ``XIXe``, single spaces."""
    plain = fold(text).replace("°", "e").replace("\u2019", "'")
    return re.sub(r"\s+", " ", plain).strip()


def _parse_segment(segment: str) -> YearRange | None:
    about = _ABOUT.match(segment)
    if about is None:
        return _parse_range(segment, _parse_point)
    years = _parse_range(segment[about.end():], _parse_year)  # "vers" only qualifies years
    return None if years is None else (years[0] - _ABOUT_YEARS, years[1] + _ABOUT_YEARS)


def _parse_range(
    text: str, parse_one: Callable[[str], YearRange | None]
) -> YearRange | None:
    single = parse_one(text)
    if single is not None:
        return single
    start = _RANGE_START.match(text)
    if start is not None:
        text = text[start.end():]
    # Separators also occur inside "av. J.-C.": try each until both sides make sense.
    for separator in _RANGE_SEPARATOR.finditer(text):
        left, right = text[:separator.start()], text[separator.end():]
        if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{2}", right):
            right = left[:2] + right  # 1880-90
        era = _ERA_BC_AT_END.search(right)
        if era is not None and _ERA_BC_AT_END.search(left) is None:
            left += era.group()  # "IIe-Ier siècle av. J.-C.": the era belongs to both ends
        first, second = parse_one(left), parse_one(right)
        if first is not None and second is not None:
            return (first[0], second[1]) if first[0] <= second[0] else None
    return None


def _parse_point(text: str) -> YearRange | None:
    return _parse_year(text) or _parse_decade(text) or _parse_century(text)


def _parse_year(text: str) -> YearRange | None:
    match = _YEAR.fullmatch(text)
    if match is None:
        return None
    year = int(match["year"])
    if match["bc"]:
        year = -year
    elif len(match["year"]) < 3:
        return None  # "50" alone could be anything
    return None if year == 0 else (year, year)


def _parse_decade(text: str) -> YearRange | None:
    match = _DECADE.fullmatch(text)
    if match is None or int(match["year"]) % 10:
        return None
    year = int(match["year"])
    return year, year + 9


def _parse_century(text: str) -> YearRange | None:
    match = _CENTURY.fullmatch(text)
    if match is None or not (match["suffix"] or match["word"]):
        return None
    number = _century_number(match["num"])
    if number is None or not (1 <= number <= (100 if match["bc"] else 21)):
        return None
    if match["bc"]:
        first, last = -100 * number, -100 * (number - 1) - 1
    else:
        first, last = 100 * (number - 1) + 1, 100 * number
    return _part_of(first, last, match)


def _century_number(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    value = 0
    for here, after in zip(numeral, numeral[1:] + " ", strict=True):
        digit = _ROMAN[here]
        value += -digit if _ROMAN.get(after, 0) > digit else digit
    return value if _to_roman(value) == numeral else None  # refuses "iiii", "ic"...


def _to_roman(value: int) -> str:
    out = ""
    for digit, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
                           (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, value = divmod(value, digit)
        out += letters * count
    return out


def _part_of(first: int, last: int, match: re.Match[str]) -> YearRange | None:
    """Narrow a century to ``début``/``milieu``/``fin`` or to the n-th half, third or quarter."""
    if match["edge"] == "debut":
        return first, first + 24
    if match["edge"] == "milieu":
        return first + 35, first + 64
    if match["edge"] == "fin":
        return last - 24, last
    if match["part"] is None:
        return first, last
    divisor = _PART_DIVISORS[match["part"]]
    index = int(match["ord"]) if match["ord"] else _ORDINAL_WORDS.get(match["ordword"])
    if index == -1:
        index = divisor
    if index is None or not 1 <= index <= divisor:
        return None
    length = last - first + 1
    return first + length * (index - 1) // divisor, first + length * index // divisor - 1


# Joconde's millésime writes each qualifier after its year: "1830 vers", "1867 après",
# "1800 entre,1900 et" (between 1800 and 1900).
_QUALIFIER_AFTER = re.compile(r"^(?P<years>\d{3,4}(?:\s*-\s*\d{2,4})?)\s+"
                              r"(?P<word>vers|apres|avant|entre|et)$")
_OPEN_BOUND = re.compile(r"^(?P<word>apres|avant) (?P<year>\d{3,4})$")


def parse_years(text: str) -> tuple[int | None, int | None] | None:
    """(earliest, latest) from a column of years: one year or a range in any wording
    parse_dating knows, or a Joconde millésime; an open bound (après 1867) gives one of the
    two. None when nothing is understood."""
    segments = [_normalise(s) for s in text.split(",")]
    matches = [_QUALIFIER_AFTER.match(s) for s in segments]
    if any(matches):
        text = " ".join(f"{m['word']} {m['years']}" if m else s
                        for m, s in zip(matches, segments, strict=True))
    years = parse_dating(text)
    if years is not None:
        return years
    bound = _OPEN_BOUND.match(_normalise(text))
    if bound is None:
        return None
    year = int(bound["year"])
    return (year, None) if bound["word"] == "apres" else (None, year)
