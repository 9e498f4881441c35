"""Three-way merge of a record's fields against the version both sides started from.

Per field: the same value on both sides is never a conflict; a field changed on one side only
takes that side's value; a field changed differently on both sides is a conflict. Themes and
images are sets: what either side added is kept and what one side removed (the other leaving
it as it was) is removed, so an image is never merged away. Lists of entries (objects each
with an "id": movements, récolement checks, loans, condition reports, and such lists a newer
desk adds, kept verbatim here) merge by union of ids the same way, entry by entry: two desks
appending to one record's history is never a conflict. A record created on two desks merges
against an empty base: a field filled on one side only is simply taken."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

SET_FIELDS = ("themes",)
IMAGES = "images"


@dataclass
class Merge:
    fields: dict[str, Any]
    conflicts: list[str] = field(default_factory=list)  # field names the curator must decide


def merge_records(base: Mapping[str, Any], local: Mapping[str, Any],
                  server: Mapping[str, Any]) -> Merge:
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for name in dict.fromkeys([*server, *local]):
        if name == IMAGES:
            merged[name] = merge_images(base.get(name) or [], local.get(name) or [],
                                        server.get(name) or [])
        elif name in SET_FIELDS:
            merged[name] = sorted(_merge_sets(base.get(name) or [], local.get(name) or [],
                                              server.get(name) or []))
        elif _are_entries(base.get(name), local.get(name), server.get(name)):
            merged[name] = merge_entries(base.get(name) or [], local.get(name) or [],
                                         server.get(name) or [])
        else:
            mine, theirs, common = _plain(local, name), _plain(server, name), _plain(base, name)
            if mine in (theirs, common):
                chosen = server if name in server else local
            elif theirs == common:
                chosen = local if name in local else server
            else:
                conflicts.append(name)
                chosen = local if name in local else server
            if name in chosen:
                merged[name] = chosen[name]
    return Merge(merged, conflicts)


def merge_images(base: list[dict[str, Any]], local: list[dict[str, Any]],
                 server: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Images by sha256: kept unless one side detached one the other left alone; an image's
    details come from the side that changed them (this desk's, if both did)."""
    return _merge_keyed("sha256", base, local, server, server_first=False,
                        both_changed=lambda mine, _theirs: mine)


def merge_entries(base: list[dict[str, Any]], local: list[dict[str, Any]],
                  server: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries by id: kept unless one side removed one the other left alone. An entry changed
    on one side only takes that side's; changed on both (a loan's return), the one modified
    last, then a choice that does not depend on which desk merges. The server's entries keep
    their order, this desk's new ones follow: both desks end with the same list."""
    return _merge_keyed("id", base, local, server, server_first=True,
                        both_changed=lambda mine, theirs: max(mine, theirs,
                                                              key=_entry_precedence))


def _merge_keyed(key: str, base: list[dict[str, Any]], local: list[dict[str, Any]],
                 server: list[dict[str, Any]], *, server_first: bool,
                 both_changed: Callable[[dict, dict], dict]) -> list[dict[str, Any]]:
    """Objects named by their `key`: kept unless one side removed one the other left alone;
    one changed on one side only takes that side's version, `both_changed` picks otherwise."""
    base_items, local_items, server_items = (
        {item[key]: item for item in side} for side in (base, local, server))
    kept = _merge_sets(base_items, local_items, server_items)
    order = [*server_items, *local_items] if server_first else [*local_items, *server_items]
    merged = []
    for name in dict.fromkeys(order):
        if name not in kept:
            continue
        mine, theirs, common = local_items.get(name), server_items.get(name), base_items.get(name)
        if mine is None or theirs is None or mine == theirs:
            merged.append(mine or theirs)
        elif theirs == common:
            merged.append(mine)
        elif mine == common:
            merged.append(theirs)
        else:
            merged.append(both_changed(mine, theirs))
    return merged


def _are_entries(*values: Any) -> bool:
    """Whether the values of a field on the three sides are lists of entries (or absent),
    one of them at least not empty."""
    lists = [value for value in values if value not in (None, [])]
    return bool(lists) and all(
        isinstance(value, list) and all(
            isinstance(entry, dict) and isinstance(entry.get("id"), str) for entry in value)
        for value in lists)


def _entry_precedence(entry: dict[str, Any]) -> tuple[str, str]:
    return (str(entry.get("modified_at") or ""),
            json.dumps(entry, sort_keys=True, ensure_ascii=False))


def _merge_sets(base, local, server) -> set:
    base, local, server = set(base), set(local), set(server)
    return (base & local & server) | (local - base) | (server - base)


def _plain(fields: Mapping[str, Any], name: str) -> Any:
    """A value for comparison: a missing field, empty text, empty list and False are alike."""
    value = fields.get(name)
    return None if value in ("", [], {}, False) else value


def same_content(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two versions of a record say the same thing (empty values alike)."""
    return all(_plain(a, name) == _plain(b, name) for name in {*a, *b})
