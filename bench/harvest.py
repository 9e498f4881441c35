"""OAI-PMH harvest benchmark of the regional base on PostgreSQL (a benchmark, not a test).

A base with N published records (default 10,000, sized to run in minutes on a small machine;
the network has about 70,000) from M museums, some illustrated (derivatives made first), served
by `catalogue-base serve` in a subprocess. One harvester then takes the whole list through
resumption tokens, as an aggregator does:

- ListIdentifiers (headers only), the same run's baseline;
- ListRecords in LIDO, then in oai_dc, each twice: first when the base has kept no metadata
  (every record written, then kept), again from the kept metadata (kept_metadata.py); this
  server runs without its keeper (`serve --no-oai-keeper`), so the first is the harvest's own
  writing;
- then the first LIDO harvest after a change of every record's metadata (a shared vocabulary
  import), served by a server whose keeper (oai/keeper.py) writes ahead of harvesters: the time
  from the change until the keeper has caught up (server start included), then the harvest's,
  against the same run's "written" list;

with each list's total time, records per second, the server's and PostgreSQL's CPU per record,
the time to first byte of its pages (p50, p95, max and which page that was; robots.txt, which
touches no database, as the baseline of one request) and the server's peak resident memory
(its processes together) while it served them. The LIDO rate is extrapolated to 70,000
records.

    .venv/bin/python bench/harvest.py [--pg URL] [--records 10000] [--museums 60]

The data go to a fresh schema that is dropped at the end. URL defaults to CATALOGUE_TEST_PG_URL."""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from bench.ingest import (  # noqa: E402
    DatabaseCPU,
    fresh_schema,
    server_cpu_seconds,
    serving,
)
from bench.portal import percentile, seed  # noqa: E402
from catalogue_app.regional import shared  # noqa: E402
from db.regional.engine import Database  # noqa: E402
from db.regional.models import KeptMetadata, PublicationEntry  # noqa: E402

NETWORK = 70_000
_TOKEN = re.compile(rb"<resumptionToken[^>]*>([^<]*)</resumptionToken>")


