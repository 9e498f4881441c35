"""`Range: bytes=START-[END]` of a download (RFC 9110 §14): the one form a desk sends to resume
an original it holds part of. Any other form is ignored and the whole original sent."""

from __future__ import annotations

import re

from catalogue_app.regional.errors import RegionalError

_ONE_RANGE = re.compile(r"bytes=(\d{1,19})-(\d{0,19})")


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """(start, end), both included, or None for the whole; 416 when it starts past the end."""
    found = _ONE_RANGE.fullmatch((header or "").strip())
    if found is None:
        return None
    start = int(found.group(1))
    end = min(int(found.group(2)), size - 1) if found.group(2) else size - 1
    if start >= size:
        raise RangeNotSatisfiable(size)
    if end < start:
        return None
    return start, end


class RangeNotSatisfiable(RegionalError):
    def __init__(self, size: int) -> None:
        super().__init__(f"the image has {size} bytes: a range must start before that", 416)
        self.headers = {"Content-Range": f"bytes */{size}"}
