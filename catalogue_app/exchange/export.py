"""Export the catalogue, a selection or a search to a file: the app's CSV, LIDO or Joconde.

The file appears whole or not at all: it is written beside its final name and moved into place
at the end, so a failed or cancelled export never leaves half a file behind."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app import publication
from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.exchange.catalogue_records import all_record_ids, export_records
from catalogue_app.exchange.csv_format import write_catalogue_csv
from catalogue_app.exchange.joconde import write_joconde
from catalogue_app.exchange.lido import write_lido
from catalogue_app.messages import declare
from catalogue_app.search.listing import driver_connection, record_ids
from catalogue_app.search.query import parse
from catalogue_app.search.service import condition

UNKNOWN_FORMAT = declare(
    "exchange.unknown_export_format",
    "Unknown export format {format!r}; choose one of {formats}.")
CANNOT_WRITE = declare("exchange.cannot_write", "Cannot write in {folder}: {reason}.")

FORMATS = ("csv", "lido", "joconde")
SUFFIXES = {"csv": ".csv", "lido": ".xml", "joconde": ".csv"}


EXPORT_CANCELLED = declare("exchange.cancelled", "Export cancelled: no file was written.")


class ExportCancelled(CatalogueError):
    def __init__(self) -> None:
        super().__init__(EXPORT_CANCELLED)


def export_catalogue(catalogue: Catalogue, format: str, out: Path, *,
                     query: str | None = None, ids: Sequence[str] | None = None,
                     include_private: bool = False,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] = lambda: False) -> int:
    """Write the given records (default: the whole catalogue, or what query finds); return
    how many. The app's CSV always carries every field: it is the museum's own copy."""
    if format not in FORMATS:
        raise CatalogueError(UNKNOWN_FORMAT, format=format, formats=", ".join(FORMATS))
    with catalogue.reading() as session:
        if ids is None:
            ids = search_record_ids(session, query) if query else all_record_ids(session)
        museum = catalogue.museum()
        records = _watched(export_records(session, ids), len(ids), progress, cancelled)
        channel = _PUBLIC_CHANNEL.get(format)
        if channel and not (format == "lido" and include_private):
            records = (r for r in records if publication.publishes(channel, r))
        return write_atomically(out, lambda stream: write_records(
            format, records, stream, {"code": museum.code, "name": museum.name},
            include_private))


# A Joconde file goes to POP, a LIDO file to harvesters: what each may carry is the public
# channel's rule (catalogue_app.publication), so radiated records and records not marked
# public stay out. A LIDO export with private fields is an exchange between museums: all go.
_PUBLIC_CHANNEL = {"joconde": "joconde", "lido": "oai"}


def search_record_ids(session: Session, query: str) -> list[str]:
    """The records the search finds (same syntax as the search box), in inventory order."""
    where, params = condition(session, parse(query))
    return record_ids(driver_connection(session), where=where, params=params)


def _watched(records: Iterable[dict[str, Any]], total: int,
             progress: Callable[[int, int], None] | None,
             cancelled: Callable[[], bool]) -> Iterator[dict[str, Any]]:
    for done, record in enumerate(records, start=1):
        if done % 200 == 0:
            if cancelled():
                raise ExportCancelled()
            if progress:
                progress(done, total)
        yield record


def write_records(format: str, records: Iterable[dict[str, Any]], stream,
                  museum: dict[str, str], include_private: bool) -> int:
    """Write export records in `format` to a binary stream (the regional base's Joconde
    export writes with it too); how many were written."""
    if format == "lido":
        return write_lido(records, stream, museum=museum, include_private=include_private)
    text_stream = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        if format == "csv":
            return write_catalogue_csv(records, text_stream)
        return write_joconde(records, text_stream, museum=museum,
                             include_private=include_private)
    finally:
        text_stream.flush()
        text_stream.detach()  # the caller closes the binary stream


def write_atomically(out: Path, write: Callable[[Any], int]) -> int:
    """`write(stream)` into a file beside `out`, moved into place once whole."""
    out = Path(out)
    try:
        fd, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as exc:
        raise CatalogueError(CANNOT_WRITE, folder=out.parent, reason=exc.strerror or exc) from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            count = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count
