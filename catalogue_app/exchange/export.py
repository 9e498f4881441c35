"""Export the catalogue, a selection or a search to a file: the app's CSV, LIDO or Joconde.

The file appears whole or not at all: it is written beside its final name and moved into place
at the end, so a failed or cancelled export never leaves half a file behind."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app import publication
from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.exchange.catalogue_records import all_record_ids, export_records
from catalogue_app.exchange.csv_format import write_catalogue_csv
from catalogue_app.exchange.joconde import JocondeReport, write_joconde
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
        raise CatalogueError(UNKNOWN_FORMAT, format=format, formats=list(FORMATS))
    if format == "joconde":
        report = export_joconde(catalogue, out, query=query, ids=ids,
                                include_private=include_private, progress=progress,
                                cancelled=cancelled)
        return report.written + len(report.new)
    with catalogue.reading() as session:
        records = _selected(session, query, ids, progress, cancelled)
        museum = catalogue.museum()
        if format == "lido" and not include_private:
            # A LIDO file goes to harvesters: the OAI channel's rule (catalogue_app.publication)
            # keeps radiated records and those not marked public out. With private fields it
            # is an exchange between museums: all go. (Joconde: export_joconde.)
            records = (r for r in records if publication.publishes("oai", r))
        return write_atomically(out, lambda stream: write_records(
            format, records, stream, {"code": museum.code, "name": museum.name},
            include_private))


def new_notices_path(out: Path) -> Path:
    """Where a Joconde export puts the notices POP does not know yet (no Joconde reference)."""
    return out.with_name(f"{out.stem}-nouvelles-notices{out.suffix or '.csv'}")


def export_joconde(catalogue: Catalogue, out: Path, *, query: str | None = None,
                   ids: Sequence[str] | None = None, include_private: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> JocondeReport:
    """The Joconde delivery of the records the Joconde channel publishes (marked public,
    active or missing): see write_joconde_delivery."""
    withheld = [0]

    def published(records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for record in records:
            document = publication.joconde(record)
            if document is None:
                withheld[0] += 1
            else:  # the desk's own record: its private fields stay for include_private
                yield {**record, "status": document["status"]}

    with catalogue.reading() as session:
        records = published(_selected(session, query, ids, progress, cancelled))
        report = write_joconde_delivery(records, out, _museum_fields(catalogue.museum()),
                                        include_private)
    report.withheld = withheld[0]
    return report


def write_joconde_delivery(records: Iterable[dict[str, Any]], out: Path,
                           museum: dict[str, str], include_private: bool = False
                           ) -> JocondeReport:
    """The Joconde delivery to out and, when some records have no Joconde reference yet, the
    new notices beside it (new_notices_path): both files whole or neither. The records are
    those to publish (the caller applies the Joconde channel's rule)."""
    reports: list[JocondeReport] = []

    def write_both(stream, new_stream) -> int:
        with _text(stream) as text, _text(new_stream) as new_text:
            reports.append(write_joconde(records, text, museum=museum,
                                         include_private=include_private,
                                         new_notices=new_text))
        return len(reports[0].new)

    write_pair_atomically(Path(out), new_notices_path(Path(out)), write_both)
    return reports[0]


def search_record_ids(session: Session, query: str) -> list[str]:
    """The records the search finds (same syntax as the search box), in inventory order."""
    where, params = condition(session, parse(query))
    return record_ids(driver_connection(session), where=where, params=params)


def _selected(session: Session, query: str | None, ids: Sequence[str] | None,
              progress: Callable[[int, int], None] | None,
              cancelled: Callable[[], bool]) -> Iterator[dict[str, Any]]:
    """The records to export (the given ids, what the query finds, or all), read lazily."""
    if ids is None:
        ids = search_record_ids(session, query) if query else all_record_ids(session)
    return _watched(export_records(session, ids), len(ids), progress, cancelled)


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


def _museum_fields(museum) -> dict[str, str]:
    return {"code": museum.code, "name": museum.name, "owner": museum.owner,
            "town": museum.town}


def write_records(format: str, records: Iterable[dict[str, Any]], stream,
                  museum: dict[str, str], include_private: bool) -> int:
    """Write export records as the app's CSV or LIDO to a binary stream; how many were
    written. (Joconde writes two files: write_joconde_delivery.)"""
    if format == "lido":
        return write_lido(records, stream, museum=museum, include_private=include_private)
    with _text(stream) as text_stream:
        return write_catalogue_csv(records, text_stream)


@contextmanager
def _text(stream) -> Iterator[io.TextIOWrapper]:
    """A binary stream as UTF-8 text for the csv module; the caller closes the stream."""
    text_stream = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        yield text_stream
    finally:
        text_stream.flush()
        text_stream.detach()


def write_atomically(out: Path, write: Callable[[Any], int]) -> int:
    """`write(stream)` into a file beside `out`, moved into place once whole."""
    return write_pair_atomically(out, None, lambda stream, _second: write(stream))


def write_pair_atomically(out: Path, second: Path | None,
                          write: Callable[[Any, Any], int]) -> int:
    """write(stream, second_stream) fills one or two files, each written beside its final
    name and moved into place once whole, the second only when write returns more than 0
    (it says how many entries the second holds)."""
    out = Path(out)
    temps: list[str] = []
    try:
        streams = []
        for target in (out, second) if second is not None else (out,):
            fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".part")
            temps.append(temp_name)
            streams.append(os.fdopen(fd, "wb"))
    except OSError as exc:
        for stream in streams:
            stream.close()
        for temp_name in temps:
            Path(temp_name).unlink(missing_ok=True)
        raise CatalogueError(CANNOT_WRITE, folder=out.parent, reason=exc.strerror or exc) from exc
    try:
        with streams[0], (streams[1] if second is not None else nullcontext()):
            count = write(streams[0], streams[1] if second is not None else None)
            for stream in streams:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(temps[0], out)
        if second is not None and count > 0:
            os.replace(temps[1], second)
    finally:
        for temp_name in temps:
            Path(temp_name).unlink(missing_ok=True)
    return count
