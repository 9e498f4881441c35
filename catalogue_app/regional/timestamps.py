from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """ISO 8601 UTC timestamp, as stored in every `*_at` column."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")
