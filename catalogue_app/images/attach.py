"""Attaching image files to records: the one pipeline behind drag and drop, the pickers and
`catalogue-app attach`.

Worker processes (one per core) copy each file into the store's incoming folder while hashing
it, and decode the copy for its thumbnail and metadata. They are forked from this process when
it runs a single thread (the command line), else from a small server process that has loaded
the decoders once (a window calls start_workers_early() as the user starts choosing files).

This process settles the files in the order given, each in one small transaction: is it
already on the record (duplicate)? If not, the copy is renamed into the store, and only then
is the image row written. A cancel, a crash or a refusal therefore never leaves a
half-attached image: at worst an original in the store that no row names yet, which the next
attach of the same file reuses (and `check --fixity` lists)."""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.images import gallery
from catalogue_app.images.filename_match import index_numbers, match_files, view_type_of
from catalogue_app.images.store import ImageStore
from catalogue_app.images.view_types import checked_view_type
from catalogue_app.images.worker import Examined, Refused, examine, initialise, new_cancel_event
from catalogue_app.messages import Message, declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.settings import IMAGE_MAX_PIXELS, in_catalogue
from db.local.models import Record

CANCELLED = declare("images.cancelled_before_attached", "cancelled before it was attached")
NO_SUCH_NUMBER = declare("images.no_such_number", "No record has the inventory number {number!r}.")
AMBIGUOUS_NAME = declare(
    "images.ambiguous_name",
    "the name matches several records ({candidates}); attach it to one of them")
UNMATCHED_NAME = declare(
    "images.unmatched_name",
    "no record has the inventory number this file name starts with")
READER_STOPPED = declare(
    "images.reader_stopped",
    "the image reader stopped unexpectedly on this or another file")
ALREADY_ATTACHED = declare("images.already_attached", "already attached to this record")
STORE_NOT_WRITABLE = declare(
    "images.store_not_writable",
    "the image store cannot be written: {reason}")

CANCEL_POLL_SECONDS = 0.1
# How far workers step back behind interactive programs when a window waits on them (Unix nice).
BACKGROUND_NICENESS = 10
# Files handed to the workers ahead of the one being settled: enough to keep every worker busy
# behind a slow file, few enough that a start or a cancel deals with a handful, not the batch.
AHEAD_PER_WORKER = 4
_WORKER_MODULES = ["catalogue_app.images.worker", "pillow_heif"]  # what forked workers need
_SKIPPED_NAMES = {"thumbs.db", "desktop.ini"}  # system files that folders carry along


@dataclass(frozen=True)
class AttachRequest:
    file: str  # the path as the user gave it
    record_id: str | None
    inventory_number: str = ""
    view_type: str = "general"
    publishable: bool = False  # rights cleared for the public portal
    refusal: Message | None = None  # why the file is refused before being read
    # The photographer's template: image fields given at once (photographer, licence...),
    # over what the file's metadata said.
    details: tuple[tuple[str, str], ...] = ()
    match_status: str = ""  # matched | ambiguous | unmatched, when found by its name


