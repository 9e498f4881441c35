"""The CPU side of attaching a file, run in worker processes (one per core): copy it into the
store's incoming folder while hashing it, then decode the copy for the thumbnail and read its
metadata while a thread waits for the copy to reach the disk. Only the small Examined summary
travels back to the calling process, which decides (in the database) whether to admit the copy.

This module imports nothing but Pillow, exifread and the standard library, so that a worker
process starts in a fraction of a second (no database, no Qt)."""

from __future__ import annotations

import errno
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue_app.images.decode import register_extra_formats, render
from catalogue_app.images.derived import THUMBNAIL_SIZE, derived_path, save_derived
from catalogue_app.images.metadata import read_metadata
from catalogue_app.images.store import ImageStore, Incoming, ReceiveStopped
from catalogue_app.messages import Message, declare

CANNOT_READ = declare("images.cannot_read", "the file cannot be read")
COPY_NOT_WRITTEN = declare(
    "images.copy_not_written",
    "the copy could not be written to the image store")
CANCELLED = declare("images.cancelled", "cancelled")
VANISHED = declare("images.vanished", "the file no longer exists")
NOT_A_FILE = declare("images.not_a_file", "not a file (a folder or a device)")
EMPTY_FILE = declare("images.empty_file", "the file is empty (0 bytes)")
DISAPPEARED = declare("images.disappeared", "the file disappeared while it was being read")
PERMISSION_DENIED = declare(
    "images.permission_denied",
    "the file cannot be read: permission denied")
STORE_DISK_FULL = declare(
    "images.store_disk_full",
    "the disk holding the image store ({root}) is full")
SYSTEM_REFUSED = declare("images.system_refused", "{failure}: {reason}")

_cancel: Any = None  # the multiprocessing.Event shared with the calling process
_disk: ThreadPoolExecutor | None = None  # syncs each copy while the process decodes it


class Refused(Exception):
    """The file cannot be attached: args[0] is the Message saying why, in one line (a Message
    crosses the process boundary; the calling process words it in the user's language)."""

    @property
    def message(self) -> Message:
        return self.args[0]


@dataclass(frozen=True)
class Examined:
    incoming: Incoming
    media_type: str
    width: int | None
    height: int | None
    metadata: dict[str, Any] = field(default_factory=dict)
    notes: tuple[Message, ...] = ()


def initialise(cancel_event: Any, niceness: int = 0) -> None:
    """Process pool initialiser: remember the cancel flag, load the HEIF decoder once, and
    step back behind interactive programs when asked (niceness > 0: a window is waiting)."""
    global _cancel, _disk
    _cancel = cancel_event
    _disk = ThreadPoolExecutor(max_workers=1)
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)
    register_extra_formats()


def new_cancel_event(start_method: str) -> Any:
    return multiprocessing.get_context(start_method).Event()


def examine(source: str, images_root: str, cache_dir: str, max_pixels: int) -> Examined:
    """Receive source into the store's incoming folder and describe it; raise Refused."""
    store = ImageStore(Path(images_root))
    with _refusals(store, CANNOT_READ()):
        incoming = _receive(store, Path(source))
    on_disk = _disk.submit(store.sync, incoming)  # the disk writes while this process decodes
    try:
        if _cancelled():
            raise Refused(CANCELLED())
        rendered = render(incoming.path, source, THUMBNAIL_SIZE, max_pixels)
        save_derived(rendered.picture, derived_path(Path(cache_dir), "thumbs", incoming.sha256))
        metadata, metadata_notes = read_metadata(incoming.path)
        with _refusals(store, COPY_NOT_WRITTEN()):
            on_disk.result()
    except BaseException:
        on_disk.exception()  # the copy is closed before it is removed (Windows insists)
        store.discard(incoming)
        raise
    return Examined(incoming, rendered.media_type, rendered.width, rendered.height, metadata,
                    tuple(rendered.notes + metadata_notes))


def _receive(store: ImageStore, source: Path) -> Incoming:
    if not source.is_file():
        raise Refused(VANISHED() if not source.exists() else NOT_A_FILE())
    if source.stat().st_size == 0:
        raise Refused(EMPTY_FILE())
    return store.receive(source, _cancelled)


@contextmanager
def _refusals(store: ImageStore, failure: Message) -> Iterator[None]:
    """What reading the source or writing the copy raises, as the reason shown to the user."""
    try:
        yield
    except ReceiveStopped as exc:
        raise Refused(exc.message) from None
    except FileNotFoundError:
        raise Refused(DISAPPEARED()) from None
    except PermissionError:
        raise Refused(PERMISSION_DENIED()) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Refused(STORE_DISK_FULL(root=store.root)) from None
        raise Refused(SYSTEM_REFUSED(failure=failure, reason=exc.strerror or exc)) from None


def _cancelled() -> bool:
    return _cancel is not None and _cancel.is_set()
