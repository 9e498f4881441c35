"""The kinds of place in a museum's hierarchy, with their labels. Free of SQLAlchemy: the
command line's parser and the window read them before the first paint."""

from __future__ import annotations

from catalogue_app.records.fields import Choice

KINDS: tuple[Choice, ...] = (
    Choice("", "", ""),
    Choice("site", "Site", "Site"),
    Choice("building", "Bâtiment", "Building"),
    Choice("room", "Salle", "Room"),
    Choice("furniture", "Meuble", "Furniture"),
    Choice("shelf", "Étagère", "Shelf"),
    Choice("box", "Boîte", "Box"),
)
KIND_CODES = tuple(kind.code for kind in KINDS)
