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
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue_app.protocol import SHA256_HEX
from catalogue_app.regional.errors import LimitExceeded, NotFound, RegionalError
from catalogue_app.regional.limits import Limits
from catalogue_app.regional.timestamps import utc_now
from catalogue_app.storage.durable_files import file_sha256, sync_directory
from db.regional.engine import among
from db.regional.models import MuseumBlob

# An upload left unfinished this long is dropped (its bytes no longer count in the quota).
UPLOAD_EXPIRY_SECONDS = 7 * 24 * 3600


def _private(path: str, flags: int) -> int:
    """Open for `open(..., opener=)`: files only the server's own user can read."""
    return os.open(path, flags, 0o600)


def make_private_folder(path: Path) -> None:
    """`path` and its missing parents, made readable by the server's own user only."""
    missing = []
    while not path.is_dir():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def held_bytes(session: Session, museum_id: int) -> int:
    """Bytes of the images the museum holds on the base (what its quota counts)."""
    return session.scalar(
        select(func.coalesce(func.sum(MuseumBlob.size), 0)).where(
            MuseumBlob.museum_id == museum_id
        )
    )


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
    def __init__(self, root: Path, limits: Limits) -> None:
        self.root = root
        self.limits = limits
        self._locks: dict[Path, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def object_path(self, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / "objects" / sha256[:2] / sha256[2:4] / sha256

    def derivative_path(self, sha256: str, kind: str) -> Path:
        """Where the public derivative `kind` (thumb, web, zoom) of an original is kept."""
        check_sha256(sha256)
        return self.root / "derivatives" / sha256[:2] / sha256[2:4] / f"{sha256}-{kind}.jpg"

    def store_derivative(self, sha256: str, kind: str, data: bytes) -> None:
        """Write a derivative atomically (a reader never sees half a file)."""
        target = self.derivative_path(sha256, kind)
        with _storing():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{threading.get_ident()}.part")
            partial.write_bytes(data)
            os.replace(partial, target)

    def _partial_path(self, museum_id: int, sha256: str) -> Path:
        check_sha256(sha256)
        return self.root / "uploads" / str(museum_id) / f"{sha256}.part"

    def _lock(self, path: Path) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(path, threading.Lock())

    def check_reachable(self) -> None:
        """Raise OSError unless the store's folder can be listed (the health probe)."""
        os.listdir(self.root)

    def received_offset(self, museum_id: int, sha256: str) -> int:
        partial = self._partial_path(museum_id, sha256)
        return partial.stat().st_size if partial.exists() else 0

    def write_chunk(
        self, museum_id: int, sha256: str, offset: int, chunk: bytes, chunk_sha256: str,
        museum_bytes: int,
    ) -> int:
        """Append a chunk at `offset` (the bytes received so far); return the new offset.
        `museum_bytes`: what the museum's finished images take (counted in its quota)."""
        if not chunk:
            raise RegionalError("the chunk is empty")
        self._check_limits(museum_id, offset, len(chunk), museum_bytes)
        if hashlib.sha256(chunk).hexdigest() != chunk_sha256:
            raise RegionalError(
                "the chunk does not match its Chunk-SHA256 header (damaged in transit);"
                " send it again", 422,
            )
        partial = self._partial_path(museum_id, sha256)
        if offset == 0:
            self._expire_uploads()
        with self._lock(partial), _storing():
            make_private_folder(partial.parent)
            with open(partial, "ab", opener=_private) as out:
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
                make_private_folder(target.parent)
                os.replace(partial, target)
                target.chmod(0o400)
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

    def _check_limits(self, museum_id: int, offset: int, size: int, museum_bytes: int) -> None:
        limits = self.limits
        if size > limits.chunk_bytes:
            raise LimitExceeded(
                f"a chunk holds at most {limits.chunk_bytes} bytes; this one has {size}",
                "chunk_bytes", limits.chunk_bytes,
            )
        if offset + size > limits.blob_bytes:
            raise LimitExceeded(
                f"an image may take at most {limits.blob_bytes} bytes on the regional base",
                "blob_bytes", limits.blob_bytes,
            )
        quota = limits.museum_blob_bytes
        if quota is not None and museum_bytes + self._uploading_bytes(museum_id) + size > quota:
            raise LimitExceeded(
                f"your museum's images would take more than its {quota} bytes on the regional"
                " base; ask the base's administrator for more room", "museum_blob_bytes", quota,
                507,
            )

    def _uploading_bytes(self, museum_id: int) -> int:
        folder = self.root / "uploads" / str(museum_id)
        with contextlib.suppress(FileNotFoundError):
            return sum(part.stat().st_size for part in folder.glob("*.part"))
        return 0

    def _expire_uploads(self) -> None:
        """Drop uploads nobody added to for UPLOAD_EXPIRY_SECONDS (checked when one starts)."""
        too_old = time.time() - UPLOAD_EXPIRY_SECONDS
        for part in (self.root / "uploads").glob("*/*.part"):
            with contextlib.suppress(FileNotFoundError):
                if part.stat().st_mtime < too_old:
                    part.unlink()

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

