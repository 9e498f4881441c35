"""Image attachment benchmark (issue 5), on files it generates in a temp dir: 24-megapixel
JPEGs with EXIF (one encoded picture, each copy with its own EXIF so every file is distinct)
and ~70 MB uncompressed TIFFs.

1. Throughput: `catalogue-app attach DIR --to N --json` end to end (process start, worker
   start, copy into the store, fsync, thumbnails, database rows included), against a
   single-process baseline on the same files in the same run: SHA-256 + Pillow draft
   thumbnail + exifread. Target ratio >= 1.0 (aim 1.5 with two cores).
2. GUI: a 200-file import through the progress dialog (offscreen Qt) with a 10 ms heartbeat
   timer on the GUI thread: longest stall (target <= 50 ms), and peak resident memory growth
   of the window's process plus its workers during the import (target <= 400 MB).

    .venv/bin/python bench/attach.py [--jpegs 16] [--tiffs 2] [--gui-files 200]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import exifread  # noqa: E402
import psutil  # noqa: E402
from PIL import Image  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SIZE_24MP = (6000, 4000)


# --- files ------------------------------------------------------------------------------
def encoded_photo() -> bytes:
    """A 24-megapixel JPEG with the grain of a real photograph (without EXIF)."""
    gradient = Image.linear_gradient("L").resize(SIZE_24MP)
    noise = Image.effect_noise(SIZE_24MP, 24)
    picture = Image.merge("RGB", (gradient, noise, Image.blend(gradient, noise, 0.5)))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=88)
    return out.getvalue()


def with_exif(jpeg: bytes, n: int) -> bytes:
    """The same picture with its own EXIF segment (camera, date, artist n) after SOI."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B] = "Nikon", "Nikon D850", f"Photographe {n}"
    exif.get_ifd(0x8769)[0x9003] = f"2024:03:05 14:{n // 60 % 60:02}:{n % 60:02}"
    block = exif.tobytes()
    segment = b"\xff\xe1" + (len(block) + 2).to_bytes(2, "big") + block
    return jpeg[:2] + segment + jpeg[2:]


def make_files(folder: Path, jpegs: int, tiffs: int, stem: str = "photo") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    base = encoded_photo()
    files = []
    for n in range(jpegs):
        path = folder / f"{stem}{n:03}.jpg"
        path.write_bytes(with_exif(base, n))
        files.append(path)
    if tiffs:
        picture = Image.open(io.BytesIO(base))
        for n in range(tiffs):
            path = folder / f"scan{n:02}.tif"
            picture.save(path, "TIFF", description=f"scan {n}")  # uncompressed: ~72 MB
            files.append(path)
    return files


# --- the two measured runs --------------------------------------------------------------
def baseline(files: list[Path]) -> float:
    """One process, one file after the other: hash, draft thumbnail, EXIF."""
    started = time.perf_counter()
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
        with Image.open(path) as image:
            image.draft("RGB", (256, 256))
            image.thumbnail((256, 256))
            image.convert("RGB").save(io.BytesIO(), "JPEG")
        with open(path, "rb") as f:
            exifread.process_file(f, details=False)
    return time.perf_counter() - started


def new_catalogue(directory: Path) -> None:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.records import blank_record, create_record

    catalogue = Catalogue.open(directory)
    catalogue.set_museum("BENCH", "Musée de mesure")
    with catalogue.writing() as session:
        create_record(session, {**blank_record(), "inventory_number": "2024.1.1"}, "bench")
    catalogue.close()


class PeakMemory:
    """Samples the resident memory of this process and its children every 20 ms."""

    def __init__(self, root: psutil.Process) -> None:
        self.root, self.peak, self._stop = root, 0, threading.Event()
        self.start_rss = self.total()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def total(self) -> int:
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        rss = 0
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                rss += process.memory_info().rss
        return rss

    def _sample(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.total())

    def stop(self) -> int:
        """Peak growth in bytes over the memory at start."""
        self._stop.set()
        self._thread.join()
        return max(0, self.peak - self.start_rss)


def cli_attach(catalogue_dir: Path, folder: Path) -> tuple[float, list[dict]]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "catalogue_app", "--catalogue", str(catalogue_dir), "attach",
         str(folder), "--to", "2024.1.1", "--json"],
        capture_output=True, text=True, cwd=REPO, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"attach failed ({result.returncode}): {result.stderr}")
    return elapsed, json.loads(result.stdout)


def gui_import(catalogue_dir: Path, files: list[Path]) -> tuple[float, int, float]:
    """(longest heartbeat gap in s, peak RSS growth in bytes, seconds) for an import through
    the progress dialog."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from catalogue_app.catalogue import Catalogue
    from catalogue_app.images.attach import requests_for_record
    from ui.images.import_dialog import import_images

    app = QApplication.instance() or QApplication([])
    catalogue = Catalogue.open(catalogue_dir)
    requests = requests_for_record(catalogue, [str(f) for f in files], "2024.1.1")
    longest, last = 0.0, time.perf_counter()

    def tick() -> None:
        nonlocal longest, last
        now = time.perf_counter()
        longest, last = max(longest, now - last), now

    heartbeat = QTimer(interval=10)
    heartbeat.timeout.connect(tick)
    memory = PeakMemory(psutil.Process())
    started = time.perf_counter()
    dialog = import_images(catalogue, requests, None, lambda _results: app.quit())
    heartbeat.start()
    app.exec()
    elapsed = time.perf_counter() - started
    heartbeat.stop()
    growth = memory.stop()
    statuses = {r.status for r in dialog.results}
    dialog.close()
    catalogue.close()
    if statuses != {"attached"}:
        raise SystemExit(f"GUI import did not attach everything: {statuses}")
    return longest, growth, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jpegs", type=int, default=16)
    parser.add_argument("--tiffs", type=int, default=2)
    parser.add_argument("--gui-files", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-attach-") as temp:
        temp = Path(temp)
        files = make_files(temp / "cli", args.jpegs, args.tiffs)
        total_mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"files: {args.jpegs} JPEG 24 MP + {args.tiffs} TIFF, {total_mb:.0f} MB")
        for path in files:  # both runs read from the page cache, as a second import would
            path.read_bytes()
        base_s = baseline(files)
        new_catalogue(temp / "catalogue-cli")
        cli_s, report = cli_attach(temp / "catalogue-cli", temp / "cli")
        assert [r["status"] for r in report] == ["attached"] * len(files), report
        print(f"baseline (1 process: sha256 + draft thumbnail + exifread): {base_s:.2f} s")
        print(f"catalogue-app attach (end to end, process start included):  {cli_s:.2f} s")
        print(f"throughput ratio attach / baseline: {base_s / cli_s:.2f}x "
              f"({len(files) / cli_s:.1f} files/s, {total_mb / cli_s:.0f} MB/s)")

        gui_files = make_files(temp / "gui", args.gui_files, 0, stem="gui")
        new_catalogue(temp / "catalogue-gui")
        stall, growth, gui_s = gui_import(temp / "catalogue-gui", gui_files)
        print(f"GUI import of {len(gui_files)} files of 24 MP: {gui_s:.1f} s, "
              f"heartbeat longest stall {stall * 1000:.0f} ms, "
              f"peak RSS growth (window + workers) {growth / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
