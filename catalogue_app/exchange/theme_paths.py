"""Themes as people write them in files: paths of French labels (`Textile > Dentelle`).

Exports write a record's themes as paths; imports find a theme from its French or English path,
or from its own label alone when no other theme bears it (`dentelle`), ignoring case and accents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.folding import fold
from db.local.models import Theme

PATH_SEPARATOR = " > "


@dataclass(frozen=True)
class ThemeNode:
    id: str
    parent_id: str | None
    label_fr: str
    label_en: str


class ThemePaths:
    def __init__(self, nodes: Iterable[ThemeNode]) -> None:
        self._nodes = {node.id: node for node in nodes}
        self._paths = {theme_id: self._path(theme_id, "label_fr") for theme_id in self._nodes}
        self._by_key: dict[str, str] = {}
        leaves: dict[str, set[str]] = {}
        for theme_id, node in self._nodes.items():
            for language in ("label_fr", "label_en"):
                self._by_key.setdefault(_key(self._path(theme_id, language)), theme_id)
                leaves.setdefault(_key(getattr(node, language)), set()).add(theme_id)
        for key, ids in leaves.items():
            if len(ids) == 1:
                self._by_key.setdefault(key, next(iter(ids)))

    @classmethod
    def from_session(cls, session: Session) -> ThemePaths:
        return cls(ThemeNode(t.id, t.parent_id, t.label_fr, t.label_en)
                   for t in session.scalars(select(Theme)))

    def path(self, theme_id: str) -> str:
        """The French path of a theme; an id this catalogue does not know is shown as is."""
        return self._paths.get(theme_id, theme_id)

    def find(self, text: str) -> str | None:
        """The id of the theme the text names, or None."""
        return self._by_key.get(_key(text))

    def _path(self, theme_id: str, language: str) -> str:
        labels = []
        node = self._nodes.get(theme_id)
        while node is not None and len(labels) <= len(self._nodes):  # a cycle cannot hang us
            labels.append(getattr(node, language))
            node = self._nodes.get(node.parent_id) if node.parent_id else None
        return PATH_SEPARATOR.join(reversed(labels))


def _key(text: str) -> str:
    return ">".join(" ".join(fold(part).split()) for part in text.split(">"))
