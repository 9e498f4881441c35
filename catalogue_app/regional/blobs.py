"""Image originals on the regional base: content-addressed and write-once, in the blob store
(stores/: a folder or an S3 bucket), with the portal's derivatives beside them.

`objects/ab/cd/<sha256>` holds an original; a museum may read it once it has uploaded it
(`museum_blobs`), so one museum can never probe for another's images. Uploads are resumable:
chunks are appended at the offset the server reports, each checked against its own sha256;
how far each upload has come lives in the database (`blob_uploads`, its row locked while a
chunk is stored), so any server process can take the next chunk, and `finish` re-hashes the
whole upload before it becomes an object (outside any write transaction: the upload's row
says it is being finished meanwhile)."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from catalogue_app.protocol import SHA256_HEX
from catalogue_app.regional.errors import LimitExceeded, NotFound, RegionalError, Unavailable
from catalogue_app.regional.limits import Limits
from catalogue_app.regional.stores import ObjectStore, UploadState
from catalogue_app.regional.timestamps import utc_now, utc_shifted
from db.regional.engine import Database, among
from db.regional.models import BlobUpload, MuseumBlob

# An upload left unfinished this long is dropped (its bytes no longer count in the quota).
UPLOAD_EXPIRY_SECONDS = 7 * 24 * 3600
# A finish still verifying after this long died with its process: its upload is free again.
# Hashing the largest image (blob_bytes, 4 GiB) from an S3 store takes minutes, not an hour.
FINISH_ABANDONED_SECONDS = 3600


def held_bytes(session: Session, museum_id: int) -> int:
    """Bytes of the images the museum holds on the base, and of its uploads under way (what
    its quota counts)."""
    held = session.scalar(select(func.coalesce(func.sum(MuseumBlob.size), 0)).where(
        MuseumBlob.museum_id == museum_id))
    uploading = session.scalar(select(func.coalesce(func.sum(BlobUpload.received), 0)).where(
        BlobUpload.museum_id == museum_id))
    return held + uploading


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


def object_key(sha256: str) -> str:
    check_sha256(sha256)
    return f"objects/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def derivative_key(sha256: str, kind: str) -> str:
    """Where the public derivative `kind` (thumb, web, zoom) of an original is kept."""
    check_sha256(sha256)
    return f"derivatives/{sha256[:2]}/{sha256[2:4]}/{sha256}-{kind}.jpg"


def _upload_key(museum_id: int, sha256: str) -> str:
    return f"uploads/{museum_id}/{check_sha256(sha256)}"


@dataclass(frozen=True)
class _Claim:
    """An upload a finish is verifying, as it stood when claimed."""

    museum_id: int
    sha256: str
    size: int
    state: UploadState
    since: str  # its finishing_since: a later claim (this one abandoned) differs


def _check_not_finishing(upload: BlobUpload) -> None:
    """Refuse to touch an upload another request is finishing, unless that request has been
    at it for so long that its process must have died (then the upload is free again)."""
    if upload.finishing_since is not None and (
            upload.finishing_since > utc_shifted(-FINISH_ABANDONED_SECONDS)):
        raise RegionalError(
            "this image's upload is being checked by another request; ask where it stands",
            409,
        )


class BlobStore:
    def __init__(self, store: ObjectStore, database: Database, limits: Limits) -> None:
        self.store = store
        self.database = database
        self.limits = limits

    def check_reachable(self) -> None:
        self.store.check_reachable()

    # --- derivatives -------------------------------------------------------------------------

    def store_derivative(self, sha256: str, kind: str, data: bytes) -> None:
        with self._storing():
            self.store.write(derivative_key(sha256, kind), data)

    def derivative(self, sha256: str, kind: str) -> bytes | None:
        with self._storing():
            return self.store.read(derivative_key(sha256, kind))

    @contextlib.contextmanager
    def original_file(self, sha256: str) -> Iterator[Path | None]:
        """A file holding the original while the block runs (None if the store has none)."""
        with self.store.local_file(object_key(sha256)) as path:
            yield path

    # --- uploads -----------------------------------------------------------------------------

    def received_offset(self, session: Session, museum_id: int, sha256: str) -> int:
        upload = session.get(BlobUpload, (museum_id, check_sha256(sha256)))
        return upload.received if upload is not None else 0

    def write_chunk(self, museum_id: int, sha256: str, offset: int, chunk: bytes,
                    chunk_sha256: str) -> int:
        """Append a chunk at `offset` (the bytes received so far); return the new offset."""
        if not chunk:
            raise RegionalError("the chunk is empty")
        self._check_sizes(offset, len(chunk))
        if hashlib.sha256(chunk).hexdigest() != chunk_sha256:
            raise RegionalError(
                "the chunk does not match its Chunk-SHA256 header (damaged in transit);"
                " send it again", 422,
            )
        if offset == 0:
            self._expire_uploads()
        key = _upload_key(museum_id, sha256)
        try:
            with self.database.write_session() as session, self._storing():
                upload = self._upload(session, museum_id, sha256, offset)
                self._check_quota(session, museum_id, len(chunk))
                state = self.store.append(key, json.loads(upload.store_state), offset, chunk)
                upload.received = offset + len(chunk)
                upload.store_state = json.dumps(state)
                upload.touched_at = utc_now()
                return upload.received
        except IntegrityError:  # another process started the same upload at this instant
            raise RegionalError("this image's upload has just been started by another"
                                " request; ask where it stands and go on from there",
                                409) from None

    def _upload(self, session: Session, museum_id: int, sha256: str,
                offset: int) -> BlobUpload:
        """The upload's row, locked until the chunk is stored; created at offset 0."""
        upload = session.get(BlobUpload, (museum_id, sha256), with_for_update=True)
        if upload is not None:
            _check_not_finishing(upload)
        received = upload.received if upload is not None else 0
        if offset != received:
            raise RegionalError(
                f"the server has received {received} bytes of this image, so the next"
                f" chunk starts at offset {received}, not {offset}", 409,
            )
        if upload is None:
            now = utc_now()
            upload = BlobUpload(museum_id=museum_id, sha256=sha256, received=0,
                                store_state="{}", started_at=now, touched_at=now)
            session.add(upload)
            session.flush()
        return upload

    def finish(self, museum_id: int, sha256: str) -> int:
        """Verify the upload and make it an object the museum may read; return its size.

        Re-hashing a large image takes seconds, so it happens between two short write
        transactions: one claims the upload (no chunk, second finish or expiry touches it
        meanwhile), the other records the result. On SQLite, whose one writer every museum's
        batches wait for, the hash never holds it."""
        claim = self._claim(museum_id, check_sha256(sha256))
        if isinstance(claim, int):
            return claim  # a retried finish: the first one went through
        try:
            with self._storing():
                actual = self.store.publish(_upload_key(museum_id, sha256), claim.state,
                                            object_key(sha256), sha256)
        except BaseException:
            self._release(claim)  # the store failed: the upload stays, a finish may retry
            raise
        self._record(claim, actual)
        if actual != sha256:
            raise RegionalError(
                f"the uploaded bytes have sha256 {actual}, not {sha256}: the upload was"
                " discarded, send the image again from offset 0", 422,
            )
        return claim.size

    def _claim(self, museum_id: int, sha256: str) -> _Claim | int:
        """Mark the upload as being finished; or the size of the image if the museum holds it
        already (a retried finish)."""
        with self.database.write_session() as session:
            upload = session.get(BlobUpload, (museum_id, sha256), with_for_update=True)
            if upload is None:
                size = self._size_if_held(session, museum_id, sha256)
                if size is None:
                    raise NotFound(
                        f"no upload of image {sha256} is in progress; send its chunks")
                return size
            _check_not_finishing(upload)
            upload.finishing_since = upload.touched_at = utc_now()
            return _Claim(museum_id, sha256, upload.received, json.loads(upload.store_state),
                          upload.finishing_since)

    def _record(self, claim: _Claim, actual: str) -> None:
        """The upload is gone from the store either way; what matched becomes the museum's."""
        with self.database.write_session() as session:
            upload = session.get(BlobUpload, (claim.museum_id, claim.sha256),
                                 with_for_update=True)
            if upload is not None and upload.finishing_since == claim.since:
                session.delete(upload)
            if actual == claim.sha256 and self._size_if_held(
                    session, claim.museum_id, claim.sha256) is None:
                session.add(MuseumBlob(museum_id=claim.museum_id, sha256=claim.sha256,
                                       size=claim.size, created_at=utc_now()))

    def _release(self, claim: _Claim) -> None:
        with self.database.write_session() as session:
            upload = session.get(BlobUpload, (claim.museum_id, claim.sha256),
                                 with_for_update=True)
            if upload is not None and upload.finishing_since == claim.since:
                upload.finishing_since = None

    # --- downloads ---------------------------------------------------------------------------

    def readable_size(self, session: Session, museum_id: int, sha256: str) -> int:
        """The size of an original the museum may read; 404 otherwise."""
        check_sha256(sha256)
        with self._storing():
            size = (self.store.size(object_key(sha256))
                    if self._size_if_held(session, museum_id, sha256) is not None else None)
        if size is None:
            raise NotFound(f"your museum has no image with sha256 {sha256} on the regional base")
        return size

    def stream(self, sha256: str, start: int, end: int) -> Iterator[bytes]:
        return self.store.stream(object_key(sha256), start, end)

    # --- limits and housekeeping -------------------------------------------------------------

    def _check_sizes(self, offset: int, size: int) -> None:
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

    def _check_quota(self, session: Session, museum_id: int, size: int) -> None:
        quota = self.limits.museum_blob_bytes
        if quota is not None and held_bytes(session, museum_id) + size > quota:
            raise LimitExceeded(
                f"your museum's images would take more than its {quota} bytes on the regional"
                " base; ask the base's administrator for more room", "museum_blob_bytes", quota,
                507,
            )

    def _expire_uploads(self) -> None:
        """Drop uploads nobody added to for UPLOAD_EXPIRY_SECONDS (checked when one starts)."""
        too_old = utc_shifted(-UPLOAD_EXPIRY_SECONDS)
        with self.database.write_session() as session:
            stale = session.scalars(select(BlobUpload).where(BlobUpload.touched_at < too_old)
                                    .with_for_update(skip_locked=True)).all()
            for upload in stale:  # those another request holds are left for next time
                with self._storing():
                    self.store.discard(_upload_key(upload.museum_id, upload.sha256),
                                       json.loads(upload.store_state))
                session.delete(upload)

    @staticmethod
    def _size_if_held(session: Session, museum_id: int, sha256: str) -> int | None:
        return session.scalar(
            select(MuseumBlob.size).where(
                MuseumBlob.museum_id == museum_id, MuseumBlob.sha256 == sha256
            )
        )

    @contextlib.contextmanager
    def _storing(self) -> Iterator[None]:
        """The store's trouble is the server's, said plainly: a full or read-only disk (507),
        an object store that does not answer (503, try again)."""
        try:
            yield
        except OSError as error:
            raise RegionalError(
                f"the regional base could not store the image ({error.strerror or error});"
                " tell its administrator", 507,
            ) from None
        except Exception as error:
            if type(error).__module__.startswith(("botocore", "boto3")):
                raise Unavailable("image store") from None
            raise
