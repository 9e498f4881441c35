"""The search box's language, parsed into a safe FTS5 expression plus SQL filters.

    words              all must match (accents and case ignored)
    "exact phrase"     the words in this order
    prefix*            words starting with prefix
    -word, -"phrase"   records without it
    a OR b             either
    inv: designation: material: author:   the word or phrase in that field only
    theme:dentelle     records tagged with a matching theme or one of its sub-themes
    year:1850..1900    dated within (or overlapping) the years; also year:1850, year:..1900
    has:image  public:yes|no
    loan:out (prêt:sorti)   loan:overdue (prêt:retard)   objects away on loan, loans overdue

User text never reaches FTS5 as it is: every word is reduced to the tokens the index holds
(letters and digits) and quoted, so no input can make an FTS syntax error. What cannot be
understood (an unknown field, a lone `-`, an unterminated quote) is read as plain words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalogue_app.folding import fold
from catalogue_app.protocol import normalise_inventory_number

# The FTS columns a user may name, by the name they type (French names too).
FIELD_COLUMNS = {
    "inv": "inventory", "inventaire": "inventory", "designation": "designation",
    "title": "title", "titre": "title", "material": "material", "matiere": "material",
    "author": "author", "auteur": "author",
}
FILTER_NAMES = ("theme", "year", "annee", "has", "a", "public", "diffusable", "loan", "pret")
# What loan: / prêt: take, by the word typed (French words too): catalogue_app.loans.sql.
LOAN_WORDS = {"out": "out", "away": "out", "sorti": "out", "sortis": "out", "dehors": "out",
              "overdue": "overdue", "late": "overdue", "retard": "overdue"}
_YES = frozenset({"yes", "oui", "true", "1", "y", "o"})
_NO = frozenset({"no", "non", "false", "0", "n"})
_TOKEN = re.compile(r"[^\W_]+")  # what unicode61 keeps as a token: letters, digits
_LEXEME = re.compile(r'(-?)(?:([^\W\d_]+):)?(?:"([^"]*)"?|(\S+))')
_YEARS = re.compile(r"^(-?\d{1,4})?(?:\.\.(-?\d{1,4})?)?$")
MAX_TERMS = 32  # a pasted page of text searches its first words, not a 2,000-term query


@dataclass(frozen=True)
class Term:
    tokens: tuple[str, ...]
    prefix: bool = False
    column: str | None = None

    def fts(self) -> str:
        phrase = '"' + " ".join(self.tokens) + '"' + (" *" if self.prefix else "")
        return f"{{{self.column}}} : {phrase}" if self.column else phrase


@dataclass
class Query:
    """A parsed search: OR-groups of terms that must all match, exclusions and filters."""

    text: str
    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # folded label fragments
    year_from: int | None = None
    year_to: int | None = None
    has_image: bool | None = None
    public: bool | None = None
    loans: str | None = None  # "out" or "overdue"
    # Set by the object list's filter panel only (no search syntax).
    designation: str | None = None
    acquired_from: int | None = None  # acquisition year range
    acquired_to: int | None = None

    @property
    def inventory_key(self) -> str:
        """The whole text as an inventory number, for the exact match that comes first."""
        return normalise_inventory_number(self.text)

    def match(self) -> str:
        """The FTS5 expression of the wanted terms ('' when there is none)."""
        return " AND ".join(
            group[0].fts() if len(group) == 1 else "(" + " OR ".join(t.fts() for t in group) + ")"
            for group in self.groups
        )

    def exclusion(self) -> str:
        return " OR ".join(term.fts() for term in self.excluded)

    def filters_are_empty(self) -> bool:
        """Nothing to check beside the index (themes are in the index too)."""
        return all(value is None for value in (
            self.has_image, self.public, self.loans, self.year_from, self.year_to,
            self.designation, self.acquired_from, self.acquired_to))


def parse(text: str) -> Query:
    query = Query(text.strip())
    pending_or = False
    for match in _LEXEME.finditer(text):
        if sum(len(g) for g in query.groups) + len(query.excluded) >= MAX_TERMS:
            break
        minus, name, phrase, word = match.groups()
        if word == "OR" and not minus and not name:
            pending_or = bool(query.groups)
            continue
        value = phrase if phrase is not None else word
        if name and not minus and fold(name) in FILTER_NAMES \
                and _apply_filter(query, fold(name), value):
            pending_or = False
            continue
        column = FIELD_COLUMNS.get(fold(name)) if name else None
        if name and column is None:  # not a field we know: the whole thing is words
            value = f"{name} {value}"
        term = _term(value, column, prefix=phrase is None and value.endswith("*"))
        if term is None:
            continue
        if minus:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = False
    return query


def _term(value: str, column: str | None, *, prefix: bool) -> Term | None:
    tokens = tuple(_TOKEN.findall(value))
    return Term(tokens, prefix, column) if tokens else None


def _apply_filter(query: Query, name: str, value: str) -> bool:
    """Set the filter; False when the value makes no sense (then it is searched as words)."""
    folded = fold(value.strip())
    if name == "theme":
        if folded:
            query.themes.append(folded)
        return bool(folded)
    if name in ("year", "annee"):
        years = _YEARS.match(folded)
        if not years or not any(years.groups()):
            return False
        low, high = (int(y) if y else None for y in years.groups())
        query.year_from = low
        query.year_to = high if ".." in folded else low
        return True
    if name in ("has", "a"):
        if folded in ("image", "images", "photo", "photos"):
            query.has_image = True
            return True
        return False
    if name in ("loan", "pret"):
        query.loans = LOAN_WORDS.get(folded)
        return query.loans is not None
    if folded in _YES | _NO:  # public / diffusable
        query.public = folded in _YES
        return True
    return False
