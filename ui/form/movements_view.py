"""A record's movements in the form, newest first and read-only: a movement is made by
Record > Move… (or the command line), never typed in. The first line is where the object is."""

from __future__ import annotations

from typing import Any

from catalogue_app.locations.movements import current_movement
from catalogue_app.records.fields import FIELDS_BY_NAME
from ui.form.register_editors import EntriesView
from ui.language import choice_label

_REASONS = {choice.code: choice for choice in FIELDS_BY_NAME["movements"].values}


class MovementsView(EntriesView):
    HEIGHT = 88  # four lines: an object moves more often than it is rectified

    def in_order(self, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        now = current_movement(entries)
        ordered = sorted(entries, key=lambda m: m["date"], reverse=True)
        if now is not None:  # a movement dated the same day but entered later comes first
            ordered.remove(now)
            ordered.insert(0, now)
        return ordered

    def describe(self, movement: dict[str, Any]) -> str:
        reason = _REASONS.get(movement.get("reason", ""))
        line = self.tr("{date}: {to} (from {origin}; {reason}, {user})").format(
            date=movement["date"], to=movement["to"],
            origin=movement.get("from") or self.tr("unknown"),
            reason=choice_label(reason) if reason else movement.get("reason", ""),
            user=movement.get("user") or "?")
        note = movement.get("note")
        return f"{line} — {note}" if note else line
