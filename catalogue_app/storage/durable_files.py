"""File helpers shared by the desk's image store and the regional base's blob store: hashing
a file in blocks, and making a rename survive a power cut."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

BLOCK = 1 << 20


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def sync_directory(path: Path) -> None:
    """fsync a folder, so that a file just renamed into it stays there after a power cut."""
    if os.name != "posix":  # Windows cannot open a folder; NTFS journals renames itself
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
