"""Plausible French museum records for the `--demo` catalogue and for benchmarks.

Records are built from *kinds* of object (a coiffe, a faience plate, a glass negative...): each
kind ties object names to the materials, techniques, makers, places, dates and theme that go
with them, so a generated coiffe is made of linen and tagged Textile > Coiffes, never of bronze. The
kinds and the pools of free text are data (resources/demo/, read by data.py).
Objects arrive in *lots* as in a real register (one acquisition act, one donor, consecutive
numbers `1978.3.1`, `1978.3.2`...), which also keeps inventory numbers unique by construction.

Everything is deterministic for a seed, Qt-free, and streamed: `generate_records` is a generator,
so 500,000 records never sit in memory together. Every label the kinds (kinds.json) use must
exist in the seed vocabularies and every theme path in the theme tree; loading checks it and
names what is missing.
"""

from __future__ import annotations

import io
import json
import random
import zlib
from bisect import bisect
from collections.abc import Iterator
from importlib import resources
from itertools import accumulate
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFont

from catalogue_app.demo.data import Kind, kinds, words

VOCABULARIES = ("designation", "material", "technique", "place", "person", "period")


# --- pools of realistic text (free text fields: not controlled vocabularies) ---------------------

_WORDS = words()
KINDS = kinds()
_MODES: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {
    family: (tuple(table["modes"]), tuple(table["weights"]))
    for family, table in _WORDS["modes"].items()}
_PURCHASES = frozenset(_WORDS["purchases"])
_CREDIT_LINES: dict[str, str] = _WORDS["credit_lines"]
_SURNAMES = tuple(_WORDS["surnames"])
_MEN = tuple(_WORDS["men"])
_WOMEN = tuple(_WORDS["women"])
_INSTITUTIONS = tuple(_WORDS["institutions"])
_VENDORS = tuple(_WORDS["vendors"])
_DEPOSITORS = tuple(_WORDS["depositors"])
_NORMANDY = tuple(_WORDS["normandy"])
_DECORS = tuple(_WORDS["decors"])
_DECORATED_SHAPES = frozenset({"plate", "vase", "vessel", "garment", "flat", "box", "furniture",
                               "tile", "jewel"})
_PICTURE_SHAPES = frozenset({"painting", "drawing", "frame", "negative"})
_NOTES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _WORDS["notes"].items()}
_EXHIBITIONS = tuple(_WORDS["exhibitions"])
_INSCRIPTIONS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in _WORDS["inscriptions"].items()}
_CONDITIONS = tuple(_WORDS["conditions"])
_OBSERVATIONS = tuple(_WORDS["observations"])
_PAIRS = frozenset(_WORDS["pairs"])
_TITLE_TOWNS = frozenset(_WORDS["title_towns"])
_ROMAN = ("", "Ier", "IIe", "IIIe", "IVe", "Ve", "VIe", "VIIe", "VIIIe", "IXe", "Xe", "XIe",
          "XIIe", "XIIIe", "XIVe", "XVe", "XVIe", "XVIIe", "XVIIIe", "XIXe", "XXe", "XXIe")
_NAMED_PERIODS = tuple(tuple(period) for period in _WORDS["named_periods"])
_MONTHS = tuple(_WORDS["months"])
# Dimension labels and (min, max) in cm, per shape; negatives come in standard plate sizes.
_DIMENSIONS: dict[str, tuple[tuple[str, float, float], ...]] = {
    shape: tuple(tuple(d) for d in dims) for shape, dims in _WORDS["dimensions"].items()}
_NEGATIVE_SIZES = tuple(_WORDS["negative_sizes"])


# --- resources -------------------------------------------------------------------------------


def _load_resource(*parts: str) -> dict:
    path = resources.files("resources").joinpath(*parts)
    return json.loads(path.read_text(encoding="utf-8"))


def load_vocabulary_labels(name: str) -> frozenset[str]:
    """The labels of one seed vocabulary (`resources/vocabularies/<name>.json`)."""
    terms = _load_resource("vocabularies", f"{name}.json")["terms"]
    return frozenset(term["label"] for term in terms)


