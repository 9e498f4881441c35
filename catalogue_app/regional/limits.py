"""The limits of the regional base, published in `whoami` so desks can stay within them (the
request body's is enforced by gate.py while the body streams in).

Every limit passed is answered with a 4xx of one shape (errors.LimitExceeded): bad input from
one desk never costs the server more than these bounds, nor fails other records than its own."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from catalogue_app import protocol
from catalogue_app.regional.errors import LimitExceeded

MB = 1024 * 1024
JSON_DEPTH = protocol.MAX_JSON_DEPTH


@dataclass(frozen=True)
class Limits:
    """The limits a base applies: protocol.py's defaults, the blob ones set by `serve`."""

    body_bytes: int = protocol.MAX_BODY_BYTES
    header_bytes: int = protocol.MAX_HEADER_BYTES
    batch_records: int = protocol.MAX_BATCH_RECORDS
    record_bytes: int = protocol.MAX_RECORD_BYTES
    json_depth: int = protocol.MAX_JSON_DEPTH
    inventory_number_chars: int = protocol.MAX_INVENTORY_NUMBER_CHARS
    page_changes: int = protocol.MAX_FEED_PAGE
    page_bytes: int = protocol.MAX_PAGE_BYTES
    chunk_bytes: int = protocol.MAX_CHUNK_BYTES
    blob_bytes: int = protocol.MAX_BLOB_BYTES
    # Bytes of images a museum may hold; None: no quota.
    museum_blob_bytes: int | None = None

    def published(self) -> dict[str, Any]:
        return asdict(self)


def body_too_large(limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        f"the request body is larger than {limits.body_bytes // MB} MB", "body_bytes",
        limits.body_bytes,
    )
