"""Moving originals between the desk's image store and the regional base.

Uploads are resumable: the server says how many bytes of an image it already holds, so an
upload cut by a dropped connection or a killed process continues where it stopped. Downloads
land in the store only once complete and re-hashed (ImageStore.add_file)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable

from catalogue_app.images.store import ImageStore
from catalogue_app.sync.client import CHUNK_BYTES, RegionalClient, SyncError

CHECK_BATCH = 1000
_OFFSET_MISMATCH = 409  # the server holds more (or less) than we thought: ask it again
_HASH_MISMATCH = 422


def upload_missing(client: RegionalClient, store: ImageStore, hashes: Iterable[str],
                   checkpoint: Callable[[str], None]) -> tuple[int, list[str]]:
    """Upload the originals the server lacks; return (uploaded, missing here).

    `checkpoint(text)` is called before each image (progress, cancellation)."""
    wanted = list(dict.fromkeys(hashes))
    uploaded, absent = 0, []
    for start in range(0, len(wanted), CHECK_BATCH):
        for sha256 in client.missing_blobs(wanted[start:start + CHECK_BATCH]):
            if not store.contains(sha256):
                absent.append(sha256)  # the server will refuse its record, saying which image
                continue
            checkpoint(f"sending image {sha256[:12]}")
            upload(client, store, sha256, checkpoint)
            uploaded += 1
    return uploaded, absent


def upload(client: RegionalClient, store: ImageStore, sha256: str,
           checkpoint: Callable[[str], None]) -> None:
    path = store.path_for(sha256)
    size = path.stat().st_size
    for _attempt in range(3):
        offset, complete = client.upload_offset(sha256)
        if complete:
            return
        try:
            _send_from(client, path, sha256, offset, size, checkpoint)
            client.finish_blob(sha256)
            return
        except SyncError as error:
            if error.status not in (_OFFSET_MISMATCH, _HASH_MISMATCH):
                raise
    raise SyncError(f"Image {sha256} could not be sent whole after three attempts;"
                    " sync again later.")


def _send_from(client: RegionalClient, path, sha256: str, offset: int, size: int,
               checkpoint: Callable[[str], None]) -> None:
    with open(path, "rb") as original:
        original.seek(offset)
        while offset < size:
            chunk = original.read(CHUNK_BYTES)
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
        fd, temp_name = tempfile.mkstemp(dir=store.incoming, prefix="download-")
        try:
            with os.fdopen(fd, "wb") as out:
                client.download_blob(sha256, out)
            try:
                store.add_file(temp_name, sha256)
            except ValueError:
                raise SyncError(f"Image {sha256} arrived damaged from the regional base;"
                                " sync again to fetch it anew.") from None
        finally:
            os.unlink(temp_name)
        fetched += 1
    return fetched
