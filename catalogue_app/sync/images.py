"""Moving originals between the desk's image store and the regional base.

Uploads are resumable: the server says how many bytes of an image it already holds, so an
upload cut by a dropped connection or a killed process continues where it stopped. Downloads
are resumable too: the bytes received so far wait in images-incoming/ under the image's name,
and the next try asks only for the rest (HTTP Range). An original enters the store only once
complete and re-hashed (ImageStore.add_file)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from catalogue_app.images.store import ImageStore
from catalogue_app.messages import declare
from catalogue_app.protocol import UPLOAD_CHUNK_BYTES
from catalogue_app.sync.client import RegionalClient, SyncError

CHECK_BATCH = 1000
NOT_SENT_WHOLE = declare(
    "sync.image_not_sent_whole",
    "Image {sha256} could not be sent whole after three attempts; sync again later.")
ARRIVED_DAMAGED = declare(
    "sync.image_damaged",
    "Image {sha256} arrived damaged from the regional base; sync again to fetch it anew.")
_OFFSET_MISMATCH = 409  # the server holds more (or less) than we thought: ask it again
_HASH_MISMATCH = 422


def missing_on_server(client: RegionalClient, hashes: Iterable[str]) -> list[str]:
    """The originals among `hashes` that the regional base lacks."""
    wanted = list(dict.fromkeys(hashes))
    return [sha256 for start in range(0, len(wanted), CHECK_BATCH)
            for sha256 in client.missing_blobs(wanted[start:start + CHECK_BATCH])]


def upload_missing(client: RegionalClient, store: ImageStore, sha256: str,
                   checkpoint: Callable[[str], None]) -> bool:
    """Upload an original the server lacks; False when this desk's store lacks it too (the
    server will then refuse its record, saying which image).

    `checkpoint(text)` is called before each chunk (progress, cancellation)."""
    if not store.contains(sha256):
        return False
    checkpoint(f"sending image {sha256[:12]}")
    upload(client, store, sha256, checkpoint)
    return True


def upload(client: RegionalClient, store: ImageStore, sha256: str,
           checkpoint: Callable[[str], None]) -> None:
    path = store.path_for(sha256)
    size = path.stat().st_size
    # The server was just found to lack the image, so it most likely holds none of it: send
    # from the start without asking; a partial upload left there is answered 409, then asked.
    offset = 0
    for _attempt in range(3):
        try:
            _send_from(client, path, sha256, offset, size, checkpoint)
            client.finish_blob(sha256)
            return
        except SyncError as error:
            if error.status not in (_OFFSET_MISMATCH, _HASH_MISMATCH):
                raise
        offset, complete = client.upload_offset(sha256)
        if complete:
            return
    raise SyncError(NOT_SENT_WHOLE, sha256=sha256)


def _send_from(client: RegionalClient, path: Path, sha256: str, offset: int, size: int,
               checkpoint: Callable[[str], None]) -> None:
    with open(path, "rb") as original:
        original.seek(offset)
        while offset < size:
            chunk = original.read(UPLOAD_CHUNK_BYTES)
            offset = client.put_chunk(sha256, offset, chunk)
            original.seek(offset)
            checkpoint(f"sending image {sha256[:12]} ({offset * 100 // size} %)")


def download_missing(client: RegionalClient, store: ImageStore, hashes: Iterable[str],
                     checkpoint: Callable[[str], None]) -> int:
    """Fetch the originals this desk lacks; return how many were fetched."""
    fetched = 0
    for sha256 in dict.fromkeys(hashes):
        if store.contains(sha256):
            continue
        checkpoint(f"receiving image {sha256[:12]}")
        store.incoming.mkdir(parents=True, exist_ok=True)
        partial = store.incoming / f"download-{sha256}"
        client.download_blob(sha256, partial)  # a drop leaves the partial for the next try
        try:
            store.add_file(partial, sha256)
        except ValueError:
            raise SyncError(ARRIVED_DAMAGED, sha256=sha256) from None
        finally:
            partial.unlink()  # admitted, or damaged: either way, not to be resumed
        fetched += 1
    return fetched
