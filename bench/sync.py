"""Desk sync benchmark against a local regional base on PostgreSQL (a benchmark, not a test).

1. Initial sync of a desk holding N records (default 70,000) and M images of about S MB
   (default 500 of 3 MB): end to end, from the first request to the last answer applied,
   with where the time went: the engine's steps (catalogue_app/sync/timing.py), the requests
   by kind (time until the answer's headers), and the CPU used by the desk and the server.
2. The next sync, which reads the desk's own records back from the feed.
3. A sync with nothing to do: requests per direction and time (median of 7), as the engine
   call (the GUI's case: the app is running) and as `catalogue-app sync` (process start and
   imports included, for information).

    .venv/bin/python -m bench.sync [--pg URL] [--records 70000] [--images 500] [--image-mb 3]

The desk is generated once and cached under /tmp/bench-cache (each run syncs a copy, the
images hard-linked). The server runs as `catalogue-base serve` in a subprocess (bench/ingest.py's
helpers); its data go to a fresh schema dropped at the end. URL defaults to
CATALOGUE_TEST_PG_URL."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.catalogues import CACHE  # noqa: E402
from bench.ingest import fresh_schema, running_server, server_cpu_seconds  # noqa: E402
from catalogue_app.catalogue import DB_FILE_NAME, Catalogue  # noqa: E402
from catalogue_app.demo.generator import generate_records  # noqa: E402
from catalogue_app.images import gallery  # noqa: E402
from catalogue_app.images.store import ImageStore  # noqa: E402
from catalogue_app.records.store import insert_records  # noqa: E402
from catalogue_app.regional import admin  # noqa: E402
from catalogue_app.search.index import bulk_indexing  # noqa: E402
from catalogue_app.sync.client import RegionalClient, tls_context  # noqa: E402
from catalogue_app.sync.engine import Synchroniser, SyncReport  # noqa: E402
from db.local.schema import HEAD_REVISION  # noqa: E402
from db.regional.engine import Database  # noqa: E402

MUSEUM = "BENCH"
NO_OP_RUNS = 7


def request_kind(request: httpx.Request) -> str:
    path = request.url.path.removeprefix("/api/v1/")
    if path.startswith("blobs/"):
        if path.endswith("/upload"):
            return "image upload state"
        if "/chunks/" in path:
            return "image chunk"
        if path.endswith(":finish"):
            return "image finish"
        return "image download"
    return path


class MeasuringTransport(httpx.HTTPTransport):
    """Counts requests by method (GET: desk <- base, POST/PUT: desk -> base) and times them by
    kind, up to the answer's headers (the server's work, plus the loopback)."""

    def __init__(self) -> None:
        super().__init__(verify=tls_context())
        self.counts: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        try:
            return super().handle_request(request)
        finally:
            kind = request_kind(request)
            self.counts[request.method] += 1
            self.kinds[kind] += 1
            self.seconds[kind] += time.perf_counter() - started


def uncompressible_png(seed: int, megabytes: float) -> bytes:
    """A real PNG of about `megabytes` MB (noise, stored uncompressed)."""
    from io import BytesIO

    from PIL import Image

    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    image = Image.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))
    out = BytesIO()
    image.save(out, "PNG", compress_level=0)
    return out.getvalue()


def cached_desk(records: int, images: int, megabytes: float) -> Path:
    """A never-synced desk catalogue of `records` records and `images` images (built once)."""
    directory = CACHE / f"sync-desk-{records}-{images}-{megabytes}-{HEAD_REVISION}"
    if (directory / DB_FILE_NAME).exists():
        return directory
    shutil.rmtree(directory, ignore_errors=True)
    started = time.perf_counter()
    catalogue = Catalogue.open(directory)
    catalogue.set_museum(MUSEUM, "Musée du banc d'essai")
    with catalogue.writing() as session, bulk_indexing(session):
        ids = insert_records(session, generate_records(records, seed=1), "bench",
                             record_history=False)
    store = ImageStore(catalogue.images_dir)
    with catalogue.writing() as session:
        for n in range(images):
            data = uncompressible_png(n, megabytes)
            gallery.add_image(session, ids[n % len(ids)], sha256=store.add_bytes(data),
                              file_name=f"bench-{n}.png", media_type="image/png",
                              byte_size=len(data), width=None, height=None,
                              view_type="general", metadata={}, note="")
    catalogue.close()
    print(f"(desk generated in {time.perf_counter() - started:.0f} s, cached in {directory})")
    return directory


def copy_desk(source: Path, target: Path) -> None:
    """A copy to sync: the database copied, the originals (write-once) hard-linked."""
    def link_or_copy(src: str, dst: str) -> None:
        if Path(src).is_relative_to(source / "images"):
            os.link(src, dst)
        else:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy)


def sync(catalogue: Catalogue, url: str, token: str) -> tuple[float, MeasuringTransport,
                                                               SyncReport]:
    transport = MeasuringTransport()
    with RegionalClient(url, token, transport=transport) as client:
        started = time.perf_counter()
        report = Synchroniser(catalogue, client, token).run()
        elapsed = time.perf_counter() - started
    return elapsed, transport, report


def measured_sync(title: str, catalogue: Catalogue, url: str, token: str,
                  server: psutil.Process) -> None:
    """One sync, printed with where its time went."""
    cpu, server_cpu = time.process_time(), server_cpu_seconds(server)
    elapsed, transport, report = sync(catalogue, url, token)
    cpu, server_cpu = time.process_time() - cpu, server_cpu_seconds(server) - server_cpu
    print(f"{title}: {elapsed:.1f} s; {report.summary()}")
    print(f"  CPU: desk process {cpu:.1f} s (all its threads), server {server_cpu:.1f} s"
          " (PostgreSQL's own not counted)")
    print("  engine steps (s; the steps of one thread add up to its time):")
    for step, seconds in sorted(report.seconds.items(), key=lambda item: -item[1]):
        print(f"    {step:<34} {seconds:7.2f}")
    print("  requests (count, s until the answer's headers):")
    for kind, seconds in sorted(transport.seconds.items(), key=lambda item: -item[1]):
        print(f"    {kind:<34} {transport.kinds[kind]:6d} {seconds:7.2f}")


def cli_sync_ms(catalogue_dir: Path, url: str, token_file: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "catalogue_app", "--catalogue", str(catalogue_dir),
                    "sync", "--server", url, "--token-file", str(token_file)],
                   cwd=REPO, check=True, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get(
        "CATALOGUE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--image-mb", type=float, default=3.0)
    args = parser.parse_args()

    source = cached_desk(args.records, args.images, args.image_mb)
    with tempfile.TemporaryDirectory() as temp, fresh_schema(args.pg) as db_url:
        work = Path(temp)
        copy_desk(source, work / "desk")
        catalogue = Catalogue.open(work / "desk")
        database = Database(db_url)
        database.upgrade_schema()
        with database.write_session() as session:
            admin.add_museum(session, MUSEUM, "Musée du banc d'essai")
        with database.write_session() as session:
            _id, token, _notes = admin.create_token(session, MUSEUM, "bench", admin.Role.EDITOR)
        database.dispose()
        token_file = work / "token"
        token_file.write_text(token)
        print(f"load average before: {os.getloadavg()}")
        with running_server(db_url, work / "blobs", workers=1) as (url, server):
            measured_sync(f"initial sync ({args.records} records, {args.images} images of"
                          f" ~{args.image_mb} MB; target <= 60 s)", catalogue, url, token, server)
            measured_sync("next sync (reads the desk's own records back from the feed)",
                          catalogue, url, token, server)
            runs = [sync(catalogue, url, token) for _ in range(NO_OP_RUNS)]
            times = sorted(elapsed * 1000 for elapsed, _t, _r in runs)
            print(f"no-op sync, engine call: median {statistics.median(times):.0f} ms,"
                  f" max {times[-1]:.0f} ms (target <= 100 ms);"
                  f" requests {dict(runs[-1][1].counts)} (target: one per direction at most)")
            steps = runs[-1][2].seconds
            print("  steps (ms): " + ", ".join(f"{step} {seconds * 1000:.1f}"
                                               for step, seconds in steps.items()))
            catalogue.close()
            cli = sorted(cli_sync_ms(work / "desk", url, token_file) for _ in range(5))
            print(f"no-op sync, `catalogue-app sync` process (start and imports included):"
                  f" median {statistics.median(cli):.0f} ms")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
