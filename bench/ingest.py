"""Ingest benchmark of the regional base on PostgreSQL (a benchmark, not a test).

1. N records (default 70,000) pushed by one desk in batches of 100 over HTTP, compared with a
   PostgreSQL COPY of the same rows into a copy of the records table, in the same run.
2. M museums (default 60) pushing K batches of 100 each (default 20) at the same moment:
   throughput, p95 batch latency, errors, and records lost or duplicated. The desks' batches are
   encoded before the clock starts: real desks are other machines, and here their JSON encoding
   would take the server's cores.

Both parts report the server's CPU per batch (its processes' own CPU time, which the load of the
machine cannot skew) besides wall-clock figures; the load average says how busy the machine was.

    .venv/bin/python bench/ingest.py [--pg URL] [--records 70000] [--museums 60] [--batches 20]

The server runs as `catalogue-base serve` in a subprocess; the data go to a fresh schema that is
dropped at the end. URL defaults to CATALOGUE_TEST_PG_URL."""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
import psycopg
from sqlalchemy import create_engine, make_url, text

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from catalogue_app.protocol import normalise_inventory_number  # noqa: E402
from catalogue_app.regional import admin  # noqa: E402
from db.regional.engine import Database  # noqa: E402

BATCH = 100


def make_record(museum: str, number: int) -> dict:
    inventory = f"{museum}.{number // 1000}.{number % 1000}"
    return {
        "id": str(uuid.uuid4()),
        "base_version": None,
        "deleted": False,
        "fields": {
            "inventory_number": inventory,
            "designation": "assiette",
            "title": f"Assiette à décor floral n° {number}",
            "materials": ["faïence", "émail stannifère"],
            "techniques": ["tournage", "peint à main levée"],
            "measurements": "H. 3,5 ; D. 24 cm",
            "measurement_rows": [{"kind": "H", "value": 3.5, "unit": "cm"},
                                 {"kind": "D", "value": 24, "unit": "cm"}],
            "dating": "vers 1780",
            "date_earliest": 1775,
            "date_latest": 1785,
            "origin_place": "Rouen",
            "description": "Aile ornée de guirlandes, bassin à la corne d'abondance. " * 3,
            "themes": [],
        },
    }


@contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    owner = create_engine(url)
    with owner.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(url).update_query_dict(
            {"options": f"-csearch_path={schema}"}
        ).render_as_string(hide_password=False)
    finally:
        with owner.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        owner.dispose()


def server_cpu_seconds(server: psutil.Process) -> float:
    """CPU used so far by the server and its workers: a figure the machine's load cannot skew."""
    total = 0.0
    for process in [server, *server.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


class DatabaseCPU:
    """CPU used by the PostgreSQL backends (on this machine) that serve the server's pooled
    connections, found by their client ports: with server_cpu_seconds, what a request costs
    whatever the load. A backend that closes between two readings takes its CPU with it."""

    def __init__(self, server: psutil.Process, db_url: str) -> None:
        self.server = server
        self.port = make_url(db_url).port or 5432
        self.engine = create_engine(db_url)
        self.seen: dict[int, float] = {}

    def seconds(self) -> float:
        ports = set()
        for process in [self.server, *self.server.children(recursive=True)]:
            try:
                ports |= {c.laddr.port for c in process.net_connections("tcp")
                          if c.raddr and c.raddr.port == self.port}
            except psutil.NoSuchProcess:
                continue
        with self.engine.connect() as connection:
            pids = connection.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE client_port = ANY(:ports)"
            ), {"ports": list(ports)}).scalars().all()
        for pid in pids:
            try:
                times = psutil.Process(pid).cpu_times()
            except psutil.NoSuchProcess:
                continue
            self.seen[pid] = times.user + times.system
        return sum(self.seen.values())

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def running_server(db_url: str, blobs: Path, workers: int, options: tuple[str, ...] = ()
                   ) -> Iterator[tuple[str, psutil.Process]]:
    """`catalogue-base serve` with `options` on a free port, once it answers."""
    with serving(["--db", db_url, "--blobs", str(blobs), "serve", "--workers", str(workers),
                  *options], code=REPO) as answer:
        yield answer


