"""A location's path as people write it: names from the root joined by " > "
("Réserve A > Travée 27 > Étagère 3"), the form CSV and the command line use."""

from __future__ import annotations

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare

SEPARATOR = " > "

EMPTY_PATH = declare("location.empty_path", "A location path is required.")
EMPTY_PART = declare(
    "location.empty_part",
    "The location path {path!r} has an empty part: write names joined by \" > \", like "
    "\"Réserve A > Travée 27 > Étagère 3\".")


def parse_path(text: str) -> list[str]:
    """The names of a path, from the root, each trimmed with its inner spaces collapsed."""
    if not text.strip():
        raise CatalogueError(EMPTY_PATH)
    names = [" ".join(part.split()) for part in text.split(">")]
    if not all(names):
        raise CatalogueError(EMPTY_PART, path=text)
    return names


def join_path(names: list[str]) -> str:
    return SEPARATOR.join(names)


def name_key(name: str) -> str:
    """How two sibling names are compared: "Étagère  3" and "étagère 3" are the same place."""
    return " ".join(name.split()).casefold()
