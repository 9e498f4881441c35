"""Where the regional base keeps bytes: image originals (`objects/`), the portal's derivatives
(`derivatives/`) and uploads under way (`uploads/`), behind one interface with two kinds of
store: a folder on disk (files.py, the default) or an S3-compatible bucket (s3.py,
`--blobs s3://BUCKET/PREFIX`). Keys are the same relative paths in both.

What an upload has received so far lives in the database (blobs.py), with the state the store
hands back after each chunk, so any server process can take the next one."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import Any

S3_SCHEME = "s3://"
READ_BLOCK = 1024 * 1024

UploadState = dict[str, Any]  # JSON kept with the upload's row (blob_uploads.store_state)


class ObjectStore(ABC):
    """Bytes by key. Whole writes are atomic: a reader sees all of an object or none."""

    location: str  # for messages and logs

    @abstractmethod
    def check_reachable(self) -> None:
        """Raise unless the store answers (the health probe)."""

    @abstractmethod
    def size(self, key: str) -> int | None:
        """The object's size, None if there is none."""

    @abstractmethod
    def read(self, key: str) -> bytes | None:
        """A small object's bytes (a derivative), None if there is none."""

    @abstractmethod
    def write(self, key: str, data: bytes) -> None:
        """Store a small object whole (a derivative)."""

    @abstractmethod
    def stream(self, key: str, start: int, end: int) -> Iterator[bytes]:
        """The bytes start..end (inclusive) of an object, in blocks."""

    @abstractmethod
    @contextlib.contextmanager
    def local_file(self, key: str) -> Iterator[Path | None]:
        """A file holding the object for as long as the block runs (None if there is none)."""

    # --- resumable uploads ---------------------------------------------------------------

    @abstractmethod
    def append(self, key: str, state: UploadState, received: int, chunk: bytes) -> UploadState:
        """Add `chunk` after the `received` bytes of upload `key`; the state to keep. Bytes past
        `received` left by a try whose answer was lost are overwritten."""

    @abstractmethod
    def publish(self, key: str, state: UploadState, target: str, sha256: str) -> str:
        """Check the whole upload against `sha256` and make it the object `target` (unless
        that already exists: the same bytes). Returns the sha256 of what was received; the
        upload is gone either way."""

    @abstractmethod
    def discard(self, key: str, state: UploadState) -> None:
        """Drop an upload (expired, or its bytes did not match)."""

    # --- backup and restore (blob_backup.py) ---------------------------------------------

    @abstractmethod
    def keys(self, prefix: str) -> Iterator[str]:
        """Every key that starts with `prefix` ("objects/"), in order."""

    @abstractmethod
    def save_to(self, key: str, path: Path) -> None:
        """Copy the object into the file `path`."""

    @abstractmethod
    def load_from(self, key: str, path: Path) -> None:
        """Store the file `path` as the object `key`, whole or not at all."""


def open_store(location: Path | str) -> ObjectStore:
    """The store at a folder, or at `s3://BUCKET/PREFIX` (boto3 reads the endpoint and the
    credentials from the standard AWS environment variables, AWS_ENDPOINT_URL included)."""
    if isinstance(location, str) and location.startswith(S3_SCHEME):
        from catalogue_app.regional.stores.s3 import S3Store

        return S3Store(location)
    from catalogue_app.regional.stores.files import FileStore

    return FileStore(Path(location))
