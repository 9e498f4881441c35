"""Portal benchmark of the regional base on PostgreSQL (a benchmark, not a test).

A base with N published records (default 70,000) from M museums (default 60), tagged with the
network's themes, a few hundred of them illustrated (derivatives made before measuring), served
by `catalogue-base serve` in a subprocess. Then, with one visitor at a time, the server time of
each page type as the visitor sees it (p50, p95): home, object pages, search pages (broad
one-word queries, narrow ones, inventory numbers, facets), beside a baseline measured in the same
run (robots.txt: the same server, no database), and each page's weight without images,
compressed as served.

    .venv/bin/python bench/portal.py [--pg URL] [--records 70000] [--museums 60] [--requests 300]
    .venv/bin/python bench/portal.py --serve DIR [--records 2000]   a demo portal on SQLite in DIR

The data go to a fresh schema that is dropped at the end. URL defaults to CATALOGUE_TEST_PG_URL."""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx
from sqlalchemy import select

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.ingest import fresh_schema, running_server  # noqa: E402
from catalogue_app.demo.generator import demo_image, generate_records  # noqa: E402
from catalogue_app.protocol import MAX_BATCH_RECORDS  # noqa: E402
from catalogue_app.records.dating_years import parse_dating  # noqa: E402
from catalogue_app.regional import admin, portal_index, records, shared  # noqa: E402
from catalogue_app.regional.blobs import BlobStore, object_key  # noqa: E402
from catalogue_app.regional.derivatives import DerivativeWorker  # noqa: E402
from catalogue_app.regional.limits import Limits  # noqa: E402
from catalogue_app.regional.stores import open_store  # noqa: E402
from db.regional.engine import Database  # noqa: E402
from db.regional.models import Museum, MuseumBlob  # noqa: E402

TOWNS = ("Rouen", "Caen", "Le Havre", "Dieppe", "Évreux", "Alençon", "Bayeux", "Fécamp",
         "Honfleur", "Vernon", "Lisieux", "Granville")
QUERIES_BROAD = ("assiette", "coiffe", "fer", "rouen", "bois", "xixe", "lin", "photographie")
QUERIES_NARROW = ("coiffe dentelle", "assiette faience rouen", "fusil noyer", "brodé")


