"""What one verb of the Catalogue changed (as Anki's operations return OpChanges): the window
refreshes the list, the count, the form, the panels and the status bar from this one answer,
instead of every action re-reading and refreshing by hand."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Changes:
    changed: frozenset[str] = frozenset()  # records whose fields, tags or images changed
    added: frozenset[str] = frozenset()  # records that entered the catalogue's list
    removed: frozenset[str] = frozenset()  # records that left it (trashed or purged)
    images: frozenset[str] = frozenset()  # records whose images changed (not their fields)
    themes: bool = False  # the theme tree or its counts
    vocabulary: bool = False  # the terms offered while typing
    locations: bool = False  # the museum's hierarchy of locations
    campaigns: bool = False  # a récolement campaign or its progress
    anything: bool = False  # any record may have changed (a sync): everything is read again
    # The record the user acted on, to show afterwards (the record just saved).
    focus: str | None = None
    # What the verb hands back besides: a Tagging or BatchEdit to undo later, the numbers an
    # undo left alone, how many records a purge removed.
    result: Any = field(default=None, compare=False)

    @classmethod
    def everything(cls) -> Changes:
        return cls(themes=True, vocabulary=True, locations=True, anything=True)

    @classmethod
    def of(cls, *, changed=(), added=(), removed=(), images=(), **flags: Any) -> Changes:
        return cls(frozenset(changed), frozenset(added), frozenset(removed), frozenset(images),
                   **flags)

    @property
    def records(self) -> frozenset[str]:
        """Records whose row in the list or whose form changed."""
        return self.changed | self.added | self.removed

    @property
    def list_changed(self) -> bool:
        """The object list shows other rows or other values."""
        return self.anything or bool(self.records)

    @property
    def count_changed(self) -> bool:
        return self.anything or bool(self.added or self.removed)

    @property
    def sync_status(self) -> bool:
        """The changes waiting to be sent (the status bar counts them)."""
        return self.anything or bool(self.records or self.images)

    def touches(self, record_id: str | None) -> bool:
        return record_id is not None and (self.anything or record_id in self.records)

    def with_result(self, result: Any) -> Changes:
        return replace(self, result=result)


NOTHING = Changes()
