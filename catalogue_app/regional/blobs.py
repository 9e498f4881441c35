"""Image originals on the regional base: content-addressed, write-once files on disk.

`objects/ab/cd/<sha256>` holds the bytes; a museum may read a blob once it has uploaded it
(`museum_blobs`), so one museum can never probe for another's images. Uploads are resumable:
chunks are appended at the offset the server reports, each checked against its own sha256, to
`uploads/<museum id>/<sha256>.part`, and `finish` re-hashes the whole file before it becomes an
object."""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.protocol import MAX_CHUNK_BYTES, SHA256_HEX
from catalogue_app.regional.errors import NotFound, RegionalError
from catalogue_app.regional.timestamps import utc_now
from catalogue_app.storage.durable_files import file_sha256, sync_directory
from db.regional.engine import among
from db.regional.models import MuseumBlob


def check_sha256(value: str, what: str = "sha256") -> str:
    if not SHA256_HEX.fullmatch(value):
        raise RegionalError(f"{what} {value[:80]!r} is not 64 lowercase hexadecimal characters")
    return value


def held_blobs(session: Session, museum_id: int, hashes: Iterable[str]) -> set[str]:
    hashes = list(hashes)
    if not hashes:
        return set()
    return set(session.scalars(
        select(MuseumBlob.sha256).where(
            MuseumBlob.museum_id == museum_id, among(session, MuseumBlob.sha256, hashes)
        )
    ))


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._locks: dict[Path, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def object_path(self, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / "objects" / sha256[:2] / sha256[2:4] / sha256

    def _partial_path(self, museum_id: int, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / "uploads" / str(museum_id) / f"{sha256}.part"

    def _lock(self, path: Path) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(path, threading.Lock())

    def received_offset(self, museum_id: int, sha256: str) -> int:
        partial = self._partial_path(museum_id, sha256)
        return partial.stat().st_size if partial.exists() else 0

    def write_chunk(
        self, museum_id: int, sha256: str, offset: int, chunk: bytes, chunk_sha256: str
    ) -> int:
        """Append a chunk at `offset` (the bytes received so far); return the new offset."""
        if not chunk:
            raise RegionalError("the chunk is empty")
        if len(chunk) > MAX_CHUNK_BYTES:
            raise RegionalError(
                f"a chunk holds at most {MAX_CHUNK_BYTES} bytes; this one has {len(chunk)}", 413
            )
        if hashlib.sha256(chunk).hexdigest() != chunk_sha256:
            raise RegionalError(
                "the chunk does not match its Chunk-SHA256 header (damaged in transit);"
                " send it again", 422,
            )
        partial = self._partial_path(museum_id, sha256)
        with self._lock(partial), _storing():
            partial.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "ab") as out:
                received = out.tell()
                if offset != received:
                    raise RegionalError(
                        f"the server has received {received} bytes of this image, so the next"
                        f" chunk starts at offset {received}, not {offset}", 409,
                    )
                out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
                return out.tell()

    def finish(self, session: Session, museum_id: int, sha256: str) -> int:
        """Verify the upload and make it an object the museum may read; return its size."""
        partial = self._partial_path(museum_id, sha256)
        with self._lock(partial), _storing():
            if not partial.exists():
                size = self._size_if_held(session, museum_id, sha256)
                if size is None:
                    raise NotFound(f"no upload of image {sha256} is in progress; send its chunks")
                return size  # a retried finish: the first one went through
            actual = file_sha256(partial)
            if actual != sha256:
                partial.unlink()
                raise RegionalError(
                    f"the uploaded bytes have sha256 {actual}, not {sha256}: the upload was"
                    " discarded, send the image again from offset 0", 422,
                )
            size = partial.stat().st_size
            target = self.object_path(sha256)
            if target.exists():
                partial.unlink()  # same bytes already stored (another museum, an earlier try)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(partial, target)
                target.chmod(0o444)
                sync_directory(target.parent)
        if self._size_if_held(session, museum_id, sha256) is None:
            session.add(MuseumBlob(
                museum_id=museum_id, sha256=sha256, size=size, created_at=utc_now()
            ))
        return size

    def readable_path(self, session: Session, museum_id: int, sha256: str) -> Path:
        check_sha256(sha256)
        path = self.object_path(sha256)
        if self._size_if_held(session, museum_id, sha256) is None or not path.exists():
            raise NotFound(f"your museum has no image with sha256 {sha256} on the regional base")
        return path

    @staticmethod
    def _size_if_held(session: Session, museum_id: int, sha256: str) -> int | None:
        return session.scalar(
            select(MuseumBlob.size).where(
                MuseumBlob.museum_id == museum_id, MuseumBlob.sha256 == sha256
            )
        )


@contextlib.contextmanager
def _storing() -> Iterator[None]:
    """Disk trouble (full, read-only, permissions) is the server's, and said so plainly."""
    try:
        yield
    except OSError as error:
        raise RegionalError(
            f"the regional base could not store the image ({error.strerror or error});"
            " tell its administrator", 507,
        ) from None

