"""The portal's languages: French by default, English with `?lang=en` (design.md §12).

Templates and this package write English message ids; the French words come from the gettext
catalogue resources/translations/portal_fr.po (compiled to .mo and kept up to date by
scripts/portal_messages.py). Numbers are written the way each language writes them (Babel)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from babel import Locale
from babel.numbers import get_group_symbol
from starlette.requests import Request

from catalogue_app.messages import TRANSLATIONS_DIR

LANGUAGES = ("fr", "en")
DEFAULT = "fr"
MO_FILE = TRANSLATIONS_DIR / "portal_fr.mo"
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
          ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def language(request: Request) -> str:
    asked = request.query_params.get("lang", DEFAULT)
    return asked if asked in LANGUAGES else DEFAULT


@cache
def translations(lang: str, mo_file: Path = MO_FILE) -> gettext.NullTranslations:
    if lang == "fr":
        with mo_file.open("rb") as file:
            return gettext.GNUTranslations(file)
    return gettext.NullTranslations()


LOCALES = {"fr": Locale.parse("fr_FR"), "en": Locale.parse("en_GB")}
# Both group a whole number's digits by three from 1,000 (Babel's format_decimal), only with
# their own symbol: Python's grouping with that symbol writes the same ~30 times faster, and a
# search page writes ~100 counts (Babel's took a sixth of the page's making).
_GROUPS = {lang: get_group_symbol(locale) for lang, locale in LOCALES.items()}


def number(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", _GROUPS[lang])


def century(value: int, lang: str) -> str:
    """19 -> "XIXe siècle" or "19th century"; 0 and below are the centuries BC."""
    before = value <= 0
    n = 1 - value if before else value
    if lang == "fr":
        label = f"{_roman(n)}{'er' if n == 1 else 'e'} siècle"
        return label + (" av. J.-C." if before else "")
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix} century" + (" BC" if before else "")


def _roman(n: int) -> str:
    out = []
    for letters, amount in _ROMAN:
        while n >= amount:
            out.append(letters)
            n -= amount
    return "".join(out)
