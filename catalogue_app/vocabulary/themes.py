"""The theme tree in the catalogue (design.md §6): the network's shared themes, seeded from
resources/themes.json, the museum's local themes beside them, and tagging records.

The file format is shared with the regional base's `themes import|export`, with the same
stable ids, so that tags sync between desks and the base. Tagging changes a record like any
edit does: its modification time moves (so sync sends it) and the history says who did it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from catalogue_app.clock import now_iso
from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare
from catalogue_app.protocol import FlatTheme, theme_nodes
from db.local.models import Theme


def shared_themes() -> list[FlatTheme]:
    """The network's tree shipped with the application, parents first."""
    text = resources.files("resources").joinpath("themes.json").read_text(encoding="utf-8")
    return theme_nodes(json.loads(text), "themes.json")


def seed_shared_themes(session: Session) -> int:
    """Insert or update the shared themes by id; local themes are left alone."""
    existing = {t.id: t for t in session.scalars(select(Theme))}
    count = 0
    for node in shared_themes():
        values = asdict(node)
        theme = existing.get(node.id)
        if theme is None:
            session.add(Theme(**values, source="shared"))
            session.flush()  # parents exist before their children reference them
        else:
            for key, value in values.items():
                setattr(theme, key, value)
        count += 1
    return count


@dataclass
class ThemeNode:
    id: str
    parent_id: str | None
    label_fr: str
    label_en: str
    source: str  # shared | local
    count: int = 0  # records (trash excluded) tagged with this theme or one of its sub-themes
    children: list[ThemeNode] = field(default_factory=list)


@dataclass(frozen=True)
class Tagging:
    """What one tag or untag operation changed: enough to undo it exactly."""

    theme_id: str
    record_ids: tuple[str, ...]  # the records whose tags actually changed
    added: bool  # True: the theme was added to them; False: removed from them


class ThemeError(CatalogueError):
    """A theme operation refused; the message is meant for the user."""


NAME_NEEDED = declare("themes.name_needed", "A theme needs a name.")
ALREADY_THERE = declare("themes.already_there",
                        "There is already a theme «{label}» at this place in the tree.")
NO_SUCH_THEME = declare("themes.no_such_theme",
                        "Theme {theme_id} does not exist (it may have been removed).")


# Each theme with itself and every theme below it (any depth).
_SUBTREES = """WITH RECURSIVE subtree(root, id) AS (
    SELECT id, id FROM themes
    UNION ALL SELECT s.root, t.id FROM themes t JOIN subtree s ON t.parent_id = s.id)"""


def theme_count(session: Session) -> int:
    return session.execute(select(func.count()).select_from(Theme)).scalar()


def theme_tree(session: Session, *, counts: bool = True) -> list[ThemeNode]:
    """The whole tree, in order, each node with its record count (sub-themes included) unless
    counts=False."""
    # Counted from the tags alone; the few records in the trash are subtracted through their
    # partial index instead of looking every tagged record up.
    counted = {} if not counts else dict(session.execute(text(f"""{_SUBTREES}
        SELECT s.root, count(DISTINCT rt.record_id) FROM record_themes rt
        JOIN subtree s ON s.id = rt.theme_id
        WHERE rt.record_id NOT IN (SELECT id FROM records WHERE trashed_at IS NOT NULL)
        GROUP BY s.root""")).all())
    nodes = {t.id: ThemeNode(t.id, t.parent_id, t.label_fr, t.label_en, t.source,
                             counted.get(t.id, 0))
             for t in session.scalars(select(Theme).order_by(Theme.position, Theme.label_fr))}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.parent_id) if node.parent_id else None
        (parent.children if parent else roots).append(node)
    return roots


def subtree_ids(session: Session, theme_ids: Sequence[str]) -> list[str]:
    """The given themes and all their sub-themes."""
    found: set[str] = set()
    statement = text(f"{_SUBTREES} SELECT id FROM subtree WHERE root IN :roots"
                     ).bindparams(bindparam("roots", expanding=True))
    for chunk in _chunks(list(theme_ids)):
        found.update(session.execute(statement, {"roots": chunk}).scalars())
    return sorted(found)