@dataclass(frozen=True)
class AttachResult:
    file: str
    status: str  # attached | duplicate | refused
    reason: str = ""  # in the user's language
    sha256: str = ""
    inventory_number: str = ""
    image_id: int | None = None
    reason_code: str = ""  # the reason's message code (CANCELLED.code...)

    def as_json(self) -> dict[str, str]:
        return {"file": self.file, "status": self.status, "reason": self.reason,
                "sha256": self.sha256, "inventory_number": self.inventory_number}


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given, and the files inside given folders (recursively, sorted, hidden and
    system files left out). A path that does not exist is kept: it is refused in its turn."""
    files: list[str] = []
    for given in paths:
        if Path(given).is_dir():
            files += sorted(
                str(Path(root) / name)
                for root, dirs, names in os.walk(given)
                for name in names
                if not name.startswith(".") and name.lower() not in _SKIPPED_NAMES
                and not any(part.startswith(".") for part in Path(root).relative_to(given).parts)
            )
        else:
            files.append(given)
    return files


def requests_for_record(catalogue: Catalogue, files: Iterable[str], inventory_number: str,
                        view_type: str | None = None) -> list[AttachRequest]:
    """Every file to the record with this inventory number (CatalogueError if there is none);
    the view type given, else the one each file's name tells (``_rasante``, ``_uv``...), as
    for files matched by name: the dialog, a drop on the form and ``attach --to`` alike."""
    view = None if view_type is None else checked_view_type(view_type)
    with catalogue.reading() as session:
        record = session.scalars(select(Record).where(
            Record.inventory_key == normalise_inventory_number(inventory_number),
            Record.trashed_at.is_(None))).first()
    if record is None:
        raise CatalogueError(NO_SUCH_NUMBER, number=inventory_number)
    return [AttachRequest(f, record.id, record.inventory_number, view or view_type_of(f))
            for f in files]


def requests_by_file_name(catalogue: Catalogue, files: Iterable[str],
                          view_type: str | None = None) -> list[AttachRequest]:
    """Each file to the record its name designates; the view type guessed from the name
    unless given. Ambiguous and unmatched names become refusals that say why."""
    view = None if view_type is None else checked_view_type(view_type)
    with catalogue.reading() as session:
        numbers = dict(session.execute(select(Record.id, Record.inventory_number)
                                       .where(Record.trashed_at.is_(None))).all())
    files = list(files)
    requests = []
    for file, match in zip(files, match_files(files, index_numbers(numbers.items())), strict=True):
        if match.status == "matched":
            record_id = match.record_ids[0]
            requests.append(AttachRequest(file, record_id, numbers[record_id],
                                          view or match.view_type, match_status="matched"))
        elif match.status == "ambiguous":
            candidates = sorted(numbers[r] for r in match.record_ids)
            requests.append(AttachRequest(file, None, refusal=AMBIGUOUS_NAME(
                candidates=candidates), match_status="ambiguous"))
        else:
            requests.append(AttachRequest(file, None, refusal=UNMATCHED_NAME(),
                                          match_status="unmatched"))
    return requests


TEMPLATE_FIELDS = ("photographer", "date_taken", "licence", "credit")


def with_template(requests: list[AttachRequest], template: dict) -> list[AttachRequest]:
    """The requests carrying a photographer's template (settings IMAGE_TEMPLATE): its
    non-empty fields, and publishable when it says so."""
    details = tuple((name, str(template[name])) for name in TEMPLATE_FIELDS
                    if str(template.get(name) or "").strip())
    publishable = bool(template.get("publishable"))
    return [replace(request, details=details, publishable=request.publishable or publishable)
            for request in requests]


def max_pixels(catalogue: Catalogue) -> int:
    """The catalogue's pixel limit beyond which a file is kept but not decoded."""
    with catalogue.reading() as session:
        return in_catalogue.read(session, IMAGE_MAX_PIXELS)


def attach_files(catalogue: Catalogue, requests: list[AttachRequest], *,
                 cancelled: Callable[[], bool] = lambda: False,
                 on_result: Callable[[int, AttachResult], None] | None = None,
                 workers: int | None = None, background: bool = False,
                 user: str = "attach") -> list[AttachResult]:
    """Attach the files; one result per request, in order. on_result(index, result) is called
    as each file is settled. Once cancelled() is true, running workers stop within about a
    second and the files not yet settled are refused as cancelled. In the background (a
    window is open), the workers yield the processor to interactive programs. Each record
    that gains an image is marked as modified by user."""
    store = ImageStore(catalogue.images_dir)
    results: list[AttachResult | None] = [None] * len(requests)

    def settle(index: int, result: AttachResult) -> None:
        results[index] = result
        if on_result:
            on_result(index, result)

    to_read = []
    for index, request in enumerate(requests):
        if request.refusal:
            settle(index, _refused(request, request.refusal))
        else:
            to_read.append(index)
    if to_read:
        _read_and_settle(catalogue, store, requests, to_read, settle, cancelled, workers,
                         BACKGROUND_NICENESS if background else 0, user)
    return [result or _refused(request, CANCELLED())
            for request, result in zip(requests, results, strict=True)]


