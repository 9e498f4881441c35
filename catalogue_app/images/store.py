"""The content-addressed store of originals: images/ab/cd/<sha256>, bit for bit, write-once.

A file is first written to a sibling folder (images-incoming/, same volume, since nothing but
originals lives under images/) and renamed into place only once fully written, hashed and
synced, so a crash or a full disk never leaves a half original under a real name."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalogue_app.messages import Message, declare
from catalogue_app.storage.durable_files import file_sha256, sync_directory

RECEIVE_CANCELLED = declare("images.receive_cancelled", "cancelled")
CHANGED_WHILE_READ = declare(
    "images.changed_while_read",
    "the file changed while it was being read")

CHUNK = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class ReceiveStopped(Exception):
    """receive() stopped before the end: cancelled, or the source changed under it (args[0]:
    the Message saying which)."""

    @property
    def message(self) -> Message:
        return self.args[0]


@dataclass(frozen=True)
class Incoming:
    """A complete copy in images-incoming/, not yet under its name in the store."""

    path: Path
    sha256: str
    byte_size: int


class ImageStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.incoming = self.root.with_name(self.root.name + "-incoming")

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def contains(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def originals(self) -> list[Path]:
        """Every original in the store (files named by a SHA-256), in order."""
        return sorted(Path(folder) / name for folder, _, names in os.walk(self.root)
                      for name in names if _SHA256.match(name))

    def add_bytes(self, data: bytes) -> str:
        """Store data; return its SHA-256. Storing what is already there changes nothing."""
        sha256 = hashlib.sha256(data).hexdigest()
        if not self.contains(sha256):
            self._write(sha256, [data])
        return sha256

    def add_file(self, source: Path, expected_sha256: str) -> None:
        """Copy source into the store, checking while copying that it still has the expected
        hash (a file changed since it was hashed is refused with ValueError)."""
        if self.contains(expected_sha256):
            return

        def chunks():
            with open(source, "rb") as f:
                while block := f.read(CHUNK):
                    yield block

        self._write(expected_sha256, chunks())

    def receive(self, source: Path, cancelled: Callable[[], bool] = lambda: False) -> Incoming:
        """Copy source into images-incoming/ while hashing it: one read of the source gives
        the bytes and their name. The copy may still be in the system's write cache: sync() it
        before admit() (a worker does so while it decodes the copy), or discard() it.

        Raises ReceiveStopped when cancelled or when the source's size or modification time
        changed during the read (the copy would mix two versions), OSError as the system
        reports it (a full disk...); nothing is left behind in either case."""
        before = os.stat(source)
        self.incoming.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, temp_name = tempfile.mkstemp(dir=self.incoming, prefix="receiving-")
        size = 0
        try:
            with open(source, "rb") as f, os.fdopen(fd, "wb") as out:
                while block := f.read(CHUNK):
                    if cancelled():
                        raise ReceiveStopped(RECEIVE_CANCELLED())
                    digest.update(block)
                    out.write(block)
                    size += len(block)
            after = os.stat(source)
            if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns) \
                    or size != after.st_size:
                raise ReceiveStopped(CHANGED_WHILE_READ())
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return Incoming(Path(temp_name), digest.hexdigest(), size)

    def sync(self, incoming: Incoming) -> None:
        """Wait until the received copy is on the disk (OSError: the disk is full, or failed)."""
        with open(incoming.path, "rb+") as copy:
            os.fsync(copy.fileno())

    def admit(self, incoming: Incoming) -> None:
        """Put a received, synced copy under its name (or drop it, when the store already holds
        it)."""
        if self.contains(incoming.sha256):
            self.discard(incoming)
            return
        final = self.path_for(incoming.sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(incoming.path, final)
        sync_directory(final.parent)  # the rename itself survives a power cut

    def discard(self, incoming: Incoming) -> None:
        incoming.path.unlink(missing_ok=True)

    def verify(self, sha256: str) -> str:
        """'ok', 'missing' or 'altered' (content no longer matches its name)."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "missing"
        return "ok" if file_sha256(path) == sha256 else "altered"

    def _write(self, sha256: str, blocks) -> None:
        final = self.path_for(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        self.incoming.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, temp_name = tempfile.mkstemp(dir=self.incoming, prefix=sha256[:16])
        try:
            with os.fdopen(fd, "wb") as out:
                for block in blocks:
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise ValueError("the file changed while it was being copied")
            os.replace(temp_name, final)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise

