"""The blob store in a folder: each key a file, written through a temporary name and renamed
(whole or not at all), files and folders readable by the server's own user only; an upload
is one file grown chunk by chunk, each chunk on disk (fsync) before it is acknowledged."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

from catalogue_app.regional.stores import READ_BLOCK, ObjectStore, UploadState
from catalogue_app.storage.durable_files import file_sha256, sync_directory


def make_private_folder(path: Path) -> None:
    """`path` and its missing parents, made readable by the server's own user only."""
    missing = []
    while not path.is_dir():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


class FileStore(ObjectStore):
    def __init__(self, root: Path) -> None:
        self.root = root
        self.location = str(root)
        make_private_folder(root)
        root.chmod(0o700)

    def path(self, key: str) -> Path:
        return self.root / key

    def check_reachable(self) -> None:
        os.listdir(self.root)

    def size(self, key: str) -> int | None:
        try:
            return self.path(key).stat().st_size
        except FileNotFoundError:
            return None

    def read(self, key: str) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, key: str, data: bytes) -> None:
        target = self.path(key)
        make_private_folder(target.parent)
        partial = target.with_name(f".{target.name}.{threading.get_ident()}.part")
        with open(partial, "wb", opener=_private) as out:
            out.write(data)
        os.replace(partial, target)

    def stream(self, key: str, start: int, end: int) -> Iterator[bytes]:
        with open(self.path(key), "rb") as source:
            source.seek(start)
            left = end - start + 1
            while left > 0:
                block = source.read(min(READ_BLOCK, left))
                if not block:
                    return
                left -= len(block)
                yield block

    @contextlib.contextmanager
    def local_file(self, key: str) -> Iterator[Path | None]:
        path = self.path(key)
        yield path if path.exists() else None

    def append(self, key: str, state: UploadState, received: int, chunk: bytes) -> UploadState:
        partial = self.path(key)
        make_private_folder(partial.parent)
        descriptor = os.open(partial, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "r+b") as out:
            out.truncate(received)
            out.seek(received)
            out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        return state

    def publish(self, key: str, state: UploadState, target: str, sha256: str) -> str:
        partial, final = self.path(key), self.path(target)
        actual = file_sha256(partial)
        if actual != sha256 or final.exists():
            partial.unlink()  # damaged, or the same bytes stored already
            return actual
        make_private_folder(final.parent)
        os.replace(partial, final)
        final.chmod(0o400)
        sync_directory(final.parent)
        return actual

    def discard(self, key: str, state: UploadState) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()

    def keys(self, prefix: str) -> Iterator[str]:
        folder, _, start = prefix.rpartition("/")
        for path in sorted(self.path(folder).rglob(f"{start}*")):
            if path.is_file() and not path.name.startswith("."):  # not a write under way
                yield path.relative_to(self.root).as_posix()

    def save_to(self, key: str, path: Path) -> None:
        shutil.copyfile(self.path(key), path)

    def load_from(self, key: str, path: Path) -> None:
        target = self.path(key)
        make_private_folder(target.parent)
        partial = target.with_name(f".{target.name}.{threading.get_ident()}.part")
        with open(path, "rb") as source, open(partial, "wb", opener=_private) as out:
            shutil.copyfileobj(source, out, READ_BLOCK)
        os.replace(partial, target)


def _private(path: str, flags: int) -> int:
    """Open for `open(..., opener=)`: files only the server's own user can read."""
    return os.open(path, flags, 0o600)
