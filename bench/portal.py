"""Portal benchmark of the regional base on PostgreSQL (a benchmark, not a test).

A base with N published records (default 70,000) from M museums (default 60), tagged with the
network's themes, a few hundred of them illustrated (derivatives made before measuring), served
by `catalogue-base serve` in a subprocess. Then, with one visitor at a time, the server time of
each page type as the visitor sees it (p50, p95): home, object pages, search pages (broad
one-word queries, narrow ones, inventory numbers, facets), beside a baseline measured in the same
run (robots.txt: the same server, no database), the CPU each page costs the server and
PostgreSQL (their processes' own CPU time, which the machine's load cannot skew), and each page's
weight without images, compressed as served. Broad searches are measured twice: words asked
for the first time since the last push (the portal computes their facets) and words asked
again (it kept them, site.py).

Then 50 visitors (--visitors) browse those pages for 60 s (--seconds), each reading a page about
every second (--think), while a museum desk pushes batches of 100 published records back to back
(--pushes new: 100 new objects each; edits: corrections of the museum's 3,000 objects in turn): the
visitors' p95 and errors, and the push's p95 beside the same desk's alone for as long, half before
and half after the visitors. The base runs as deployed (docs/deploy.md): the desk on `serve --part
desks`, the visitors on `serve --part public` (--one-server: both on one `serve`), each part in a
CPU scheduling group weighted as its systemd unit says (deploy/; --public-weight tries another)
where the machine lets a root process make cgroups; the desk and the visitors' browsers, other
computers in service, run in processes of their own, in a group that gets the processor as soon as
it asks (without cgroups, the browsers at a low priority). Where the cores went, per part and for
PostgreSQL, is printed for the desk alone and among the visitors. Every push changes what the
portal shows, so the visitors meet pages the portal must compute again (the network's at most every
few seconds, portal/site.py). Then a control: the same pushes with no visitor, beside processes
that have nothing to do with the base keeping as many cores busy as the visits cost the base (its
servers and PostgreSQL), to tell how much of the push's slowdown is the portal and how much only
the machine being shared.

    .venv/bin/python bench/portal.py [--pg URL] [--records 70000] [--museums 60] [--requests 300]
        [--visitors 50] [--seconds 60] [--think 1.0] [--workers 1] [--public-workers N]
        [--public-weight W] [--pushes new|edits] [--one-server] [--seeded DIR]
    .venv/bin/python bench/portal.py --serve DIR [--records 2000]   a demo portal on SQLite in DIR

The data go to a fresh schema that is dropped at the end. URL defaults to CATALOGUE_TEST_PG_URL.
With --seeded DIR the seeded base is kept (a database of its own beside URL's, its images in DIR)
and later runs with the same options start from a copy of it (CREATE DATABASE ... TEMPLATE:
seconds instead of the seeding's 5 to 10 minutes), for measuring change after change."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import hashlib
import multiprocessing
import multiprocessing.connection
import multiprocessing.synchronize
import os
import random
import shutil
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import httpx
import psutil
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.ingest import (  # noqa: E402
    DatabaseCPU,
    batch_body,
    fresh_schema,
    make_record,
    running_server,
    server_cpu_seconds,
)
from catalogue_app.demo.generator import demo_image, generate_records  # noqa: E402
from catalogue_app.protocol import MAX_BATCH_RECORDS  # noqa: E402
from catalogue_app.records.dating_years import parse_dating  # noqa: E402
from catalogue_app.regional import admin, portal_index, records, shared  # noqa: E402
from catalogue_app.regional.blobs import BlobStore, object_key  # noqa: E402
from catalogue_app.regional.derivatives import DerivativeWorker  # noqa: E402
from catalogue_app.regional.limits import Limits  # noqa: E402
from catalogue_app.regional.oai.keeper import MetadataKeeper  # noqa: E402
from catalogue_app.regional.stores import open_store  # noqa: E402
from db.regional.engine import Database  # noqa: E402
from db.regional.models import Museum, MuseumBlob  # noqa: E402

TOWNS = ("Rouen", "Caen", "Le Havre", "Dieppe", "Évreux", "Alençon", "Bayeux", "Fécamp",
         "Honfleur", "Vernon", "Lisieux", "Granville")
T = TypeVar("T")
PUBLIC_URL = "https://collections.example.org"
QUERIES_BROAD = ("assiette", "coiffe", "fer", "rouen", "bois", "xixe", "lin", "photographie")
QUERIES_NARROW = ("coiffe dentelle", "assiette faience rouen", "fusil noyer", "brodé")
# Words found in 3,000 to 35,000 of the demo records, each asked once, for the first time.
QUERIES_BROAD_FIRST = (
    "siècle", "décor", "achat", "ancien", "revers", "provenance", "objet", "collection", "legs",
    "vêtement", "usage", "normand", "sujet", "étiquette", "exposition", "restauration",
    "papier", "petit", "forgé", "visible", "musée", "ensemble", "service", "dépôt", "table",
    "tournage", "verre", "terre", "caen", "toile", "laiton", "fleur", "huile", "sculpture",
    "travail", "argent", "coton")


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
                admin.set_museum_details(session, caller.museum_id, town=TOWNS[n % len(TOWNS)],
                                         presentation=(
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
        # The harvesters' metadata kept, as a base in service has it: the server's keeper then
        # only writes what the visits' pushes change.
        keeper = MetadataKeeper(database, PUBLIC_URL, pause_per_work=0)
        while not keeper.run_pass():
            pass
        if database.is_postgresql:
            vacuumed(database)
    finally:
        database.dispose()


def vacuumed(database: Database) -> None:
    """What autovacuum does after a bulk load or a migration (the test server runs without it):
    the planner needs the tables' statistics, and index-only scans the visibility map. The
    bench's own tables only: a bare VACUUM takes every schema of the database."""
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        tables = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        )).scalars().all()
        connection.execute(text("VACUUM ANALYZE " + ", ".join(f'"{t}"' for t in tables)))