def _read_and_settle(catalogue: Catalogue, store: ImageStore, requests: list[AttachRequest],
                     to_read: list[int], settle: Callable[[int, AttachResult], None],
                     cancelled: Callable[[], bool], workers: int | None, niceness: int,
                     user: str) -> None:
    start_method = _start_method()
    cancel_event = new_cancel_event(start_method)
    limit = max_pixels(catalogue)
    worker_count = min(workers or os.cpu_count() or 1, len(to_read))
    pool = ProcessPoolExecutor(
        max_workers=worker_count, mp_context=_worker_context(start_method),
        initializer=initialise, initargs=(cancel_event, niceness))
    futures: dict[int, Future] = {}
    settled: set[int] = set()
    unsent = iter(to_read)

    def send(count: int) -> None:
        for index in itertools.islice(unsent, count):
            futures[index] = pool.submit(examine, requests[index].file, str(store.root),
                                         str(catalogue.cache_dir), limit)

    try:
        send(AHEAD_PER_WORKER * worker_count)
        for index in to_read:  # in the order given, so positions follow the user's order
            while not _wait_one(futures[index]) and not cancelled():
                pass
            if cancelled():
                return
            send(1)
            settle(index, _settle(catalogue, store, requests[index], futures[index], user))
            settled.add(index)
    finally:
        cancel_event.set()
        for future in futures.values():
            future.cancel()
        wait(futures.values())
        for index, future in futures.items():
            if index not in settled:
                _discard_received(store, future)
        pool.shutdown(wait=True)


def start_workers_early() -> None:
    """For a window: start, in the background, the server that workers will be forked from,
    so that an import about to begin does not wait for the decoders to load. Cheap to call
    again."""
    if sys.platform != "win32":
        from multiprocessing import forkserver

        _worker_context("forkserver")
        threading.Thread(target=forkserver.ensure_running, daemon=True).start()


def _worker_context(start_method: str) -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        context.set_forkserver_preload(_WORKER_MODULES)
    return context


def _start_method() -> str:
    """Fork (instant workers, the decoders already imported) where it is safe: a Linux process
    running a single thread (the command line). A fork server elsewhere on POSIX (a window's
    threads, Qt's included, must not be copied mid-flight into the children): one small
    process that loads the decoders once, then forks each worker. Spawn on Windows."""
    if sys.platform == "win32":
        return "spawn"
    alone = sys.platform == "linux" and len(os.listdir("/proc/self/task")) == 1
    return "fork" if alone else "forkserver"


def _wait_one(future: Future) -> bool:
    done, _ = wait([future], timeout=CANCEL_POLL_SECONDS)
    return bool(done)


def _settle(catalogue: Catalogue, store: ImageStore, request: AttachRequest,
            future: Future, user: str) -> AttachResult:
    try:
        examined: Examined = future.result()
    except Refused as exc:
        return _refused(request, exc.message)
    except BrokenProcessPool:
        return _refused(request, READER_STOPPED())
    sha256 = examined.incoming.sha256
    note = "; ".join(str(note) for note in examined.notes)  # kept in the user's language
    try:
        with catalogue.writing() as session:
            if gallery.has_image(session, request.record_id, sha256):
                store.discard(examined.incoming)
                return AttachResult(request.file, "duplicate", str(ALREADY_ATTACHED()),
                                    sha256, request.inventory_number,
                                    reason_code=ALREADY_ATTACHED.code)
            store.admit(examined.incoming)  # the original is safe before any row names it
            image_id = gallery.add_image(
                session, request.record_id, sha256=sha256, file_name=Path(request.file).name,
                media_type=examined.media_type, byte_size=examined.incoming.byte_size,
                width=examined.width, height=examined.height, view_type=request.view_type,
                metadata=examined.metadata, note=note, publishable=request.publishable)
            if request.details:
                gallery.update_image(session, image_id, dict(request.details))
            gallery.record_changed(session, request.record_id, user)
    except CatalogueError as exc:
        store.discard(examined.incoming)
        return _refused(request, exc.message, sha256)
    except OSError as exc:
        store.discard(examined.incoming)
        return _refused(request, STORE_NOT_WRITABLE(reason=exc.strerror or exc), sha256)
    return AttachResult(request.file, "attached", note, sha256, request.inventory_number,
                        image_id)


def _discard_received(store: ImageStore, future: Future) -> None:
    if future.done() and not future.cancelled() and future.exception() is None:
        store.discard(future.result().incoming)


def _refused(request: AttachRequest, reason: Message, sha256: str = "") -> AttachResult:
    return AttachResult(request.file, "refused", str(reason), sha256, request.inventory_number,
                        reason_code=reason.code)
