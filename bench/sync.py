"""Desk sync benchmark against a local regional base on PostgreSQL (a benchmark, not a test).

1. Initial sync of a desk holding N records (default 70,000) and M images of about S MB
   (default 500 of 3 MB): end to end, from the first request to the last answer applied.
2. A sync with nothing to do: requests per direction and time (median of 7).

    .venv/bin/python bench/sync.py [--pg URL] [--records 70000] [--images 500] [--image-mb 3]

The server runs as `catalogue-base serve` in a subprocess (bench/ingest.py's helpers); its
data go to a fresh schema dropped at the end. URL defaults to CATALOGUE_TEST_PG_URL."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ingest import fresh_schema, running_server  # noqa: E402
from catalogue_app.catalogue import Catalogue  # noqa: E402
from catalogue_app.demo_data import generate_records  # noqa: E402
from catalogue_app.images import gallery  # noqa: E402
from catalogue_app.images.store import ImageStore  # noqa: E402
from catalogue_app.records import insert_records  # noqa: E402
from catalogue_app.regional import admin  # noqa: E402
from catalogue_app.search.index import bulk_indexing  # noqa: E402
from catalogue_app.sync.client import RegionalClient, tls_context  # noqa: E402
from catalogue_app.sync.engine import Synchroniser  # noqa: E402
from db.regional.engine import Database  # noqa: E402

MUSEUM = "BENCH"


class CountingTransport(httpx.HTTPTransport):
    """Counts requests by method (GET: desk <- base, POST/PUT: desk -> base)."""

    def __init__(self) -> None:
        super().__init__(verify=tls_context())
        self.counts: Counter[str] = Counter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.counts[request.method] += 1
        return super().handle_request(request)


def uncompressible_png(seed: int, megabytes: float) -> bytes:
    """A real PNG of about `megabytes` MB (noise, stored uncompressed)."""
    from io import BytesIO

    from PIL import Image

    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    image = Image.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))
    out = BytesIO()
    image.save(out, "PNG", compress_level=0)
    return out.getvalue()


def fill_desk(catalogue: Catalogue, records: int, images: int, megabytes: float) -> None:
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


def sync(catalogue: Catalogue, url: str, token: str) -> tuple[float, Counter[str], object]:
    transport = CountingTransport()
    with RegionalClient(url, token, transport=transport) as client:
        started = time.perf_counter()
        report = Synchroniser(catalogue, client, token).run()
        elapsed = time.perf_counter() - started
    return elapsed, transport.counts, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get(
        "CATALOGUE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--images", type=int, default=500)
    parser.add_argument("--image-mb", type=float, default=3.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp, fresh_schema(args.pg) as db_url:
        work = Path(temp)
        catalogue = Catalogue.open(work / "desk")
        catalogue.set_museum(MUSEUM, "Musée du banc d'essai")
        started = time.perf_counter()
        fill_desk(catalogue, args.records, args.images, args.image_mb)
        print(f"desk filled: {args.records} records, {args.images} images of"
              f" ~{args.image_mb} MB in {time.perf_counter() - started:.1f} s (not timed below)")
        database = Database(db_url)
        database.upgrade_schema()
        with database.write_session() as session:
            admin.add_museum(session, MUSEUM, "Musée du banc d'essai")
        with database.write_session() as session:
            _id, token, _notes = admin.create_token(session, MUSEUM, "bench", admin.Role.EDITOR)
        database.dispose()
        with running_server(db_url, work / "blobs", workers=1) as (url, _server_process):
            elapsed, counts, report = sync(catalogue, url, token)
            print(f"initial sync: {elapsed:.1f} s (target <= 60 s);"
                  f" {report.summary()} requests {dict(counts)}")
            runs = [sync(catalogue, url, token) for _ in range(7)]
            times = sorted(ms for ms, _c, _r in runs)
            print(f"no-op sync: median {statistics.median(times) * 1000:.0f} ms,"
                  f" max {times[-1] * 1000:.0f} ms (target <= 100 ms);"
                  f" requests {dict(runs[-1][1])} (target: one per direction at most)")
        catalogue.close()


if __name__ == "__main__":
    main()
