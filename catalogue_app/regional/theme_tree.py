"""The base's theme tree as the portal, OAI-PMH and the Joconde export read it: the themes not
deleted, a theme whose parent is gone taken as a root."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.regional.models import Theme


@dataclass(frozen=True)
class ThemeNode:
    id: str
    label_fr: str
    label_en: str
    parent_id: str | None
    children: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr


@dataclass
class ThemeTree:
    nodes: dict[str, ThemeNode]
    roots: list[str]

    def descendants(self, theme_id: str) -> list[str]:
        """The theme and every theme below it."""
        found, todo = [], [theme_id]
        while todo:
            current = todo.pop()
            found.append(current)
            todo.extend(self.nodes[current].children if current in self.nodes else ())
        return found

    def french_path(self, theme_id: str) -> str:
        """"Textile > Dentelle": how the desk's exports write a theme."""
        return " > ".join(node.label_fr for node in self.path(theme_id))

    def path(self, theme_id: str) -> list[ThemeNode]:
        """From the root down to the theme."""
        chain = []
        current = self.nodes.get(theme_id)
        while current is not None and len(chain) < 50:
            chain.append(current)
            current = self.nodes.get(current.parent_id) if current.parent_id else None
        return chain[::-1]

    def roots_of(self) -> dict[str, str]:
        """Theme id -> the id of its root."""
        return {theme_id: root for root in self.roots for theme_id in self.descendants(root)}


def theme_tree(session: Session) -> ThemeTree:
    rows = session.execute(
        select(Theme.id, Theme.parent_id, Theme.label_fr, Theme.label_en)
        .where(Theme.deleted.is_(False)).order_by(Theme.position, Theme.label_fr)
    ).all()
    known = {row.id for row in rows}
    children: dict[str | None, list[str]] = {}
    for row in rows:
        parent = row.parent_id if row.parent_id in known else None
        children.setdefault(parent, []).append(row.id)
    nodes = {
        row.id: ThemeNode(row.id, row.label_fr, row.label_en,
                          row.parent_id if row.parent_id in known else None,
                          tuple(children.get(row.id, ())))
        for row in rows
    }
    return ThemeTree(nodes, children.get(None, []))
