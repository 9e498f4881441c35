"""The CPU side of attaching a file, run in worker processes (one per core): copy it into the
store's incoming folder while hashing it, then decode the copy for the thumbnail and read its
metadata. Only the small Examined summary travels back to the calling process, which decides
(in the database) whether to admit the copy."""

from __future__ import annotations

import errno
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue_app.images.decode import register_extra_formats, render
from catalogue_app.images.derived import THUMBNAIL_SIZE, derived_path, save_derived
from catalogue_app.images.metadata import read_metadata
from catalogue_app.images.store import ImageStore, Incoming, ReceiveStopped

_cancel: Any = None  # the multiprocessing.Event shared with the calling process


class Refused(Exception):
    """The file cannot be attached; the message is the one-line reason shown to the user."""


@dataclass(frozen=True)
class Examined:
    incoming: Incoming
    media_type: str
    width: int | None
    height: int | None
    metadata: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def initialise(cancel_event: Any) -> None:
    """Process pool initialiser: remember the cancel flag, load the HEIF decoder once."""
    global _cancel
    _cancel = cancel_event
    register_extra_formats()


def new_cancel_event(start_method: str) -> Any:
    return multiprocessing.get_context(start_method).Event()


def examine(source: str, images_root: str, cache_dir: str, max_pixels: int) -> Examined:
    """Receive source into the store's incoming folder and describe it; raise Refused."""
    store = ImageStore(Path(images_root))
    incoming = _receive(store, Path(source))
    try:
        if _cancelled():
            raise Refused("cancelled")
        rendered = render(incoming.path, source, THUMBNAIL_SIZE, max_pixels)
        save_derived(rendered.picture, derived_path(Path(cache_dir), "thumbs", incoming.sha256))
        metadata, metadata_notes = read_metadata(incoming.path)
    except BaseException:
        store.discard(incoming)
        raise
    return Examined(incoming, rendered.media_type, rendered.width, rendered.height, metadata,
                    tuple(rendered.notes + metadata_notes))


def _receive(store: ImageStore, source: Path) -> Incoming:
    try:
        if not source.is_file():
            raise Refused("the file no longer exists" if not source.exists()
                          else "not a file (a folder or a device)")
        if source.stat().st_size == 0:
            raise Refused("the file is empty (0 bytes)")
        return store.receive(source, _cancelled)
    except ReceiveStopped as exc:
        raise Refused(str(exc)) from None
    except FileNotFoundError:
        raise Refused("the file disappeared while it was being read") from None
    except PermissionError:
        raise Refused("the file cannot be read: permission denied") from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise Refused(f"the disk holding the image store ({store.root}) is full") from None
        raise Refused(f"the file cannot be read: {exc.strerror or exc}") from None


def _cancelled() -> bool:
    return _cancel is not None and _cancel.is_set()
