"""What the object list is narrowed to. Kept apart from the search service, which needs
SQLAlchemy: the window holds a ListFilter from its first paint on."""

from __future__ import annotations

from dataclasses import dataclass

from catalogue_app.search.query import Query, parse


@dataclass(frozen=True)
class ListFilter:
    """What the object list is narrowed to: the search box's text and the filter panels."""

    text: str = ""
    theme_ids: tuple[str, ...] = ()
    designation: str | None = None
    has_image: bool | None = None
    public: bool | None = None
    loans: str | None = None  # away on loan ("out") or overdue ("overdue")
    acquired_from: int | None = None  # acquisition year range
    acquired_to: int | None = None

    @property
    def searching(self) -> bool:
        """Something is typed in the search box (the list then takes the search's order)."""
        return bool(self.text.strip())

    def query(self) -> Query:
        """The text parsed, with the panels' choices (which win over the text's own has:,
        public: and loan:)."""
        query = parse(self.text)
        for name in ("has_image", "public", "loans", "designation", "acquired_from",
                     "acquired_to"):
            if getattr(self, name) is not None:
                setattr(query, name, getattr(self, name))
        return query

    @property
    def narrows(self) -> bool:
        """Anything typed or chosen: without it, the list is the whole catalogue in view."""
        return self != ListFilter()