class PeakMemory:
    """The largest resident memory of a process and its children, sampled every 50 ms."""

    def __init__(self, process: psutil.Process) -> None:
        self.process = process
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self.peak = 0
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for process in [self.process, *self.process.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
            self.peak = max(self.peak, total)
            time.sleep(0.05)


def first_byte(client: httpx.Client, path: str, params: dict[str, str]) -> tuple[float, bytes]:
    """Milliseconds until the answer's first byte, and the whole answer."""
    start = time.perf_counter()
    with client.stream("GET", path, params=params) as response:
        chunks = response.iter_raw()
        first = next(chunks, b"")
        elapsed = (time.perf_counter() - start) * 1000
        body = first + b"".join(chunks)
    assert response.status_code == 200, response.status_code
    return elapsed, body


def harvest(client: httpx.Client, verb: str, prefix: str) -> tuple[int, float, list[float]]:
    """(items, seconds, first-byte ms of each page) of one whole list. Answers are taken
    uncompressed, as they are made: the harvester's own unzipping is not the server's time."""
    params = {"verb": verb, "metadataPrefix": prefix}
    items, waits = 0, []
    tag = re.compile(rb"<record[ >]" if verb == "ListRecords" else rb"<header[ >]")
    started = time.perf_counter()
    while True:
        wait, body = first_byte(client, "/oai", params)
        waits.append(wait)
        assert b"<error" not in body, body[:500]
        items += len(tag.findall(body))
        found = _TOKEN.search(body)
        if found is None or not found.group(1):
            return items, time.perf_counter() - started, waits
        params = {"verb": verb, "resumptionToken": found.group(1).decode()}


class Lists:
    """Whole lists taken from one server, each printed on a line of one table."""

    def __init__(self, client: httpx.Client, process: psutil.Process, database: DatabaseCPU,
                 expected: int, base_p95: float) -> None:
        self.client, self.process, self.database = client, process, database
        self.expected, self.base_p95 = expected, base_p95
        self.memory = PeakMemory(process)
        self.base_rate: float | None = None

    @staticmethod
    def print_heading() -> None:
        print(f"{'list':40} {'items':>7} {'s':>7} {'rec/s':>7} {'x base':>7} {'CPU ms/rec':>10}"
              f" {'PG ms/rec':>9} {'TTFB p50':>9} {'p95':>7} {'max':>7} {'x base':>7}"
              f" {'peak RSS MB':>12} {'slowest page':>13}")

    def take(self, verb: str, prefix: str, when: str) -> tuple[float, float]:
        """(seconds, server CPU seconds per record) of the list, printed."""
        cpu, db_cpu = server_cpu_seconds(self.process), self.database.seconds()
        with self.memory:
            items, seconds, waits = harvest(self.client, verb, prefix)
        cpu = server_cpu_seconds(self.process) - cpu
        db_cpu = self.database.seconds() - db_cpu
        assert items == self.expected, (verb, prefix, items, self.expected)
        rate = items / seconds
        self.base_rate = self.base_rate or rate
        p95 = percentile(waits, 95) if len(waits) > 1 else waits[0]
        print(f"{f'{verb} {prefix} {when}':40} {items:7} {seconds:7.1f} {rate:7.0f}"
              f" {rate / self.base_rate:7.2f} {cpu * 1000 / items:10.2f}"
              f" {db_cpu * 1000 / items:9.2f}"
              f" {statistics.median(waits):9.1f} {p95:7.1f}"
              f" {max(waits):7.1f} {p95 / self.base_p95:7.1f} {self.memory.peak / 2**20:12.0f}"
              f" {waits.index(max(waits)) + 1:>6} of {len(waits):<4}")
        return seconds, cpu / items


def client_of(url: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=120, headers={"Accept-Encoding": "identity"})


def measure(url: str, process: psutil.Process, database: DatabaseCPU, expected: int
            ) -> tuple[float, float]:
    """The lists of a server without keeper; (seconds of the LIDO list written, robots.txt
    first-byte p95 in ms)."""
    with client_of(url) as client:
        baseline = sorted(first_byte(client, "/robots.txt", {})[0] for _ in range(50))
        base_p95 = percentile(baseline, 95)
        print(f"baseline robots.txt first byte: p50 {statistics.median(baseline):.1f} ms,"
              f" p95 {base_p95:.1f} ms")
        Lists.print_heading()
        lists = Lists(client, process, database, expected, base_p95)
        lists.take("ListIdentifiers", "lido", "")
        written, _cpu = lists.take("ListRecords", "lido", "written")
        seconds, cpu = lists.take("ListRecords", "lido", "kept")
        lists.take("ListRecords", "oai_dc", "written")
        lists.take("ListRecords", "oai_dc", "kept")
        print(f"full LIDO harvest (kept) of {NETWORK:,} records, extrapolated:"
              f" {NETWORK * seconds / expected:.0f} s at this run's rate and load;"
              f" {NETWORK * cpu:.0f} s of the server's own CPU (PostgreSQL's not counted), the"
              " floor on an idle core")
    return written, base_p95


def change_every_record(database: Database) -> dict[str, str]:
    """A shared vocabulary import (the shared counter moves: every kept row goes stale);
    the LIDO keys kept before it, by record."""
    with database.read_session() as session:
        before = dict(session.execute(select(KeptMetadata.record_id, KeptMetadata.key)
                                      .where(KeptMetadata.prefix == "lido")).all())
    with database.write_session() as session:
        shared.import_vocabulary(session, {"vocabulary": "material", "source": "bench",
                                           "terms": [{"id": str(uuid.uuid4()),
                                                      "label": "bench"}]}, "bench")
    return before


def wait_for_keeper(database: Database, before: dict[str, str]) -> None:
    """Until no LIDO row keeps a key of before the change. The keeper walks the log in order:
    the last published record's row is written last, so it alone is looked at meanwhile."""
    with database.read_session() as session:
        last = session.scalar(select(PublicationEntry.record_id)
                              .where(PublicationEntry.deleted.is_(False))
                              .order_by(PublicationEntry.seq.desc()).limit(1))

    def lido_key(session, record_id: str) -> str | None:  # type: ignore[no-untyped-def]
        return session.scalar(select(KeptMetadata.key).where(
            KeptMetadata.record_id == record_id, KeptMetadata.prefix == "lido"))

    while True:
        with database.read_session() as session:
            if lido_key(session, last) != before.get(last):
                stale = [r for r, key in session.execute(
                    select(KeptMetadata.record_id, KeptMetadata.key)
                    .where(KeptMetadata.prefix == "lido")) if before.get(r) == key]
                if not stale:
                    return
        time.sleep(0.5)


def measure_keeper(db_url: str, blobs: Path, expected: int, written: float,
                   base_p95: float) -> None:
    database = Database(db_url)
    try:
        started = time.perf_counter()
        before = change_every_record(database)
        with serving(["--db", db_url, "--blobs", str(blobs), "serve"], code=REPO) \
                as (url, process):
            wait_for_keeper(database, before)
            caught_up = time.perf_counter() - started
            pg = DatabaseCPU(process, db_url)
            try:
                with client_of(url) as client:
                    lists = Lists(client, process, pg, expected, base_p95)
                    lists.base_rate = expected / written  # the ratio column: against "written"
                    seconds, _cpu = lists.take("ListRecords", "lido", "after a change, kept")
            finally:
                pg.close()
    finally:
        database.dispose()
    print(f"first LIDO harvest after a change, keeper caught up: the keeper took {caught_up:.1f} s"
          f" ({expected / caught_up:.0f} rec/s, server start included), then the harvest"
          f" {seconds:.1f} s; without the keeper {written:.1f} s (x{seconds / written:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("CATALOGUE_TEST_PG_URL"))
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--museums", type=int, default=60)
    parser.add_argument("--illustrated", type=int, default=300)
    args = parser.parse_args()
    if not args.pg:
        parser.error("give --pg URL or set CATALOGUE_TEST_PG_URL")
    with fresh_schema(args.pg) as db_url, tempfile.TemporaryDirectory() as blobs:
        started = time.perf_counter()
        seed(db_url, Path(blobs), args.records, args.museums, args.illustrated)
        print(f"seeded {args.records} published records from {args.museums} museums in"
              f" {time.perf_counter() - started:.0f} s; load {os.getloadavg()[0]:.1f}")
        with serving(["--db", db_url, "--blobs", blobs, "serve", "--no-oai-keeper"],
                     code=REPO) as (url, process):
            database = DatabaseCPU(process, db_url)
            try:
                written, base_p95 = measure(url, process, database, args.records)
            finally:
                database.close()
        measure_keeper(db_url, Path(blobs), args.records, written, base_p95)
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores, shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
