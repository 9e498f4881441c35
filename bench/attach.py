"""Image attachment benchmark (issue 5), on files it generates in a temp dir: 24-megapixel
JPEGs with EXIF (one encoded picture, each copy with its own EXIF so every file is distinct)
and ~70 MB uncompressed TIFFs.

1. Throughput: `catalogue-app attach DIR --to N --json` end to end (process start, worker
   start, copy into the store, fsync, thumbnails, database rows included), against a
   single-process baseline on the same files in the same run: SHA-256 + Pillow draft
   thumbnail + exifread. Target ratio >= 1.0 (aim 1.5 with two cores). Baseline and attach
   alternate for a few rounds (the machine is shared: each ratio pairs neighbouring runs).
2. GUI: a 200-file import through the progress dialog (offscreen Qt, the heap frozen as the
   application does once its window is up) with a 10 ms heartbeat timer on the GUI thread:
   longest stall (target <= 50 ms), as the clock saw it and without the waits for a processor
   that other work on the machine caused (tests/gui/heartbeat.py), and peak resident memory
   growth of the window's process plus its workers during the import (target <= 400 MB).

Load averages (1 min) are printed with each figure, and the processor time of each run: when
other programs keep both cores busy, Linux shares the processor between sessions (autogroups),
not processes, so two workers get no more of it than one process would, and the ratio then
shows how much work each run does rather than what the second core brings.

    .venv/bin/python -m bench.attach [--jpegs 16] [--tiffs 2] [--rounds 3] [--gui-files 200]

(--gui-files 0 leaves the GUI part out.)
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import hashlib
import io
import json
import os
import resource
import select
import statistics
import subprocess
import sys
import tempfile
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
def baseline(files: list[Path]) -> tuple[float, float]:
    """(seconds, processor seconds) for one process, one file after the other: hash, draft
    thumbnail, EXIF."""
    started, processor = time.perf_counter(), time.process_time()
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
    return time.perf_counter() - started, time.process_time() - processor


def new_catalogue(directory: Path) -> None:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.records.blank import blank_record
    from catalogue_app.records.store import create_record

    catalogue = Catalogue.open(directory)
    catalogue.set_museum("BENCH", "Musée de mesure")
    with catalogue.writing() as session:
        create_record(session, {**blank_record(), "inventory_number": "2024.1.1"}, "bench")
    catalogue.close()


class PeakMemory:
    """Peak resident memory of a process and its descendants (the import's workers), sampled
    every 20 ms by a separate process: a sampling thread here would take the interpreter lock
    from the GUI thread whose stalls are measured."""

    def __init__(self, pid: int) -> None:
        self._sampler = subprocess.Popen(
            [sys.executable, "-c", "from bench.attach import sample_memory; sample_memory()",
             str(pid)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.start_rss = int(self._sampler.stdout.readline())

    def stop(self) -> int:
        """Peak growth in bytes over the memory at start."""
        peak, _ = self._sampler.communicate("")  # its input closed: it prints the peak
        return max(0, int(peak) - self.start_rss)


def sample_memory() -> None:
    """PeakMemory's sampler: the process given as argument and its descendants (this one
    left out); prints their memory at once, then the peak once its input is closed."""
    root, myself = psutil.Process(int(sys.argv[1])), os.getpid()

    def total() -> int:
        rss = 0
        for process in [root, *root.children(recursive=True)]:
            if process.pid != myself:
                with contextlib.suppress(psutil.NoSuchProcess):
                    rss += process.memory_info().rss
        return rss

    peak = total()
    print(peak, flush=True)
    while not select.select([sys.stdin], [], [], 0.02)[0]:
        peak = max(peak, total())
    print(peak, flush=True)


def cli_attach(catalogue_dir: Path, folder: Path) -> tuple[float, float, list[dict]]:
    """(seconds, processor seconds of the command and its workers, JSON report)."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "catalogue_app", "--catalogue", str(catalogue_dir), "attach",
         str(folder), "--to", "2024.1.1", "--json"],
        capture_output=True, text=True, cwd=REPO, check=False)
    elapsed, after = time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"attach failed ({result.returncode}): {result.stderr}")
    processor = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, processor, json.loads(result.stdout)


def gui_import(catalogue_dir: Path, files: list[Path]) -> tuple[float, float, int, float]:
    """(longest heartbeat gap in s, the same without the waits for a processor, peak RSS
    growth in bytes, seconds) for an import through the progress dialog."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from catalogue_app.catalogue import Catalogue
    from catalogue_app.images.attach import requests_for_record, start_workers_early
    from tests.gui.heartbeat import Heartbeat
    from ui.app import freeze_startup_objects
    from ui.images.import_dialog import import_images

    app = QApplication.instance() or QApplication([])
    start_workers_early()  # as the window does when the user opens a picker or drags files in
    catalogue = Catalogue.open(catalogue_dir)
    requests = requests_for_record(catalogue, [str(f) for f in files], "2024.1.1")
    freeze_startup_objects()
    memory = PeakMemory(os.getpid())
    heartbeat = Heartbeat()
    started = time.perf_counter()
    dialog = import_images(catalogue, requests, None, lambda _results: app.quit())
    app.exec()
    elapsed = time.perf_counter() - started
    heartbeat.stop()
    growth = memory.stop()
    gc.unfreeze()
    statuses = {r.status for r in dialog.results}
    dialog.close()
    catalogue.close()
    if statuses != {"attached"}:
        raise SystemExit(f"GUI import did not attach everything: {statuses}")
    return heartbeat.longest, heartbeat.longest_own, growth, elapsed


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jpegs", type=int, default=16)
    parser.add_argument("--tiffs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--gui-files", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-attach-") as temp:
        temp = Path(temp)
        files = make_files(temp / "cli", args.jpegs, args.tiffs)
        total_mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"files: {args.jpegs} JPEG 24 MP + {args.tiffs} TIFF, {total_mb:.0f} MB")
        for path in files:  # both runs read from the page cache, as a second import would
            path.read_bytes()
        ratios = []
        for round_number in range(1, args.rounds + 1):
            base_s, base_cpu = baseline(files)
            base_load = load()
            new_catalogue(temp / f"catalogue-cli-{round_number}")
            cli_s, cli_cpu, report = cli_attach(temp / f"catalogue-cli-{round_number}",
                                                temp / "cli")
            assert [r["status"] for r in report] == ["attached"] * len(files), report
            ratios.append(base_s / cli_s)
            print(f"round {round_number}: baseline (1 process: sha256 + draft thumbnail + "
                  f"exifread) {base_s:.2f} s, {base_cpu:.2f} s of processor ({base_load}); "
                  f"catalogue-app attach (end to end, process start included) {cli_s:.2f} s, "
                  f"{cli_cpu:.2f} s of processor ({load()}); ratio {ratios[-1]:.2f}x "
                  f"({len(files) / cli_s:.1f} files/s, {total_mb / cli_s:.0f} MB/s)")
        print(f"throughput ratio attach / baseline: median {statistics.median(ratios):.2f}x "
              f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})")

        if not args.gui_files:
            return
        gui_files = make_files(temp / "gui", args.gui_files, 0, stem="gui")
        new_catalogue(temp / "catalogue-gui")
        stall, own_stall, growth, gui_s = gui_import(temp / "catalogue-gui", gui_files)
        print(f"GUI import of {len(gui_files)} files of 24 MP: {gui_s:.1f} s ({load()}), "
              f"heartbeat longest stall {stall * 1000:.0f} ms, without the waits for a "
              f"processor {own_stall * 1000:.0f} ms, "
              f"peak RSS growth (window + workers) {growth / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
