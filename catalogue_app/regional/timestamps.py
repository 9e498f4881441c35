from __future__ import annotations

from datetime import UTC, datetime, timedelta


def utc_now() -> str:
    """ISO 8601 UTC timestamp, as stored in every `*_at` column."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def utc_days_ago(days: int) -> str:
    """The `utc_now` of `days` days ago (timestamps of one form compare as text)."""
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