def seed(db_url: str, blobs_dir: Path, count: int, museums: int, illustrated: int) -> None:
    """Fill an empty base: themes, museums, `count` public records, `illustrated` of them with
    an image whose derivatives are made here."""
    database = Database(db_url)
    database.upgrade_schema()
    blobs = BlobStore(open_store(blobs_dir), database, Limits())
    try:
        with database.write_session() as session:
            portal_index.build_if_needed(session)  # an empty base: nothing to publish yet
            shared.import_themes(session, shared.read_json_file(
                REPO / "resources" / "themes.json"), "themes.json")
            for n in range(museums):
                town = TOWNS[n % len(TOWNS)]
                admin.add_museum(session, f"M{n + 1:04d}", f"Musée de {town} {n + 1}")
        with database.write_session() as session:
            codes = {m.code for m in admin.list_museums(session)}
            rows = session.execute(select(Museum.id, Museum.code).order_by(Museum.id)).all()
            callers = [admin.Caller(i, code, code, "bench", admin.Role.EDITOR)
                       for i, code in rows if code in codes]
            for n, caller in enumerate(callers):
                admin.set_museum_page(session, caller.museum_id, TOWNS[n % len(TOWNS)], (
                    "Collections d'art et de traditions populaires, de la faïence au textile,"
                    " présentées au public depuis 1890."))
        batch: list[records.PushedRecord] = []
        museum = 0
        every = max(1, count // max(1, illustrated)) if illustrated else 0
        for index, fields in enumerate(generate_records(count, seed=7)):
            fields = {**fields, "public": True, "status": "active"}
            years = parse_dating(fields.get("dating") or "")
            if years:
                fields["date_earliest"], fields["date_latest"] = years
            if every and index % every == 0:
                data = demo_image(fields, 0)
                sha256 = hashlib.sha256(data).hexdigest()
                blobs.store.write(object_key(sha256), data)
                with database.write_session() as session:
                    session.merge(MuseumBlob(museum_id=callers[museum].museum_id, sha256=sha256,
                                             size=len(data), created_at="2026-01-01"))
                fields["images"] = [{"sha256": sha256, "file_name": "photo.jpg",
                                     "publishable": True, "is_primary": True, "position": 0,
                                     "credit": "Musée", "licence": "CC BY-SA 4.0",
                                     "photographer": "Service photo"}]
            batch.append(records.PushedRecord(str(uuid.uuid4()), None, fields))
            if len(batch) == MAX_BATCH_RECORDS:
                _push(database, callers[museum], batch)
                batch, museum = [], (museum + 1) % len(callers)
        if batch:
            _push(database, callers[museum], batch)
        worker = DerivativeWorker(database, blobs)
        while worker.run_once():
            pass
    finally:
        database.dispose()


def _push(database: Database, caller: admin.Caller, batch: list) -> None:
    with database.write_session() as session:
        records.push_batch(session, caller, str(uuid.uuid4()), batch, Limits())


def timed(client: httpx.Client, path: str) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    response = client.get(path)
    return (time.perf_counter() - start) * 1000, response


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def measure(url: str, requests: int) -> None:
    rng = random.Random(3)
    with httpx.Client(base_url=url, timeout=60, headers={"Accept-Encoding": "gzip"}) as client:
        ids = [hit["id"] for hit in client.get(
            "/api/public/v1/search", params={"limit": 100, "offset": 5000}).json()["results"]]
        numbers = [client.get(f"/api/public/v1/objects/{i}").json()["fields"]["inventory_number"]
                   for i in ids[:20]]
        museums = [m.split('"')[0] for m in client.get("/musees").text.split('href="/musees/')[1:]]
        kinds = {
            "baseline (robots.txt)": lambda: "/robots.txt",
            "home": lambda: "/",
            "object": lambda: f"/objets/{rng.choice(ids)}",
            "search, broad word": lambda: f"/recherche?q={rng.choice(QUERIES_BROAD)}",
            "search, narrow": lambda: f"/recherche?q={rng.choice(QUERIES_NARROW)}",
            "search, inventory number": lambda: f"/recherche?q={rng.choice(numbers)}",
            "search, no words (all)": lambda: f"/recherche?page={rng.randint(1, 200)}",
            "museum": lambda: f"/musees/{rng.choice(museums)}",
        }
        print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'x base':>7} {'kB gz':>7}")
        base_p95 = None
        for name, path_of in kinds.items():
            times, weight = [], 0
            for _ in range(requests):
                # A new address each time, so no answer comes from the portal's own cache of a
                # page version (the home page's counts are, by design, kept per version).
                elapsed, response = timed(client, path_of())
                assert response.status_code == 200, (name, response.status_code)
                times.append(elapsed)
                weight = max(weight, len(gzip.compress(response.content)))
            p95 = percentile(times, 95)
            base_p95 = base_p95 or p95
            print(f"{name:28} {statistics.median(times):8.1f} {p95:8.1f} {p95 / base_p95:7.1f}"
                  f" {weight / 1024:7.1f}")
        for asset in ("/static/portal.css", "/static/zoom.js"):
            size = len(gzip.compress(client.get(asset).content)) / 1024
            print(f"asset {asset}: {size:.1f} kB gz")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("CATALOGUE_TEST_PG_URL"))
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--museums", type=int, default=60)
    parser.add_argument("--illustrated", type=int, default=400)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--serve", type=Path, metavar="DIR",
                        help="build a demo base on SQLite in DIR and serve it on port 8765")
    args = parser.parse_args()
    if args.serve:
        db_url = f"sqlite:///{args.serve / 'regional.sqlite3'}"
        if not (args.serve / "regional.sqlite3").exists():
            args.serve.mkdir(parents=True, exist_ok=True)
            seed(db_url, args.serve / "blobs", args.records, min(args.museums, 12),
                 args.illustrated)
        from catalogue_app.regional.cli import main as base
        return base(["--data", str(args.serve), "serve"])
    if not args.pg:
        parser.error("give --pg URL or set CATALOGUE_TEST_PG_URL")
    import tempfile

    with fresh_schema(args.pg) as db_url, tempfile.TemporaryDirectory() as blobs:
        started = time.perf_counter()
        seed(db_url, Path(blobs), args.records, args.museums, args.illustrated)
        print(f"seeded {args.records} published records from {args.museums} museums in"
              f" {time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.1f}")
        with running_server(db_url, Path(blobs), 1) as (url, _process):
            measure(url, args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
