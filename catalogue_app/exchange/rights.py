"""Image licences as the URIs aggregators accept (Europeana, IIIF): Creative Commons and
rightsstatements.org, in their canonical http:// form.

Desks hold an image's licence as text. `licence()` reads the usual ways of writing one (a
URI, "CC BY-SA 4.0", "CC0", "domaine public", "Licence Ouverte 2.0", "tous droits réservés")
and gives its URI; the Licence Ouverte / Etalab 2.0, which Europeana does not list, is given as
CC BY 4.0 (which it is compatible with, attribution included) and named in the credit line. Any
other text has no URI: it is written as given and flagged (`Licence.uri` is None)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CC = "http://creativecommons.org/"
RS = "http://rightsstatements.org/vocab/"

# URI -> label, the controlled list.
LICENCES: dict[str, str] = {
    CC + "publicdomain/zero/1.0/": "CC0 1.0",
    CC + "publicdomain/mark/1.0/": "Public Domain Mark 1.0",
    **{f"{CC}licenses/{kind}/4.0/": f"CC {kind.upper()} 4.0"
       for kind in ("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd")},
    RS + "InC/1.0/": "In Copyright",
    RS + "InC-EDU/1.0/": "In Copyright - Educational Use Permitted",
    RS + "InC-NC/1.0/": "In Copyright - Non-Commercial Use Permitted",
    RS + "InC-OW-EU/1.0/": "In Copyright - EU Orphan Work",
    RS + "NoC-NC/1.0/": "No Copyright - Non-Commercial Use Only",
    RS + "NoC-OKLR/1.0/": "No Copyright - Other Known Legal Restrictions",
    RS + "CNE/1.0/": "Copyright Not Evaluated",
    RS + "UND/1.0/": "Copyright Undetermined",
    RS + "NKC/1.0/": "No Known Copyright",
}
ETALAB = "Licence Ouverte / Etalab 2.0"

# "CC BY-SA 4.0", "cc-by", "Creative Commons BY NC 4.0 International"; without a version,
# the current one (4.0); another version is not on the list.
_CC_WORDS = re.compile(r"^(?:cc|creative commons)[\s-]*(by(?:[\s-]+(?:nc|sa|nd))*)"
                       r"(?:[\s-]*(?:v|version)?[\s-]*(\d(?:\.\d)?))?"
                       r"(?:\s+(?:intl|international))?$")
# A licence's address, its deed or legal code pages and query included.
_URI = re.compile(r"^https?://(?:www\.)?((?:creativecommons|rightsstatements)\.org/[^?#]+?)/?"
                  r"(?:(?:deed|legalcode)(?:\.[a-z-]+)?)?(?:[?#].*)?$")
_WORDS = {
    "cc0": CC + "publicdomain/zero/1.0/",
    "cc0 1.0": CC + "publicdomain/zero/1.0/",
    "cc zero": CC + "publicdomain/zero/1.0/",
    "domaine public": CC + "publicdomain/mark/1.0/",
    "public domain": CC + "publicdomain/mark/1.0/",
    "tous droits reserves": RS + "InC/1.0/",
    "all rights reserved": RS + "InC/1.0/",
    "droits reserves": RS + "InC/1.0/",
}
_LABELS: dict[str, str] = {}  # filled below, once _plain is defined
_ETALAB = re.compile(r"^(?:licence ouverte|open licen[cs]e|etalab)\b")


@dataclass(frozen=True)
class Licence:
    text: str  # as the desk holds it
    uri: str | None  # None: not on the controlled list (flagged)
    credit_note: str = ""  # what the credit line must name besides (the Etalab licence)

    @property
    def label(self) -> str:
        return LICENCES.get(self.uri or "", self.text)


def licence(text: str) -> Licence:
    """The controlled licence a desk's text stands for."""
    words = _plain(text)
    found = _URI.match(text.strip())
    if found:
        # rightsstatements.org's pages (/page/) stand for its statements (/vocab/).
        uri = ("http://" + found.group(1) + "/").replace("rightsstatements.org/page/",
                                                         "rightsstatements.org/vocab/")
        return Licence(text, uri if uri in LICENCES else None)
    if _ETALAB.match(words):
        return Licence(text, CC + "licenses/by/4.0/", ETALAB)
    if words in _WORDS:
        return Licence(text, _WORDS[words])
    if words in _LABELS:  # a label of the list ("In Copyright", "Public Domain Mark 1.0")
        return Licence(text, _LABELS[words])
    cc = _CC_WORDS.match(words)
    if cc and cc.group(2) in (None, "4", "4.0"):
        kind = "-".join(cc.group(1).replace("-", " ").split())
        uri = f"{CC}licenses/{kind}/4.0/"
        return Licence(text, uri if uri in LICENCES else None)
    return Licence(text, None)


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(folded.replace("©", " ").replace("(c)", " ").split()).strip(" .")


_LABELS.update({_plain(label): uri for uri, label in LICENCES.items()})


def offered_labels() -> list[str]:
    """The controlled list as a desk offers it: Creative Commons first, the Licence Ouverte
    (exported as CC BY 4.0) beside them, then the rightsstatements.org statements."""
    labels = list(LICENCES.values())
    creative_commons = sum(uri.startswith(CC) for uri in LICENCES)
    return [*labels[:creative_commons], ETALAB, *labels[creative_commons:]]