def theme_ids_by_path() -> dict[str, str]:
    """Every node of `resources/themes.json` by its French path ("Textile > Dentelle")."""
    paths: dict[str, str] = {}

    def walk(nodes: list[dict], prefix: str) -> None:
        for node in nodes:
            path = f"{prefix}{node['label_fr']}"
            paths[path] = node["id"]
            walk(node["children"], f"{path} > ")

    walk(_load_resource("themes.json")["themes"], "")
    return paths


def _check_kinds_against_resources(theme_ids: dict[str, str]) -> None:
    """Fail loudly when a kind names a label or theme the resources lack (typo, renamed term)."""
    vocabularies = {name: load_vocabulary_labels(name) for name in VOCABULARIES}
    missing: list[str] = []
    for kind in KINDS:
        used = {
            "designation": kind.designations, "material": kind.materials,
            "technique": kind.techniques, "place": kind.places,
            "person": kind.makers + kind.patrons,
        }
        missing += [f"{vocabulary} '{label}' ({kind.theme})" for vocabulary, labels in used.items()
                    for label in labels if label not in vocabularies[vocabulary]]
        missing += [f"theme '{path}'" for path in (kind.theme, kind.extra_theme)
                    if path and path not in theme_ids]
    if missing:
        raise ValueError("demo data refers to terms missing from resources/: " + ", ".join(missing))


# --- generation ------------------------------------------------------------------------------


class _Weighted:
    """Values with relative weights, drawn by bisecting the cumulative weights."""

    def __init__(self, values: tuple, weights: tuple[int, ...]) -> None:
        self.values = values
        self.cumulative = tuple(accumulate(weights))