def upgraded(url: str) -> None:
    """A copy of a base seeded by an earlier version of the code brought to this one's schema,
    vacuumed as a base in service would be after the migration."""
    database = Database(url)
    try:
        revision = "SELECT version_num FROM alembic_version"
        with database.engine.connect() as connection:
            before = connection.scalar(text(revision))
        database.upgrade_schema()
        with database.engine.connect() as connection:
            if connection.scalar(text(revision)) != before:
                vacuumed(database)
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


def pages(client: httpx.Client) -> dict[str, Callable[[], str]]:
    """Page kind -> a new address of that kind each call, so no answer comes from the portal's
    own cache of a page version (the home page's counts are, by design, kept per version)."""
    rng = random.Random(3)
    total = client.get("/api/public/v1/search", params={"limit": 1}).json()["total"]
    ids = [hit["id"] for hit in client.get("/api/public/v1/search", params={
        "limit": 100, "offset": min(5000, total // 2)}).json()["results"]]
    numbers = [client.get(f"/api/public/v1/objects/{i}").json()["fields"]["inventory_number"]
               for i in ids[:20]]
    museums = [m.split('"')[0] for m in client.get("/musees").text.split('href="/musees/')[1:]]
    return {
        "home": lambda: "/",
        "object": lambda: f"/objets/{rng.choice(ids)}",
        "search, broad word": lambda: f"/recherche?q={rng.choice(QUERIES_BROAD)}",
        "search, narrow": lambda: f"/recherche?q={rng.choice(QUERIES_NARROW)}",
        "search, inventory number": lambda: f"/recherche?q={rng.choice(numbers)}",
        "search, no words (all)": lambda: f"/recherche?page={rng.randint(1, 200)}",
        "museum": lambda: f"/musees/{rng.choice(museums)}",
    }


@dataclass
class Servers:
    """The base's `serve` processes: the desks' part and the public part, or one of both."""

    desk_url: str
    visitors_url: str
    processes: list[tuple[psutil.Process, DatabaseCPU]]

    def cpu(self) -> tuple[float, float]:
        """CPU used so far by the servers and by their PostgreSQL backends (seconds)."""
        return totals(self.cpu_by_part())

    def cpu_by_part(self) -> list[tuple[float, float]]:
        """CPU used so far by each `serve` and by its PostgreSQL backends (seconds)."""
        return [(server_cpu_seconds(server), database.seconds())
                for server, database in self.processes]

    def cores_by_part(self, then: list[tuple[float, float]], now: list[tuple[float, float]],
                      seconds: float) -> str:
        """Where the CPU went between two readings of cpu_by_part, in cores."""
        names = ("both parts",) if len(self.processes) == 1 else ("desks' part", "public part")
        return "; ".join(
            f"{name} {(server - server_then) / seconds:.2f} + PostgreSQL"
            f" {(database - database_then) / seconds:.2f}"
            for name, (server, database), (server_then, database_then)
            in zip(names, now, then, strict=True))


def totals(parts: list[tuple[float, float]]) -> tuple[float, float]:
    """A cpu_by_part reading's servers and PostgreSQL, all parts together (seconds)."""
    return sum(server for server, _ in parts), sum(database for _, database in parts)


def measure(servers: Servers, requests: int) -> dict[str, Callable[[], str]]:
    with httpx.Client(base_url=servers.visitors_url, timeout=60,
                      headers={"Accept-Encoding": "gzip"}) as client:
        kinds = pages(client)
        first = iter(QUERIES_BROAD_FIRST)
        series: list[tuple[str, Callable[[], str], int]] = [
            ("baseline (robots.txt)", lambda: "/robots.txt", requests),
            ("search, broad, first ask", lambda: f"/recherche?q={next(first)}",
             len(QUERIES_BROAD_FIRST)),
            *((name, path_of, requests) for name, path_of in kinds.items()),
        ]
        print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'x base':>7} {'kB gz':>7}"
              f" {'server CPU ms':>14} {'PG CPU ms':>10}")
        base_p95 = None
        for name, path_of, count in series:
            times, weight, failed = [], 0, 0
            cpu, db_cpu = servers.cpu()
            for _ in range(count):
                elapsed, response = timed(client, path_of())
                # A busy machine can pass the base's 5 s deadline (503): counted, not fatal.
                failed += response.status_code != 200
                times.append(elapsed)
                weight = max(weight, len(gzip.compress(response.content)))
            cpu_now, db_cpu_now = servers.cpu()
            cpu, db_cpu = (cpu_now - cpu) * 1000 / count, (db_cpu_now - db_cpu) * 1000 / count
            p95 = percentile(times, 95)
            base_p95 = base_p95 or p95
            print(f"{name:28} {statistics.median(times):8.1f} {p95:8.1f} {p95 / base_p95:7.1f}"
                  f" {weight / 1024:7.1f} {cpu:14.1f} {db_cpu:10.1f}"
                  f"{f'  {failed} not 200' if failed else ''}")
        for asset in ("/static/portal.css", "/static/zoom.js"):
            size = len(gzip.compress(client.get(asset).content)) / 1024
            print(f"asset {asset}: {size:.1f} kB gz")
    return kinds


def desk_token(db_url: str) -> str:
    """An editor token of the first museum, for the desk that pushes during the visits."""
    database = Database(db_url)
    try:
        with database.write_session() as session:
            code = admin.list_museums(session)[0].code
            return admin.create_token(session, code, "bench-desk")[1]
    finally:
        database.dispose()


class DeskRecords:
    """What the desk pushes, 100 published records a batch. `new`: new objects every batch
    (the museum grows by 100 objects a push). `edits`: corrections of the museum's 3,000
    objects, in turn, each on the version the last answer gave (a museum's daily work)."""

    POOL = 3000

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.made = 0
        self.pool = [make_record("BENCH", n) for n in range(self.POOL)] if mode == "edits" else []
        self.versions: dict[str, int] = {}

    def batch(self) -> bytes:
        if self.mode == "new":
            records = [make_record("BENCH", self.made + i) for i in range(100)]
        else:
            start = self.made % self.POOL
            records = [{**r, "base_version": self.versions.get(r["id"]),
                        "fields": {**r["fields"], "title": f"{r['fields']['title']}, v{self.made}"}}
                       for r in self.pool[start:start + 100]]
        self.made += 100
        return batch_body([{**r, "fields": {**r["fields"], "public": True, "status": "active"}}
                           for r in records])

    def answered(self, results: list[dict]) -> None:
        self.versions.update((r["id"], r["version"]) for r in results if "version" in r)


async def desk(url: str, token: str, records: DeskRecords, batches: int | None,
               stop: multiprocessing.synchronize.Event | None) -> tuple[list[float], list[str]]:
    """`batches` batches pushed back to back (or until `stop` is set): (seconds, errors)."""
    latencies, errors = [], []
    headers = {"Authorization": f"Bearer {token}", "Catalogue-Protocol": "1",
               "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120) as client:
        while batches is None or len(latencies) < batches:
            if stop is not None and stop.is_set():
                break
            body = records.batch()
            started = time.perf_counter()
            answer = await client.post("/api/v1/records:batch", content=body,
                                       headers={"Idempotency-Key": str(uuid.uuid4())})
            latencies.append(time.perf_counter() - started)
            if answer.status_code != 200:
                errors.append(f"HTTP {answer.status_code}: {answer.text[:300]}")
            else:
                records.answered(answer.json()["results"])
    return latencies, errors


def server_seconds(answer: httpx.Response) -> float | None:
    """The server's own part of an answer's time (its Server-Timing header), without the wait
    for the server to read the request and for the client to read the answer; None for an
    answer the app never saw (uvicorn's own refusals carry no header)."""
    timing = answer.headers.get("server-timing", "").partition(";dur=")[2]
    return float(timing) / 1000 if timing else None


async def visitor(url: str, kinds: dict[str, Callable[[], str]], think: float, until: float,
                  seed_: int) -> tuple[list[tuple[str, float, float | None]], list[str]]:
    """One visitor: a page of a random kind, a pause of about `think` seconds, again: (kind,
    seconds, the server's seconds) of each page answered, errors."""
    rng = random.Random(seed_)
    latencies, errors = [], []
    names = list(kinds)
    async with httpx.AsyncClient(base_url=url, timeout=60,
                                 headers={"Accept-Encoding": "gzip"}) as client:
        await asyncio.sleep(rng.random() * think)
        while time.perf_counter() < until:
            started = time.perf_counter()
            try:
                kind = rng.choice(names)
                answer = await client.get(kinds[kind]())
                if answer.status_code != 200:
                    errors.append(f"HTTP {answer.status_code}")
                latencies.append((kind, time.perf_counter() - started, server_seconds(answer)))
            except httpx.HTTPError as error:
                errors.append(type(error).__name__)
            await asyncio.sleep(think * (0.5 + rng.random()))
    return latencies, errors


# In service the desk and the visitors' browsers are other computers: reading an answer never
# waits for the base's processor. Here they run in a scheduling group of their own that gets the
# processor as soon as it asks (~0.1 core all told; scheduled_as_deployed), else the visitors at
# a low priority: their HTTP clients (~2 ms of CPU a page) would take the machine from the desk.
VISITORS_NICENESS = 15
CLIENTS_WEIGHT = 1000


def pushing(url: str, token: str, records: DeskRecords, batches: int | None,
            stop: multiprocessing.synchronize.Event | None = None
            ) -> Callable[[], tuple[list[float], list[str], DeskRecords]]:
    """`desk` started in a process of its own, as a desk runs on a computer of its own (the
    visitors' clients would otherwise delay reading its answers); call the result for its
    latencies, errors and records once it ends."""
    return in_process(_desk_process, url, token, records, batches, stop)


def pushing_for(url: str, token: str, records: DeskRecords, seconds: float
                ) -> tuple[list[float], list[str], DeskRecords]:
    """The desk pushing back to back for `seconds`: its latencies, errors and records."""
    stop = multiprocessing.Event()
    ended = pushing(url, token, records, None, stop)
    time.sleep(seconds)
    stop.set()
    return ended()


def visiting(url: str, kinds: dict[str, Callable[[], str]], args: argparse.Namespace
             ) -> Callable[[], tuple[list[tuple[str, float, float | None]], list[str]]]:
    """The visitors started in a process of their own (as_other_computers); call the result
    for their latencies and errors once they end."""
    return in_process(_visitors_process, url, kinds, args)


def in_process(target: Callable[..., T], *arguments) -> Callable[[], T]:
    """`target(*arguments)` in a child process (forked: it shares this one's state); call the
    result for its return value once it ends."""
    receiving, sending = multiprocessing.Pipe(duplex=False)
    process = multiprocessing.Process(target=_answer, args=(sending, target, *arguments))
    process.start()

    def ended() -> T:
        answer = receiving.recv()
        process.join()
        return answer
    return ended


def _answer(answer: multiprocessing.connection.Connection, target: Callable[..., T],
            *arguments) -> None:
    answer.send(target(*arguments))


def _desk_process(url: str, token: str, records: DeskRecords, batches: int | None,
                  stop: multiprocessing.synchronize.Event | None
                  ) -> tuple[list[float], list[str], DeskRecords]:
    as_other_computers(0)
    latencies, errors = asyncio.run(desk(url, token, records, batches, stop))
    return latencies, errors, records


def _visitors_process(url: str, kinds: dict[str, Callable[[], str]], args: argparse.Namespace
                      ) -> tuple[list[tuple[str, float, float | None]], list[str]]:
    as_other_computers(VISITORS_NICENESS)

    async def visits() -> tuple[list, list]:
        until = time.perf_counter() + args.seconds
        visited = await asyncio.gather(*(visitor(url, kinds, args.think, until, n)
                                         for n in range(args.visitors)))
        return [t for v in visited for t in v[0]], [e for v in visited for e in v[1]]
    return asyncio.run(visits())


def crowd(servers: Servers, kinds: dict[str, Callable[[], str]], token: str,
          args: argparse.Namespace) -> None:
    """The visitors while a desk pushes, beside the same desk alone."""
    url = servers.desk_url
    records = DeskRecords(args.pushes)
    if args.pushes == "edits":  # the museum's objects, before its corrections are timed
        *_, records = pushing(url, token, records, DeskRecords.POOL // 100)()
    then = servers.cpu_by_part()
    # The desk alone for as long as among the visitors, half before them and half after (the
    # machine and the museum drift over the minutes of a run: the halves bracket the visits).
    # 100 batches each side (~9 s) were too short: their two p95s differed by up to a third
    # in one run (88 and 114 ms); 30 s each gave 95 and 95.
    started = time.perf_counter()
    before, alone_errors, records = pushing_for(url, token, records, args.seconds / 2)
    now = servers.cpu_by_part()
    push_cpu = (sum(totals(now)) - sum(totals(then))) / len(before)
    alone_cores = servers.cores_by_part(then, now, time.perf_counter() - started)

    then = servers.cpu_by_part()
    started = time.perf_counter()
    stop = multiprocessing.Event()
    desk_ended = pushing(url, token, records, None, stop)
    seen, errors = visiting(servers.visitors_url, kinds, args)()
    stop.set()
    pushed, push_errors, records = desk_ended()
    took = time.perf_counter() - started
    now = servers.cpu_by_part()
    crowd_cores = servers.cores_by_part(then, now, took)
    after, after_errors, records = pushing_for(url, token, records, args.seconds / 2)
    alone, alone_errors = before + after, alone_errors + after_errors
    (cpu, db_cpu), (cpu_then, db_cpu_then) = totals(now), totals(then)
    cpu, db_cpu = cpu - cpu_then, db_cpu - db_cpu_then
    # What the visits cost the base (its servers and PostgreSQL; the browsers are elsewhere in
    # service), the desk's own pushes left out.
    visits_load = (cpu + db_cpu - push_cpu * len(pushed)) / took
    ms = [t * 1000 for _, t, _ in seen]
    print(f"{args.visitors} visitors for {args.seconds} s (a page every ~{args.think} s each,"
          f" {args.workers} server process{'es' if args.workers > 1 else ''}"
          f"{' serving both' if args.one_server else ' for each part'})"
          f" while a desk pushes batches of 100 published records back to back"
          f" ({'new objects' if args.pushes == 'new' else 'corrections of 3,000 objects'}):")
    print(f"  visitors: {len(ms)} pages ({len(ms) / took:.0f}/s), p50 {statistics.median(ms):.0f}"
          f" ms, p95 {percentile(ms, 95):.0f} ms, {len(errors)} errors"
          f"{' (' + errors[0] + ')' if errors else ''}; the server's part of it (Server-Timing)"
          f" p95 {percentile([s * 1000 for *_, s in seen if s is not None], 95):.0f} ms")
    by_kind = {kind: [t * 1000 for k, t, _ in seen if k == kind] for kind in kinds}
    print("  visitors' p95 by page: " + ", ".join(
        f"{kind} {percentile(times, 95):.0f} ms" for kind, times in by_kind.items()
        if len(times) > 1))  # a percentile needs two pages
    print(f"  push: alone p95 {percentile([t * 1000 for t in alone], 95):.0f} ms"
          f" ({len(alone)} batches; {percentile([t * 1000 for t in before], 95):.0f} before the"
          f" visitors, {percentile([t * 1000 for t in after], 95):.0f} after), with the"
          f" visitors p95"
          f" {percentile([t * 1000 for t in pushed], 95):.0f} ms ({len(pushed)} batches), ratio"
          f" {percentile(pushed, 95) / percentile(alone, 95):.2f};"
          f" {len(alone_errors) + len(push_errors)} push errors"
          f"{' (' + (alone_errors + push_errors)[0] + ')' if alone_errors + push_errors else ''}")
    print(f"  CPU over the {took:.0f} s: server {cpu:.1f} s, PostgreSQL {db_cpu:.1f} s"
          f" ({(cpu + db_cpu) * 1000 / max(1, len(ms) + len(pushed)):.1f} ms per request);"
          f" the visits kept {visits_load:.2f} of the {os.cpu_count()} cores busy")
    print(f"  cores busy, the desk alone before the visitors: {alone_cores}")
    print(f"  cores busy, among the visitors: {crowd_cores}")
    beside, beside_errors, _ = busy_machine(
        visits_load, lambda: pushing_for(url, token, records, args.seconds))
    print(f"  control: the same pushes with no visitor, beside other processes keeping"
          f" {visits_load:.2f} cores busy: p95 {percentile([t * 1000 for t in beside], 95):.0f}"
          f" ms, ratio {percentile(beside, 95) / percentile(alone, 95):.2f} to alone;"
          f" {len(beside_errors)} push errors")


# Where Linux's cgroup v1 CPU controller lets a root process make scheduling groups (the bench
# machine's Debian 12); in service, systemd makes them from the units' CPUWeight.
CPU_CGROUPS = Path("/sys/fs/cgroup/cpu")
UNITS = {"desks": REPO / "deploy" / "catalogue-base.service",
         "public": REPO / "deploy" / "catalogue-base-public.service"}
CLIENTS = CPU_CGROUPS / "portal-bench-clients"


def as_other_computers(niceness: int) -> None:
    """This process (a desk, the visitors' browsers) scheduled as if it ran on a computer of
    its own: in the clients' scheduling group, else at `niceness`."""
    if CLIENTS.exists():
        (CLIENTS / "cgroup.procs").write_text(str(os.getpid()))
    elif niceness:
        os.nice(niceness)


def unit_weight(unit: Path) -> int:
    """The CPUWeight a systemd unit sets (systemd's default, 100, if none)."""
    for line in unit.read_text().splitlines():
        if line.strip().startswith("CPUWeight="):
            return int(line.split("=", 1)[1])
    return 100


@contextlib.contextmanager
def scheduled_as_deployed(parts: list[psutil.Process], public_weight: int | None
                          ) -> Iterator[None]:
    """Each part's processes in a CPU scheduling group of its own weighted as its systemd unit
    says (deploy/; the public part's `public_weight` if given), as systemd runs them: between
    groups, a process's nice counts for nothing. Without a writable cgroup v1 CPU controller,
    the parts stay where they are (said)."""
    if not os.access(CPU_CGROUPS / "cgroup.procs", os.W_OK):
        print("(no writable CPU cgroups here: the parts share the bench's scheduling group)")
        yield
        return
    weights = {name: unit_weight(unit) for name, unit in UNITS.items()}
    weights["public"] = public_weight or weights["public"]
    groups = []
    try:
        for name, server in zip(UNITS, parts, strict=True):
            group = CPU_CGROUPS / f"portal-bench-{name}"
            group.mkdir(exist_ok=True)
            groups.append(group)
            # systemd's CPUWeight w is cgroup v1's cpu.shares w * 1024 / 100.
            (group / "cpu.shares").write_text(str(weights[name] * 1024 // 100))
            for process in [server, *server.children(recursive=True)]:
                (group / "cgroup.procs").write_text(str(process.pid))
        CLIENTS.mkdir(exist_ok=True)
        groups.append(CLIENTS)
        (CLIENTS / "cpu.shares").write_text(str(CLIENTS_WEIGHT * 1024 // 100))
        print("parts scheduled as deployed: " + ", ".join(
            f"{name} CPUWeight {weight}" for name, weight in weights.items())
            + f"; the desk and the visitors' browsers CPUWeight {CLIENTS_WEIGHT}")
        yield
    finally:
        for group in groups:
            for pid in (group / "cgroup.procs").read_text().split():
                with contextlib.suppress(OSError):
                    (CPU_CGROUPS / "cgroup.procs").write_text(pid)
            group.rmdir()


def busy_machine(cores: float, work: Callable[[], T]) -> T:
    """`work()` while processes that have nothing to do with the base keep `cores` busy: how
    much of a push's slowdown among visitors is only the machine being shared."""
    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(min(0.95, max(0.0, cores / 2)), stop))
               for _ in range(2)]
    for burner in burners:
        burner.start()
    try:
        return work()
    finally:
        stop.set()
        for burner in burners:
            burner.join(10)


def _burn(duty: float, stop: multiprocessing.synchronize.Event) -> None:
    """Busy `duty` of every 10 ms, until `stop`."""
    while not stop.is_set():
        started = time.perf_counter()
        while time.perf_counter() - started < duty * 0.01:
            pass
        time.sleep((1 - duty) * 0.01)


@contextlib.contextmanager
def seeded_copy(args: argparse.Namespace, blobs: Path) -> Iterator[str]:
    """A copy of the base seeded with `args`' options (seeded first if there is none yet), as a
    database of its own dropped at the end, its images copied to `blobs`: the URL."""
    name = f"portal_bench_{args.records}_{args.museums}_{args.illustrated}"
    kept_blobs = args.seeded / name
    server = create_engine(args.pg, isolation_level="AUTOCOMMIT")

    def database(name: str) -> str:
        return make_url(args.pg).set(database=name).render_as_string(hide_password=False)
    try:
        with server.connect() as connection:
            exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                       {"n": name})
            if not exists or not kept_blobs.exists():
                # Seeded under other names, renamed once whole: a run stopped while seeding
                # leaves nothing the next one would take for a seeded base.
                seeding, seeding_blobs = f"{name}_seeding", args.seeded / f"{name}_seeding"
                shutil.rmtree(seeding_blobs, ignore_errors=True)
                seeding_blobs.mkdir(parents=True)
                connection.execute(text(f'DROP DATABASE IF EXISTS "{seeding}"'))
                connection.execute(text(f'CREATE DATABASE "{seeding}"'))
                seed(database(seeding), seeding_blobs, args.records, args.museums,
                     args.illustrated)
                shutil.rmtree(kept_blobs, ignore_errors=True)
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
                connection.execute(text(f'ALTER DATABASE "{seeding}" RENAME TO "{name}"'))
                seeding_blobs.rename(kept_blobs)
            copy = f"{name}_run"
            connection.execute(text(f'DROP DATABASE IF EXISTS "{copy}"'))
            connection.execute(text(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"'))
        shutil.copytree(kept_blobs, blobs, dirs_exist_ok=True)
        try:
            upgraded(database(copy))
            yield database(copy)
        finally:
            with server.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)'))
    finally:
        server.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("CATALOGUE_TEST_PG_URL"))
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--museums", type=int, default=60)
    parser.add_argument("--illustrated", type=int, default=400)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes (serve --workers); production runs several")
    parser.add_argument("--public-workers", type=int,
                        help="server processes of the public part (default: --workers)")
    parser.add_argument("--public-weight", type=int,
                        help="the public part's CPUWeight (default: its unit's, deploy/)")
    parser.add_argument("--pushes", choices=("new", "edits"), default="new",
                        help="what the desk pushes during the visits (DeskRecords)")
    parser.add_argument("--one-server", action="store_true",
                        help="desk and visitors on one `serve` of every part (Servers)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="seconds a visitor reads a page (0.5 to 1.5 times this)")
    parser.add_argument("--seeded", type=Path, metavar="DIR",
                        help="keep the seeded base (its images in DIR) and start from a copy")
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

    with contextlib.ExitStack() as base, tempfile.TemporaryDirectory() as blobs:
        started = time.perf_counter()
        if args.seeded:
            db_url = base.enter_context(seeded_copy(args, Path(blobs)))
        else:
            db_url = base.enter_context(fresh_schema(args.pg))
            seed(db_url, Path(blobs), args.records, args.museums, args.illustrated)
        print(f"seeded {args.records} published records from {args.museums} museums in"
              f" {time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.1f}")
        token = desk_token(db_url)
        with contextlib.ExitStack() as stack:
            # As deployed (docs/deploy.md), the desk on `serve --part desks` and the visitors
            # on `serve --part public`; or both on one `serve`.
            started = [stack.enter_context(running_server(
                db_url, Path(blobs), workers, ("--public-url", PUBLIC_URL, "--part", part)))
                for part, workers in ((("all", args.workers),) if args.one_server else (
                    ("desks", args.workers), ("public", args.public_workers or args.workers)))]
            processes = [(server, DatabaseCPU(server, db_url)) for _, server in started]
            if not args.one_server:
                stack.enter_context(scheduled_as_deployed([server for _, server in started],
                                                          args.public_weight))
            for _, database in processes:
                stack.callback(database.close)
            servers = Servers(started[0][0], started[-1][0], processes)
            kinds = measure(servers, args.requests)
            crowd(servers, kinds, token, args)
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