def tag(session: Session, record_ids: Sequence[str], theme_id: str, user: str) -> Tagging:
    """Tag the records with the theme as one operation; records already tagged are left alone."""
    _require_theme(session, theme_id)
    before = _themes_of(session, record_ids)
    changed = tuple(r for r in dict.fromkeys(record_ids) if r in before
                    and theme_id not in before[r])
    if changed:
        session.execute(text("INSERT INTO record_themes (record_id, theme_id) VALUES (:r, :t)"),
                        [{"r": r, "t": theme_id} for r in changed])
    _record_change(session, changed, before, user, lambda old: sorted({*old, theme_id}))
    return Tagging(theme_id, changed, added=True)


def untag(session: Session, record_ids: Sequence[str], theme_id: str, user: str) -> Tagging:
    """Remove the theme from the records as one operation."""
    before = _themes_of(session, record_ids)
    changed = tuple(r for r in dict.fromkeys(record_ids) if theme_id in before.get(r, ()))
    if changed:
        session.execute(text("DELETE FROM record_themes WHERE record_id = :r AND theme_id = :t"),
                        [{"r": r, "t": theme_id} for r in changed])
    _record_change(session, changed, before, user,
                   lambda old: sorted(t for t in old if t != theme_id))
    return Tagging(theme_id, changed, added=False)


def undo(session: Session, tagging: Tagging, user: str) -> Tagging:
    """Reverse a tag or untag operation; returns the operation that redoes it."""
    reverse = untag if tagging.added else tag
    return reverse(session, tagging.record_ids, tagging.theme_id, user)


def add_local_theme(session: Session, label_fr: str, label_en: str = "",
                    parent_id: str | None = None) -> str:
    """Add a theme of this museum's own (beside or below the shared ones); return its id."""
    label_fr, label_en = label_fr.strip(), label_en.strip() or label_fr.strip()
    if not label_fr:
        raise ThemeError(NAME_NEEDED)
    if parent_id is not None:
        _require_theme(session, parent_id)
    siblings = session.execute(select(Theme.label_fr, Theme.position)
                               .where(Theme.parent_id.is_(None) if parent_id is None
                                      else Theme.parent_id == parent_id)).all()
    if any(s.label_fr.casefold() == label_fr.casefold() for s in siblings):
        raise ThemeError(ALREADY_THERE, label=label_fr)
    theme_id = str(uuid.uuid4())
    session.add(Theme(id=theme_id, parent_id=parent_id, label_fr=label_fr, label_en=label_en,
                      position=max((s.position for s in siblings), default=-1) + 1,
                      source="local"))
    session.flush()
    return theme_id


def _require_theme(session: Session, theme_id: str) -> None:
    if session.get(Theme, theme_id) is None:
        raise ThemeError(NO_SUCH_THEME, theme_id=theme_id)


def _themes_of(session: Session, record_ids: Sequence[str]) -> dict[str, list[str]]:
    """Current themes of the existing records among record_ids."""
    themes: dict[str, list[str]] = {}
    statement = text("""SELECT r.id, rt.theme_id FROM records r
        LEFT JOIN record_themes rt ON rt.record_id = r.id WHERE r.id IN :ids"""
                     ).bindparams(bindparam("ids", expanding=True))
    for chunk in _chunks(list(dict.fromkeys(record_ids))):
        for record_id, theme_id in session.execute(statement, {"ids": chunk}):
            themes.setdefault(record_id, [])
            if theme_id:
                themes[record_id].append(theme_id)
    return themes


def _record_change(session: Session, record_ids: Sequence[str], before: dict[str, list[str]],
                   user: str, after: Callable[[list[str]], list[str]]) -> None:
    """Move the records' modification time and write the themes change to their history."""
    if not record_ids:
        return
    now = now_iso()
    session.execute(text("UPDATE records SET modified_at = :now, modified_by = :user "
                         "WHERE id = :r"), [{"now": now, "user": user, "r": r} for r in record_ids])
    session.execute(text("""INSERT INTO record_history
        (record_id, changed_at, user, action, field, old_value, new_value)
        VALUES (:r, :now, :user, 'update', 'themes', :old, :new)"""), [
        {"r": r, "now": now, "user": user, "old": json.dumps(sorted(before[r])),
         "new": json.dumps(after(before[r]))} for r in record_ids])


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):  # stay under SQLite's bound-parameter limit
        yield items[start:start + size]
