"""Timestamps as stored in the catalogue: UTC, ISO 8601, millisecond precision."""

from datetime import UTC, date, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def today_iso() -> str:
    """Today's date where the catalogue is used (a rectification's date, as the register reads)."""
    return date.today().isoformat()
