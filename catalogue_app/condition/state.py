"""The object's latest condition, which the form and the list show (without SQLAlchemy: the
window reads it before its first paint)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def latest_report(fields: Mapping[str, Any]) -> dict[str, Any] | None:
    """The most recent report (by date; of one day, the one written last)."""
    reports = list(fields.get("condition_reports") or ())
    return max(reversed(reports), key=lambda r: r.get("date") or "", default=None)
