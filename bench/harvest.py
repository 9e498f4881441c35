"""OAI-PMH harvest benchmark of the regional base on PostgreSQL (a benchmark, not a test).

A base with N published records (default 10,000, sized to run in minutes on a small machine;
the network has about 70,000) from M museums, some illustrated (derivatives made first), served
by `catalogue-base serve` in a subprocess. One harvester then takes the whole list through
resumption tokens, as an aggregator does:

- ListIdentifiers (headers only), the same run's baseline;
- ListRecords in LIDO, then in oai_dc, each twice: first when the base has kept no metadata
  (every record written, then kept), again from the kept metadata (kept_metadata.py);

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
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.ingest import (  # noqa: E402
    DatabaseCPU,
    fresh_schema,
    running_server,
    server_cpu_seconds,
)
from bench.portal import percentile, seed  # noqa: E402

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


def measure(url: str, process: psutil.Process, database: DatabaseCPU, expected: int) -> None:
    with httpx.Client(base_url=url, timeout=120, headers={"Accept-Encoding": "identity"}) \
            as client:
        baseline = sorted(first_byte(client, "/robots.txt", {})[0] for _ in range(50))
        base_p95 = percentile(baseline, 95)
        print(f"baseline robots.txt first byte: p50 {statistics.median(baseline):.1f} ms,"
              f" p95 {base_p95:.1f} ms")
        print(f"{'list':28} {'items':>7} {'s':>7} {'rec/s':>7} {'x base':>7} {'CPU ms/rec':>10}"
              f" {'PG ms/rec':>9} {'TTFB p50':>9} {'p95':>7} {'max':>7} {'x base':>7}"
              f" {'peak RSS MB':>12} {'slowest page':>13}")
        base_rate = None
        lido = (0.0, 0.0)
        memory = PeakMemory(process)
        for verb, prefix, when in (("ListIdentifiers", "lido", ""),
                                   ("ListRecords", "lido", "written"),
                                   ("ListRecords", "lido", "kept"),
                                   ("ListRecords", "oai_dc", "written"),
                                   ("ListRecords", "oai_dc", "kept")):
            cpu, db_cpu = server_cpu_seconds(process), database.seconds()
            with memory:
                items, seconds, waits = harvest(client, verb, prefix)
            cpu = server_cpu_seconds(process) - cpu
            db_cpu = database.seconds() - db_cpu
            assert items == expected, (verb, prefix, items, expected)
            rate = items / seconds
            base_rate = base_rate or rate
            if (verb, prefix, when) == ("ListRecords", "lido", "kept"):
                lido = (rate, cpu / items)
            p95 = percentile(waits, 95) if len(waits) > 1 else waits[0]
            print(f"{f'{verb} {prefix} {when}':28} {items:7} {seconds:7.1f} {rate:7.0f}"
                  f" {rate / base_rate:7.2f} {cpu * 1000 / items:10.2f}"
                  f" {db_cpu * 1000 / items:9.2f}"
                  f" {statistics.median(waits):9.1f} {p95:7.1f}"
                  f" {max(waits):7.1f} {p95 / base_p95:7.1f} {memory.peak / 2**20:12.0f}"
                  f" {waits.index(max(waits)) + 1:>6} of {len(waits):<4}")
        print(f"full LIDO harvest (kept) of {NETWORK:,} records, extrapolated:"
              f" {NETWORK / lido[0]:.0f} s at this run's rate and load; {NETWORK * lido[1]:.0f} s"
              " of the server's own CPU (PostgreSQL's not counted), the floor on an idle core")


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
        with running_server(db_url, Path(blobs), 1) as (url, process):
            database = DatabaseCPU(process, db_url)
            try:
                measure(url, process, database, args.records)
            finally:
                database.close()
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores, shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