class _Dice:
    """The draws the generator needs, built on `Random.random()` alone: `Random.choice` and
    `randint` cost several times more per call, and 500,000 records make ~50 draws each."""

    def __init__(self, seed: int) -> None:
        self.generator = random.Random(seed)
        self.random = self.generator.random

    def pick(self, values: tuple | list):
        return values[int(self.random() * len(values))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def weighted(self, table: _Weighted):
        cumulative = table.cumulative
        return table.values[bisect(cumulative, self.random() * cumulative[-1])]


_KIND_TABLE = _Weighted(KINDS, tuple(kind.weight for kind in KINDS))
_REGISTERS = _Weighted(("main", "deposit", "historic"), (85, 8, 7))
_MODE_TABLES = {family: _Weighted(*modes) for family, modes in _MODES.items()}
_DATE_STYLES = _Weighted(("iso", "year", "annotated", "unknown"), (75, 15, 5, 5))
_NOTE_COUNTS = _Weighted((0, 1, 2), (35, 45, 20))
_FAMILY_NOTES = {family: _NOTES.get(family, ()) + _NOTES["default"] for family in _MODES}

class _Lot(NamedTuple):  # a tuple: built once per lot, 100,000 times for a large catalogue
    """One acquisition act: consecutive numbers sharing source, dates and credit line."""

    numbers: tuple[str, ...]
    year: int  # of acquisition: no object in the lot is made later
    kind: Kind
    mode: str
    source: str
    acquisition_date: str
    register_date: str
    committee_opinion: str
    price: str
    credit_line: str
    location: str  # objects of one acquisition are mostly stored together


def generate_records(count: int, seed: int = 0) -> Iterator[dict]:
    """Yield `count` plausible records keyed by the canonical field names (fields.py).

    The same seed always yields the same records; inventory numbers are unique within a call.
    """
    if count < 0:
        raise ValueError(f"count must be zero or more, not {count}")
    theme_ids = theme_ids_by_path()
    _check_kinds_against_resources(theme_ids)
    dice = _Dice(seed)
    lots = _lots(dice)
    produced = 0
    while produced < count:
        lot = next(lots)
        for number in lot.numbers[: count - produced]:
            kind = lot.kind if dice.random() < 0.7 else dice.weighted(_KIND_TABLE)
            if kind.years[0] > lot.year:
                kind = lot.kind
            yield _record(dice, lot, kind, number, theme_ids)
        produced += min(len(lot.numbers), count - produced)


def _lots(dice: _Dice) -> Iterator[_Lot]:
    last_lot: dict[tuple[str, int], int] = {}  # (register, year) -> last lot number
    historic = {"OA": dice.between(10000, 10500), "E": dice.between(1000, 1100)}
    while True:
        size = 1 + min(int(dice.generator.expovariate(0.2)), 150)
        register = dice.weighted(_REGISTERS)
        if register == "historic":
            year = dice.between(1850, 1945)
            kind = _kind_made_by(dice, year)
            prefix = dice.pick(("OA", "E"))
            numbers = []
            for _ in range(size):
                if numbers and not numbers[-1].endswith(" bis") and dice.random() < 0.05:
                    numbers.append(numbers[-1] + " bis")  # an object slipped in after the fact
                else:
                    historic[prefix] += 1
                    numbers.append(f"{prefix} {historic[prefix]}")
            yield _lot(dice, kind, tuple(numbers), year, register)
            continue
        year = dice.between(1946, 2024) if dice.random() < 0.8 else dice.between(1880, 1945)
        kind = _kind_made_by(dice, year)
        key = (register, year)
        last_lot[key] = lot_number = last_lot.get(key, 0) + 1
        # Museums wrote two-digit years in the post-war registers (56.8.31).
        written_year = str(year % 100) if 1946 <= year <= 1979 else str(year)
        prefix = "D." if register == "deposit" else ""
        numbers = tuple(f"{prefix}{written_year}.{lot_number}.{item}"
                        for item in range(1, size + 1))
        yield _lot(dice, kind, numbers, year, register)


def _kind_made_by(dice: _Dice, year: int) -> Kind:
    """A kind of object that existed by `year` (no D-Day helmet acquired in 1900)."""
    while True:
        kind = dice.weighted(_KIND_TABLE)
        if kind.years[0] <= year:
            return kind


def _lot(dice: _Dice, kind: Kind, numbers: tuple[str, ...], year: int,
         register: str) -> _Lot:
    if register == "deposit":
        mode, source = "dépôt", _fill(dice.pick(_DEPOSITORS), dice)
    else:
        mode = dice.weighted(_MODE_TABLES[kind.family])
        source = _source(dice, mode)
    month, day = dice.between(1, 12), dice.between(1, 28)
    if register == "historic":
        acquisition_date = dice.pick((str(year), "", "date d'acquisition inconnue"))
        register_date = dice.pick(("", f"{year}-{month:02d}-{day:02d}"))
    else:
        style = dice.weighted(_DATE_STYLES)
        if style == "iso":
            acquisition_date = f"{year}-{month:02d}-{day:02d}"
        elif style == "year":
            acquisition_date = str(year)
        elif style == "annotated":  # as typed in old registers: 1973/02/27 décision dation
            acquisition_date = f"{year}/{month:02d}/{day:02d} décision {mode}"
        else:
            acquisition_date = ""
        register_month = min(12, month + dice.between(0, 6))
        register_date = f"{year}-{register_month:02d}-{day:02d}" if dice.random() < 0.98 else ""
    committee_opinion = ""
    if year >= 2003 and mode in _PURCHASES | {"don", "legs", "dation"}:
        committee_opinion = (f"Avis favorable de la commission scientifique régionale "
                             f"d'acquisition du {day} {_MONTHS[month - 1]} {year}")
    price = _price(dice, year, len(numbers)) if mode in _PURCHASES else ""
    credit_line = _CREDIT_LINES[mode].format(source=_of(source))
    if mode == "achat" and committee_opinion and dice.random() < 0.5:
        credit_line = "Achat avec l'aide du Fonds régional d'acquisition des musées (FRAM)"
    if acquisition_date:
        credit_line += f", {year}"
    return _Lot(numbers, year, kind, mode, source, acquisition_date, register_date,
                committee_opinion, price, credit_line, _location(dice))


def _source(dice: _Dice, mode: str) -> str:
    if mode in ("fouilles", "transfert de propriété"):
        return ""
    if mode in _PURCHASES:
        return _fill(dice.pick(_VENDORS), dice)
    if dice.random() < 0.15:
        return _fill(dice.pick(_INSTITUTIONS), dice)
    return _person(dice)


# French needs the article: "Don de la Société...", "Dépôt du Musée du Louvre", "Legs de M. ...".
_OF_BY_FIRST_WORD: dict[str, str] = _WORDS["articles"]


def _of(source: str) -> str:
    article = _OF_BY_FIRST_WORD.get(source.split(" ", 1)[0], "de")
    return f"{article}{'' if article.endswith(chr(39)) else ' '}{source}"


def _person(dice: _Dice) -> str:
    surname = dice.pick(_SURNAMES)
    form = int(dice.random() * 6)
    if form == 0:
        return f"Mme veuve {surname}"
    if form == 1:
        return f"Famille {surname}"
    if form == 2:
        return f"M. et Mme {surname}"
    if form == 3:
        return f"M. {dice.pick(_MEN)} {surname}"
    return f"Mme {dice.pick(_WOMEN)} {surname}"


def _fill(template: str, dice: _Dice) -> str:
    if "{person}" in template:
        return template.format(person=_person(dice))
    if "{place}" in template:
        return template.format(place=dice.pick(_TITLE_TOWNS_SORTED))
    return template


def _price(dice: _Dice, year: int, items: int) -> str:
    amount = int(dice.generator.lognormvariate(7.5, 1.2)) // 10 * 10 + 10
    text = f"{amount:,}".replace(",", " ") + (" F" if year < 2002 else " €")
    if items > 1:
        text += " pour le lot"
    if year >= 2003 and dice.random() < 0.3:
        text += " (dont subvention FRAM : 50 %)"
    return text


def _record(dice: _Dice, lot: _Lot, kind: Kind, number: str,
            theme_ids: dict[str, str]) -> dict:
    random_ = dice.random
    designation = dice.pick(kind.designations)
    materials = _sample(dice, kind.materials, 3)
    # An aquarelle is made in watercolour: an object name that is a technique decides it.
    # A photograph or a painting has one process; objects often combine several.
    techniques = ([designation] if designation in kind.techniques
                  else _sample(dice, kind.techniques, 1 if kind.shape in _PICTURE_SHAPES else 2))
    place = dice.pick(kind.places) if kind.places and random_() < 0.85 else (
        dice.pick(_NORMANDY) if random_() < 0.6 else "")
    year = dice.between(kind.years[0], min(kind.years[1], lot.year)) if kind.years[1] else 0
    authors = _authors(dice, kind)
    parts = 2 if designation in _PAIRS else (dice.between(2, 12) if random_() < 0.06 else 1)
    if parts == 2 and not lot.numbers[0].startswith(("OA", "E")) and random_() < 0.1:
        number = f"{number}.1 ; {number}.2"  # a pair registered as a set, one record
    themes = [theme_ids[kind.theme]]
    if kind.extra_theme and random_() < 0.5:
        themes.append(theme_ids[kind.extra_theme])
    titles = kind.titles
    title = ""
    if titles and random_() < 0.8:
        town = place if place in _TITLE_TOWNS else dice.pick(_TITLE_TOWNS_SORTED)
        title = dice.pick(titles).format(place=town)
    record = {
        "inventory_number": number,
        "acquisition_mode": lot.mode,
        "acquisition_source": lot.source,
        "acquisition_date": lot.acquisition_date,
        "committee_opinion": lot.committee_opinion,
        "acquisition_price": lot.price,
        "register_date": lot.register_date,
        "designation": designation,
        "inscriptions": _inscription(dice, kind, authors, year, place) if random_() < 0.45 else "",
        "materials": materials,
        "techniques": techniques,
        "measurements": _measurements(dice, kind.shape),
        "condition_at_acquisition": dice.pick(_CONDITIONS) if random_() < 0.6 else "",
        "authors": authors,
        "dating": _dating(dice, kind, year),
        "function": kind.function,
        "origin_place": place,
        "observations": _fill_observation(dice) if random_() < 0.25 else "",
        "title": title,
        "description": "",  # written last, from the other fields
        "subjects": _sample(dice, kind.subjects, 2) if kind.subjects and random_() < 0.7 else [],
        "number_of_parts": str(parts),  # stored as entered text, like every single value
        "current_location": lot.location if random_() < 0.7 else _location(dice),
        "credit_line": lot.credit_line,
        "public": bool(lot.register_date) and random_() < 0.6,
        "themes": themes,
        # The deposits register is the lot's legal status; the D prefix only follows custom.
        "legal_status": "deposit" if lot.mode == "dépôt" else "inventory",
        "depositor": lot.source if lot.mode == "dépôt" else "",
        "deposit_owner_number": "", "deposit_reference": "", "deposit_term": "",
        "deposit_returned": "", "former_numbers": [],
        "status": "active", "deaccession_case": "", "deaccession_date": "",
        "deaccession_decision": "",
        "inscribed": bool(lot.register_date), "rectifications": [], "recolement_checks": [],
        "domains": [], "joconde_ref": "", "bibliography": "", "exhibitions": "",
        "ownership_history": "", "movements": [], "loans": [], "condition_reports": [],
    }
    record["description"] = _description(dice, kind, record, year)
    return record


_TITLE_TOWNS_SORTED = tuple(sorted(_TITLE_TOWNS))  # a sequence, in a fixed order


def _sample(dice: _Dice, labels: tuple[str, ...], most: int) -> list[str]:
    """One to `most` distinct labels, the first of the kind's list being the commonest."""
    if not labels:
        return []
    first = labels[0] if dice.random() < 0.4 else dice.pick(labels)
    chosen = [first]
    for _ in range(int(dice.random() * most)):
        label = dice.pick(labels)
        if label not in chosen:
            chosen.append(label)
    return chosen


def _authors(dice: _Dice, kind: Kind) -> list[dict]:
    authors: list[dict] = []
    if kind.makers and dice.random() < kind.maker_rate:
        role = kind.maker_role if dice.random() < 0.85 else None
        authors.append({"name": dice.pick(kind.makers), "role": role})
        second = dice.pick(kind.makers)
        # Two makers (engraver and printer, sculptor and founder), never two painters.
        if kind.maker_role == "maker" and dice.random() < 0.12 and second != authors[0]["name"]:
            authors.append({"name": second, "role": role})
    if kind.patrons and dice.random() < 0.15:
        authors.append({"name": dice.pick(kind.patrons), "role": kind.patron_role})
    return authors


def _dating(dice: _Dice, kind: Kind, year: int) -> str:
    if kind.periods:
        return dice.pick(kind.periods)
    if not year:
        return ""
    century = (year - 1) // 100 + 1
    roman = _ROMAN[century]
    in_century = (year - 1) % 100
    style = dice.random()
    if style < 0.22:
        return f"{roman} siècle"
    if style < 0.30:
        return f"{century}e siècle"
    if style < 0.45:
        return f"vers {year // 5 * 5}"
    if style < 0.55:
        decade = year // 10 * 10
        return f"{decade}-{decade + 10}"
    if style < 0.63:
        return f"{'1re' if in_century < 50 else '2e'} moitié du {roman} siècle"
    if style < 0.70:
        quarter = in_century // 25 + 1
        return f"{'1er' if quarter == 1 else f'{quarter}e'} quart {century}e siècle"
    if style < 0.84:
        return str(year)
    if style < 0.92:
        return f"entre {year} et {year + dice.pick((5, 10, 20))}"
    for first, last, name in _NAMED_PERIODS:
        if first <= year <= last:
            return name
    moment = "début" if in_century < 30 else "fin" if in_century > 70 else "milieu"
    return f"{moment} du {roman} siècle"


def _cm(dice: _Dice, low: float, high: float) -> str:
    """A length between low and high as a curator writes it: whole, or to the half below 20."""
    if high < 20:
        halves = int((low + (high - low) * dice.random()) * 2)
        return f"{halves // 2},5" if halves % 2 else str(halves // 2)
    return str(int(low + (high - low) * dice.random()))


def _measurements(dice: _Dice, shape: str) -> str:
    style = dice.random()
    if style < 0.06:
        return ""
    if shape == "negative":
        return dice.pick(_NEGATIVE_SIZES)
    dims = [f"{label} {_cm(dice, low, high)}" for label, low, high in _DIMENSIONS[shape]]
    if style < 0.10:  # as typed in an old database
        return "Dimensions hors tout en cm : " + ", ".join(dims).replace(",5", ".5")
    text = " ; ".join(dims) + " cm"
    if shape == "coin" and style < 0.6:
        text += f" ; poids {_cm(dice, 1, 40)} g"
    return text


def _signature(authors: list[dict], dice: _Dice) -> str:
    if not authors:
        return dice.pick(_SURNAMES)
    surname, _, first_names = authors[0]["name"].partition(", ")
    return f"{first_names[0]}. {surname}" if first_names else surname


def _inscription(dice: _Dice, kind: Kind, authors: list[dict], year: int,
                 place: str) -> str:
    templates = _INSCRIPTIONS[kind.marks]
    if not templates:
        return ""
    initials = f"{dice.pick(_WOMEN)[0]}.{dice.pick(_SURNAMES)[0]}."
    return dice.pick(templates).format(
        initials=initials, number=dice.between(1, 999), signature=_signature(authors, dice),
        year=year or "", place=place or "Rouen")


def _description(dice: _Dice, kind: Kind, record: dict, year: int) -> str:
    designation, techniques = record["designation"], record["techniques"]
    name = designation[0].upper() + designation[1:]
    if kind.family == "natural":
        first = f"{name} : {record['title']}." if record["title"] else f"{name}."
    elif kind.shape in _PICTURE_SHAPES:
        first = f"{name}, {techniques[0]}." if techniques else f"{name}."
        if record["subjects"]:
            first += f" Sujet : {', '.join(record['subjects'])}."
    else:
        made_of = " et ".join(record["materials"][:2])
        if kind.shape in _DECORATED_SHAPES and (dice.random() < 0.5 or not techniques):
            first = f"{name} en {made_of}, {dice.pick(_DECORS)}."
        elif techniques:
            first = f"{name} en {made_of}, {techniques[0]}."
        else:
            first = f"{name} en {made_of}."
    sentences = [first]
    for _ in range(dice.weighted(_NOTE_COUNTS)):
        note = dice.pick(_FAMILY_NOTES[kind.family]).format(
            place=record["origin_place"] or "Rouen", exhibition=dice.pick(_EXHIBITIONS),
            century=f"{_ROMAN[(year - 1) // 100 + 1]} siècle" if year else "XIXe siècle")
        if note not in sentences:
            sentences.append(note)
    return " ".join(sentences)


def _fill_observation(dice: _Dice) -> str:
    return dice.pick(_OBSERVATIONS).format(number=dice.between(1, 9999),
                                            year=dice.between(1990, 2024))


def _location(dice: _Dice) -> str:
    style = dice.random()
    if style < 0.55:
        return (f"Réserve {dice.pick('ABCD')}, travée {dice.between(1, 40)}, "
                f"étagère {dice.between(1, 8)}")
    if style < 0.85:
        return f"Salle {dice.between(1, 24)}"
    if style < 0.95:
        return f"Réserve externe, caisse {dice.between(1, 600)}"
    return "En prêt"


# --- placeholder photographs -----------------------------------------------------------------

_SHAPE_BY_DESIGNATION: dict[str, str] = {}
for _kind in KINDS:
    for _designation in _kind.designations:
        _SHAPE_BY_DESIGNATION.setdefault(_designation, _kind.shape)
_OUTLINES = {  # the shape families drawn by _draw_object
    "round": {"plate", "coin"},
    "vase": {"vase", "vessel"},
    "flat": {"painting", "drawing", "frame", "negative", "card", "tile", "flat"},
    "garment": {"garment"},
    "figure": {"figure", "small"},
    "long": {"tool", "blade"},
}
# The object's colour follows its first material (first word found in its label wins).
_MATERIAL_COLOURS = tuple((word, tuple(colour)) for word, colour in _WORDS["material_colours"])


def demo_image(record: dict, index: int, size: tuple[int, int] = (1200, 900)) -> bytes:
    """A JPEG that stands in for a photograph of the record's object: a studio backdrop, the
    object's outline in the colour of its material, the inventory number small in a corner.
    The same record and index always give the same bytes; `index` varies the framing."""
    width, height = size
    dice = _Dice(zlib.crc32(f"{record['inventory_number']}/{index}".encode()))
    # A vertical grey sweep, drawn as two pixels and stretched (cheap at any size).
    backdrop = Image.new("L", (1, 2))
    backdrop.putdata([236 - int(dice.random() * 20), 168 + int(dice.random() * 30)])
    image = backdrop.resize(size, Image.Resampling.BILINEAR).convert("RGB")
    draw = ImageDraw.Draw(image)
    scale = 0.55 + 0.25 * dice.random() if index == 0 else 0.8 + 0.15 * dice.random()
    box_w, box_h = width * scale * 0.6, height * scale * 0.75
    centre_x = width / 2 + (dice.random() - 0.5) * width * 0.1
    centre_y = height * 0.48
    box = (centre_x - box_w / 2, centre_y - box_h / 2, centre_x + box_w / 2, centre_y + box_h / 2)
    draw.ellipse((box[0], box[3] - box_h * 0.06, box[2], box[3] + box_h * 0.08), fill=(120,) * 3)
    shape = _SHAPE_BY_DESIGNATION.get(record.get("designation", ""), "box")
    _draw_object(draw, shape, box, _colour(record.get("materials") or []))
    font = ImageFont.load_default(size=max(10, height // 45))
    draw.text((width - 12, height - 10), record["inventory_number"], fill=(70, 70, 70),
              font=font, anchor="rd")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _colour(materials: list[str]) -> tuple[int, int, int]:
    words = set(materials[0].split()) if materials else set()  # whole words: "or" is not "support"
    for word, colour in _MATERIAL_COLOURS:
        if word in words:
            return colour
    return (150, 120, 90)


def _draw_object(draw: ImageDraw.ImageDraw, shape: str,
                 box: tuple[float, float, float, float], colour: tuple[int, int, int]) -> None:
    left, top, right, bottom = box
    w, h = right - left, bottom - top
    cx = (left + right) / 2
    edge = tuple(max(0, c - 50) for c in colour)
    outline = next((name for name, shapes in _OUTLINES.items() if shape in shapes), "box")
    if outline == "round":
        side = min(w, h)
        disc = (cx - side / 2, bottom - side, cx + side / 2, bottom)
        draw.ellipse(disc, fill=colour, outline=edge, width=4)
        inset = side * 0.18
        draw.ellipse((disc[0] + inset, disc[1] + inset, disc[2] - inset, disc[3] - inset),
                     outline=edge, width=3)
    elif outline == "vase":
        draw.polygon([(cx - w * 0.12, top), (cx + w * 0.12, top), (cx + w * 0.1, top + h * 0.15),
                      (cx + w * 0.35, top + h * 0.55), (cx + w * 0.2, bottom),
                      (cx - w * 0.2, bottom), (cx - w * 0.35, top + h * 0.55),
                      (cx - w * 0.1, top + h * 0.15)], fill=colour, outline=edge, width=4)
    elif outline == "flat":
        draw.rectangle(box, fill=edge)
        draw.rectangle((left + w * 0.06, top + h * 0.06, right - w * 0.06, bottom - h * 0.06),
                       fill=colour)
    elif outline == "garment":
        draw.polygon([(cx - w * 0.15, top), (cx + w * 0.15, top), (cx + w * 0.45, top + h * 0.2),
                      (cx + w * 0.3, top + h * 0.3), (cx + w * 0.4, bottom),
                      (cx - w * 0.4, bottom), (cx - w * 0.3, top + h * 0.3),
                      (cx - w * 0.45, top + h * 0.2)], fill=colour, outline=edge, width=4)
    elif outline == "figure":
        head = w * 0.12
        draw.ellipse((cx - head, top, cx + head, top + head * 2), fill=colour, outline=edge)
        draw.polygon([(cx - w * 0.14, top + head * 2), (cx + w * 0.14, top + head * 2),
                      (cx + w * 0.22, bottom), (cx - w * 0.22, bottom)],
                     fill=colour, outline=edge, width=3)
    elif outline == "long":
        draw.polygon([(left, bottom - h * 0.1), (right - w * 0.12, top + h * 0.25),
                      (right, top + h * 0.32), (left + w * 0.05, bottom)],
                     fill=colour, outline=edge, width=4)
    else:
        draw.rectangle((left, top + h * 0.25, right, bottom), fill=colour, outline=edge, width=4)
        draw.line((left, top + h * 0.4, right, top + h * 0.4), fill=edge, width=3)
