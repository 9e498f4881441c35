"""Which windows have a catalogue open: each window's process leaves a small lock file in the
catalogue folder while it runs (.window-<pid>.lock: its process id and start time), so that
`catalogue-app restore` can refuse to replace a database a window is using.

A file whose process has ended (a crash, a power cut) is stale: recognised by its process no
longer running, or by another process now having that id (a later start time), and removed.
Catalogues on network shares are refused (filesystems.py), so every lock file in the folder was
written by this computer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psutil

PATTERN = ".window-*.lock"


class WindowLock:
    """Held by a window's process while it has the catalogue open."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / f".window-{os.getpid()}.lock"

    def __enter__(self) -> WindowLock:
        started = psutil.Process().create_time()
        self.path.write_text(json.dumps({"pid": os.getpid(), "started": started}),
                             encoding="utf-8")
        return self

    def __exit__(self, *_exc: object) -> None:
        self.path.unlink(missing_ok=True)


def windows_open_on(directory: Path, besides: int | None = None) -> list[int]:
    """The process ids of the windows that have the catalogue in directory open (besides the
    process given); stale lock files are removed on the way."""
    found = []
    for path in sorted(Path(directory).glob(PATTERN)):
        try:
            holder = json.loads(path.read_text(encoding="utf-8"))
            pid, started = int(holder["pid"]), float(holder["started"])
        except (OSError, ValueError, KeyError, TypeError):
            continue  # being written, or not ours: not a window we can tell about
        if pid == besides:
            continue
        if _running_since(pid, started):
            found.append(pid)
        else:
            path.unlink(missing_ok=True)
    return found


def _running_since(pid: int, started: float) -> bool:
    try:
        return abs(psutil.Process(pid).create_time() - started) < 1.0
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False