@contextmanager
def serving(arguments: list[str], code: Path,
            environment: dict[str, str] | None = None) -> Iterator[tuple[str, psutil.Process]]:
    """`catalogue-base ARGUMENTS --port P` from the checkout `code`, once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "catalogue_app.regional.cli", *arguments, "--port", str(port)],
        cwd=code, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{url}/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url, psutil.Process(process.pid)
    finally:
        process.terminate()
        process.wait(30)


def batch_body(records: list[dict]) -> bytes:
    return json.dumps({"records": records}).encode()


def push(client: httpx.Client, body: bytes) -> tuple[float, list[dict] | str]:
    start = time.perf_counter()
    try:
        response = client.post("/api/v1/records:batch", content=body, headers={
            "Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"})
    except httpx.HTTPError as error:
        return time.perf_counter() - start, f"{type(error).__name__}: {error}"
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        return elapsed, f"HTTP {response.status_code}: {response.text[:200]}"
    return elapsed, response.json()["results"]


def client_for(url: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=120, headers={
        "Authorization": f"Bearer {token}", "Catalogue-Protocol": "1"})


def copy_rows(pg_url: str, museum_id: int, rows: list[dict]) -> float:
    """COPY the same rows into a copy of the records table (same columns, indexes, keys)."""
    conninfo = make_url(pg_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(conninfo) as connection:
        connection.execute("CREATE TABLE records_copy (LIKE records INCLUDING ALL)")
        start = time.perf_counter()
        with connection.cursor() as cursor, cursor.copy(
            "COPY records_copy (museum_id, id, inventory_key, fields, version, deleted, seq,"
            " updated_at, updated_by) FROM STDIN"
        ) as copy:
            for seq, record in enumerate(rows, 1):
                copy.write_row((
                    museum_id, record["id"],
                    normalise_inventory_number(record["fields"]["inventory_number"]),
                    json.dumps(record["fields"]), 1, False, seq,
                    "2026-01-01T00:00:00.000+00:00", "bench",
                ))
        connection.commit()
        return time.perf_counter() - start


def single_desk(
    url: str, server: psutil.Process, pg_url: str, database: Database, total: int
) -> None:
    with database.write_session() as session:
        admin.add_museum(session, "SOLO", "Single desk museum")
        _id, token, _ = admin.create_token(session, "SOLO", "bench")
        museum_id = admin.museum_by_code(session, "SOLO").id
    rows = [make_record("SOLO", n) for n in range(total)]
    errors = 0
    with client_for(url, token) as client:
        cpu_before = server_cpu_seconds(server)
        start = time.perf_counter()
        for offset in range(0, total, BATCH):
            # Encoded in the loop: a desk's own encoding is part of the time a push takes.
            _elapsed, results = push(client, batch_body(rows[offset:offset + BATCH]))
            if isinstance(results, str):
                errors += BATCH
            else:
                errors += sum(r["status"] != "ok" for r in results)
        pushed = time.perf_counter() - start
        cpu = server_cpu_seconds(server) - cpu_before
    copied = copy_rows(pg_url, museum_id, rows)
    print(f"single desk: {total} records in batches of {BATCH}: {pushed:.1f} s"
          f" ({total / pushed:.0f} records/s), errors {errors};"
          f" API server CPU {cpu * 1000 / (total / BATCH):.1f} ms per batch")
    print(f"PostgreSQL COPY of the same rows: {copied:.2f} s;"
          f" push / COPY ratio {pushed / copied:.1f}x (target <= 10x)")


def many_museums(
    url: str, server: psutil.Process, database: Database, museums: int, batches: int
) -> None:
    tokens = {}
    with database.write_session() as session:
        for m in range(museums):
            code = f"M{m:03d}"
            admin.add_museum(session, code, f"Museum {code}")
            tokens[code] = admin.create_token(session, code, "bench")[1]
    bodies = {
        code: [batch_body([make_record(code, b * BATCH + i) for i in range(BATCH)])
               for b in range(batches)]
        for code in tokens
    }
    latencies: list[float] = []
    errors: list[str] = []
    sent: dict[str, set[str]] = {code: set() for code in tokens}
    lock = threading.Lock()
    barrier = threading.Barrier(museums + 1)

    def desk(code: str) -> None:
        with client_for(url, tokens[code]) as client:
            barrier.wait()
            for body in bodies[code]:
                elapsed, results = push(client, body)
                with lock:
                    latencies.append(elapsed)
                    if isinstance(results, str):
                        errors.append(results)
                        continue
                    errors.extend(r.get("message", r["status"]) for r in results
                                  if r["status"] != "ok")
                    sent[code].update(r["id"] for r in results if r["status"] == "ok")

    threads = [threading.Thread(target=desk, args=(code,)) for code in tokens]
    for thread in threads:
        thread.start()
    barrier.wait()
    cpu_before, desks_cpu_before = server_cpu_seconds(server), time.process_time()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    cpu = server_cpu_seconds(server) - cpu_before
    desks_cpu = time.process_time() - desks_cpu_before

    lost = duplicated = 0
    with database.read_session() as session:
        for code, ids in sent.items():
            museum_id = admin.museum_by_code(session, code).id
            stored = session.execute(text(
                "SELECT id FROM records WHERE museum_id = :m"), {"m": museum_id}).scalars().all()
            lost += len(ids - set(stored))
            duplicated += len(stored) - len(set(stored)) + len(set(stored) - ids)
    total = museums * batches * BATCH
    p95 = statistics.quantiles(latencies, n=20)[18]
    print(f"{museums} museums x {batches} batches of {BATCH}: {total} records in {wall:.1f} s,"
          f" {total / wall:.0f} records/s, {len(latencies) / wall:.1f} batches/s")
    print(f"batch latency: median {statistics.median(latencies):.3f} s, p95 {p95:.3f} s,"
          f" max {max(latencies):.3f} s (target p95 <= 1 s)")
    print(f"CPU per batch: API server {cpu * 1000 / len(latencies):.1f} ms, this benchmark's"
          f" {museums} desks {desks_cpu * 1000 / len(latencies):.1f} ms")
    print(f"errors {len(errors)}, lost {lost}, duplicated {duplicated}")
    for error in errors[:5]:
        print(f"  error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get(
        "CATALOGUE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--records", type=int, default=70_000, help="0 skips part 1")
    parser.add_argument("--museums", type=int, default=60, help="0 skips part 2")
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    args = parser.parse_args()
    with fresh_schema(args.pg) as db_url, tempfile.TemporaryDirectory() as blobs:
        database = Database(db_url)
        database.upgrade_schema()
        print(f"server: catalogue-base serve --workers {args.workers}; {os.cpu_count()} cores")
        print(f"load average before the run: {os.getloadavg()[0]:.1f}")
        with running_server(db_url, Path(blobs), args.workers) as (url, server):
            if args.records:
                single_desk(url, server, db_url, database, args.records)
            if args.museums:
                many_museums(url, server, database, args.museums, args.batches)
        database.dispose()
        print(f"load average after the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
