"""JSON text of the regional base (its JSON columns, the API's bodies): orjson wherever it gives
the standard library's result, since it reads and writes a batch of records several times faster.

orjson is narrower: it reads an integer beyond 64 bits as a float, and cannot write one, nor
nesting deeper than 254 levels. Record fields are stored verbatim, so such documents take the
standard library's path."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any

import orjson

# Any integer orjson would turn into a float has 19 digits or more in a row.
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
_NINETEEN_DIGITS = b"0" * 19


def dumps(value: Any, *, sort_keys: bool = False,
          default: Callable[[Any], Any] | None = None) -> bytes:
    """UTF-8 JSON, compact; with `sort_keys`, the canonical form of a value (for hashing);
    `default` gives what to write for a value JSON has no form for."""
    try:
        return orjson.dumps(value, default=default,
                            option=orjson.OPT_SORT_KEYS if sort_keys else None)
    except orjson.JSONEncodeError:
        return json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys, default=default
        ).encode()


def dumps_text(value: Any, default: Callable[[Any], Any] | None = None) -> str:
    return dumps(value, default=default).decode()


def orjson_reads_exactly(raw: bytes) -> bool:
    return _NINETEEN_DIGITS not in raw.translate(_DIGITS_AS_ZERO)


def loads(data: bytes | str) -> Any:
    """The value of a JSON text (of a column: written by `dumps`)."""
    raw = data.encode() if isinstance(data, str) else data
    if orjson_reads_exactly(raw):
        with contextlib.suppress(orjson.JSONDecodeError):  # deeper than orjson reads
            return orjson.loads(raw)
    return json.loads(raw)
