from __future__ import annotations

from datetime import UTC, datetime, timedelta


def utc_now() -> str:
    """ISO 8601 UTC timestamp, as stored in every `*_at` column."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def utc_shifted(seconds: float) -> str:
    """The `utc_now` of `seconds` from now (timestamps of one form compare as text)."""
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")


def utc_days_ago(days: int) -> str:
    return utc_shifted(-days * 86400)


def utc_days_ahead(days: int) -> str:
    return utc_shifted(days * 86400)
