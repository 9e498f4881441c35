"""Timestamps as stored in the catalogue: UTC, ISO 8601, millisecond precision."""

from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
