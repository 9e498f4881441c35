"""The regional base under production load, on PostgreSQL (a benchmark, not a test).

1. M museum desks (default 100) each push K batches (default 20) of R records (default 20),
   one after the other as a desk does, all desks at once: p95 batch latency, errors, records
   lost or duplicated (every museum's feed read back). First alone (the same-run baseline),
   then while A abusive clients (default 20) keep sending oversized bodies (declared, streamed
   without a length, unauthenticated) and headers one byte a second.
2. Image throughput to the filesystem store and to an S3 store (moto's local server, in this
   process: a protocol and server cost, not a network's), through the real API in 4 MB chunks
   as desks send them, in the same run.

    .venv/bin/python -m bench.production [--pg URL] [--museums 100] [--batches 20]
        [--records 20] [--interval 0] [--abusers 20] [--images 4] [--image-mb 24]

`--interval S` paces each desk (a batch every S seconds, as periodic syncs arrive); without it
every desk pushes back to back, so latency is queueing behind the 99 others.

The server is `catalogue-base serve --workers 2` in a subprocess, on a fresh schema dropped at
the end. URL defaults to CATALOGUE_TEST_PG_URL."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import logging
import multiprocessing
import multiprocessing.synchronize
import os
import random
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ingest import (  # noqa: E402
    batch_body,
    fresh_schema,
    make_record,
    server_cpu_seconds,
    serving,
)
from catalogue_app.protocol import UPLOAD_CHUNK_BYTES  # noqa: E402
from catalogue_app.regional import admin  # noqa: E402
from catalogue_app.sync.client import KEEPALIVE_EXPIRY  # noqa: E402
from db.regional.engine import Database  # noqa: E402

MB = 1024 * 1024
PROTOCOL = {"Catalogue-Protocol": "1"}


def tokens(database: Database, prefix: str, count: int) -> list[tuple[str, str, str]]:
    """(code, editor token, reader token) of `count` new museums."""
    made = []
    with database.write_session() as session:
        for n in range(count):
            code = f"{prefix}{n:03d}"
            admin.add_museum(session, code, f"Musée {code}")
            _id, editor, _notes = admin.create_token(session, code, "desk")
            _id, reader, _notes = admin.create_token(session, code, "check",
                                                     admin.Role.READER)
            made.append((code, editor, reader))
    return made


async def museum_desk(url: str, token: str, bodies: list[bytes], interval: float,
                      latencies: list[float], errors: list[str]) -> None:
    """One desk's batches, one after the other; `interval` seconds apart from start to start
    (0: back to back), the first after a random part of it, so desks do not move in step."""
    headers = {**PROTOCOL, "Authorization": f"Bearer {token}",
               "Content-Type": "application/json"}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=120, limits=httpx.Limits(
            keepalive_expiry=KEEPALIVE_EXPIRY)) as client:  # as the desk's client does
        next_start = time.perf_counter() + random.random() * interval
        for body in bodies:
            await asyncio.sleep(max(0.0, next_start - time.perf_counter()))
            next_start += interval
            started = time.perf_counter()
            try:
                answer = await client.post("/api/v1/records:batch", content=body,
                                           headers={"Idempotency-Key": str(uuid.uuid4())})
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__}: {error}")
                continue
            latencies.append(time.perf_counter() - started)
            if answer.status_code != 200:
                errors.append(f"HTTP {answer.status_code}: {answer.text[:120]}")
            elif any(r["status"] != "ok" for r in answer.json()["results"]):
                errors.append("a record was not ok")


async def oversized(port: int, token: str | None, declared: bool, stop: asyncio.Event,
                    counts: dict[str, int]) -> None:
    """Send 64 MB bodies until stopped: with their length declared, or streamed chunked.
    The base answers 413 or 401 and cuts the connection off once the abuser has sent about a
    megabyte more (counted as "cut off after refusal")."""
    block = b"x" * MB
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            counts["could not connect"] = counts.get("could not connect", 0) + 1
            continue
        try:
            head = ["POST /api/v1/records:batch HTTP/1.1", "Host: base", "Catalogue-Protocol: 1",
                    f"Idempotency-Key: {uuid.uuid4()}", "Content-Type: application/json"]
            if token:
                head.append(f"Authorization: Bearer {token}")
            head.append("Content-Length: 67108864" if declared else "Transfer-Encoding: chunked")
            writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
            for _ in range(64):
                if reader.at_eof() or stop.is_set():
                    break
                writer.write(block if declared else b"%x\r\n%s\r\n" % (len(block), block))
                await writer.drain()
            status = (await asyncio.wait_for(reader.readline(), 30)).split(b" ")[1:2]
            outcome = status[0].decode() if status else "closed"
        except (OSError, asyncio.IncompleteReadError):
            outcome = "cut off after refusal"
        finally:
            writer.close()
        counts[outcome] = counts.get(outcome, 0) + 1
        await asyncio.sleep(0)


async def slow_headers(port: int, stop: asyncio.Event, counts: dict[str, int]) -> None:
    """Headers one byte a second, until the server hangs up; again, until stopped."""
    while not stop.is_set():
        with contextlib.suppress(OSError):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(b"GET /api/v1/whoami HTTP/1.1\r\nHost: base\r\n")
            try:
                for byte in b"X-Slow: " + b"z" * 600:
                    if stop.is_set() or reader.at_eof():
                        break
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(1)
                counts["slow head cut off"] = counts.get("slow head cut off", 0) + 1
            except OSError:
                counts["slow head cut off"] = counts.get("slow head cut off", 0) + 1
            writer.close()


def abuse(port: int, abusers: int, token: str, stop: multiprocessing.synchronize.Event,
          answered: multiprocessing.Queue) -> None:
    """The abusive clients, in a process of their own as they are other machines: in the desks'
    event loop, pushing their 64 MB bodies delayed the desks' own requests (p50 33 ms alone,
    974 ms abused, while the server's CPU per batch rose by 30%)."""
    async def run() -> dict[str, int]:
        counts: dict[str, int] = {}
        stopping = asyncio.Event()
        kinds = [lambda: oversized(port, token, True, stopping, counts),
                 lambda: oversized(port, token, False, stopping, counts),
                 lambda: oversized(port, None, True, stopping, counts),
                 lambda: slow_headers(port, stopping, counts)]
        abusive = [asyncio.create_task(kinds[n % len(kinds)]()) for n in range(abusers)]
        while not stop.is_set():
            await asyncio.sleep(0.1)
        stopping.set()
        for task in abusive:
            task.cancel()
        await asyncio.gather(*abusive, return_exceptions=True)
        return counts

    answered.put(asyncio.run(run()))


async def load(url: str, museums: list[tuple[str, str, str]], bodies: dict[str, list[bytes]],
               interval: float, abusers: int, abuser_token: str) -> dict:
    port = int(url.rsplit(":", 1)[1])
    latencies: list[float] = []
    errors: list[str] = []
    processes = multiprocessing.get_context("spawn")  # not a fork of this running event loop
    stop = processes.Event()
    answered: multiprocessing.Queue = processes.Queue()
    abusive = processes.Process(target=abuse, args=(port, abusers, abuser_token, stop,
                                                          answered))
    if abusers:
        abusive.start()
        await asyncio.sleep(1)  # the abuse is under way before the desks start
    started = time.perf_counter()
    await asyncio.gather(*(museum_desk(url, editor, bodies[code], interval, latencies, errors)
                           for code, editor, _reader in museums))
    took = time.perf_counter() - started
    stop.set()
    counts = answered.get(timeout=60) if abusers else {}
    if abusers:
        abusive.join(10)
    return {"latencies": latencies, "errors": errors, "seconds": took, "abuse": counts}


def check_feeds(url: str, museums: list[tuple[str, str, str]],
                bodies: dict[str, list[bytes]], expected: dict[str, set[str]]) -> tuple[int, int]:
    """(records lost, records duplicated) over every museum's feed."""
    lost = duplicated = 0
    for code, _editor, reader in museums:
        seen: list[str] = []
        cursor = None
        with httpx.Client(base_url=url, headers={**PROTOCOL, "Authorization":
                                                 f"Bearer {reader}"}, timeout=120) as client:
            while True:
                params = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
                page = client.get("/api/v1/changes", params=params).json()
                seen += [c["record"]["id"] for c in page["changes"] if c["kind"] == "record"]
                cursor = page["next_cursor"]
                if not page["has_more"]:
                    break
        lost += len(expected[code] - set(seen))
        duplicated += len(seen) - len(set(seen))
    return lost, duplicated


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def phase(url: str, server: psutil.Process, database: Database, prefix: str,
          args: argparse.Namespace, abusers: int) -> dict:
    museums = tokens(database, prefix, args.museums)
    abuser = tokens(database, f"{prefix}X", 1)[0][1]
    bodies: dict[str, list[bytes]] = {}
    expected: dict[str, set[str]] = {}
    for code, _editor, _reader in museums:  # encoded before the clock: desks are other machines
        records = [make_record(code, n) for n in range(args.batches * args.records)]
        expected[code] = {r["id"] for r in records}
        bodies[code] = [batch_body(records[i:i + args.records])
                        for i in range(0, len(records), args.records)]
    cpu_before = server_cpu_seconds(server)
    result = asyncio.run(load(url, museums, bodies, args.interval, abusers, abuser))
    result["cpu_ms_per_batch"] = ((server_cpu_seconds(server) - cpu_before) * 1000
                                  / (args.museums * args.batches))
    result["lost"], result["duplicated"] = check_feeds(url, museums, bodies, expected)
    return result


def throughput(url: str, images: int, size: int) -> tuple[float, float]:
    """(upload MB/s, download MB/s) of `images` originals of `size` bytes, 4 MB chunks."""
    database_token = os.environ["BENCH_IMAGE_TOKEN"]
    headers = {**PROTOCOL, "Authorization": f"Bearer {database_token}"}
    datas = [random.Random(f"{url}{n}").randbytes(size) for n in range(images)]
    with httpx.Client(base_url=url, headers=headers, timeout=300) as client:
        started = time.perf_counter()
        for data in datas:
            sha256 = hashlib.sha256(data).hexdigest()
            for offset in range(0, size, UPLOAD_CHUNK_BYTES):
                chunk = data[offset:offset + UPLOAD_CHUNK_BYTES]
                client.put(f"/api/v1/blobs/{sha256}/chunks/{offset}", content=chunk, headers={
                    "Chunk-SHA256": hashlib.sha256(chunk).hexdigest()}).raise_for_status()
            client.post(f"/api/v1/blobs/{sha256}:finish").raise_for_status()
        up = time.perf_counter() - started
        started = time.perf_counter()
        for data in datas:
            got = client.get(f"/api/v1/blobs/{hashlib.sha256(data).hexdigest()}").content
            assert got == data, "an image came back different"
        down = time.perf_counter() - started
    total = images * size / MB
    return total / up, total / down


@contextlib.contextmanager
def s3_server() -> Iterator[str]:
    """A local S3 server (moto) and a bucket in it; the `s3://` location of the bucket."""
    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per S3 request otherwise
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    os.environ.update({"AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
                       "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
                       "AWS_DEFAULT_REGION": "eu-west-3"})
    boto3.client("s3").create_bucket(
        Bucket="bench", CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    try:
        yield "s3://bench/base"
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get("CATALOGUE_TEST_PG_URL"))
    parser.add_argument("--museums", type=int, default=100)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--records", type=int, default=20, help="records per batch")
    parser.add_argument("--abusers", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.0, help=(
        "seconds between the starts of a desk's batches (0: back to back, every desk at once"
        " as fast as the base answers)"))
    parser.add_argument("--images", type=int, default=4)
    parser.add_argument("--image-mb", type=int, default=24)
    args = parser.parse_args()
    if not args.pg:
        parser.error("give --pg URL or set CATALOGUE_TEST_PG_URL")
    with fresh_schema(args.pg) as db_url, tempfile.TemporaryDirectory() as folder:
        database = Database(db_url)
        database.upgrade_schema()
        with serving(["--db", db_url, "--blobs", str(Path(folder) / "blobs"), "serve",
                      "--workers", "2"], code=REPO) as (url, server):
            alone = phase(url, server, database, "A", args, 0)
            abused = phase(url, server, database, "B", args, args.abusers)
            os.environ["BENCH_IMAGE_TOKEN"] = tokens(database, "F", 1)[0][1]
            files = throughput(url, args.images, args.image_mb * MB)
        with s3_server() as bucket, serving(["--db", db_url, "--blobs", bucket, "serve"],
                                            code=REPO) as (url, _server):
            os.environ["BENCH_IMAGE_TOKEN"] = tokens(database, "S", 1)[0][1]
            s3 = throughput(url, args.images, args.image_mb * MB)
        database.dispose()
    batches = args.museums * args.batches
    offered = (f"{args.museums / args.interval:.0f} batches/s offered" if args.interval
               else "back to back")
    print(f"{args.museums} museums x {args.batches} batches of {args.records} records"
          f" ({batches} batches each phase, {offered}), PostgreSQL, serve --workers 2,"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':34}{'alone':>10}{'abused':>10}{'ratio':>8}")
    for label, key in (("p50 batch latency ms", 50), ("p95 batch latency ms", 95)):
        values = [(p95(r["latencies"]) if key == 95 else statistics.median(r["latencies"]))
                  * 1000 for r in (alone, abused)]
        print(f"{label:34}{values[0]:10.0f}{values[1]:10.0f}{values[1] / values[0]:8.2f}")
    for label, key in (("seconds for all batches", "seconds"),
                       ("server CPU ms per batch", "cpu_ms_per_batch")):
        print(f"{label:34}{alone[key]:10.1f}{abused[key]:10.1f}"
              f"{abused[key] / alone[key]:8.2f}")
    print(f"throughput alone {batches / alone['seconds']:.0f} batches/s; back to back, a"
          f" batch waits behind the other desks' (p50 ~ desks / throughput)")
    for result, name in ((alone, "alone"), (abused, "abused")):
        print(f"{name}: {len(result['errors'])} errors for well-behaved desks"
              f"{' (' + result['errors'][0] + ')' if result['errors'] else ''},"
              f" {result['lost']} records lost, {result['duplicated']} duplicated")
    print(f"abusive requests answered: {abused['abuse']}")
    print(f"images ({args.images} x {args.image_mb} MB, 4 MB chunks):"
          f" filesystem up {files[0]:.0f} MB/s, down {files[1]:.0f} MB/s;"
          f" S3 (moto) up {s3[0]:.0f} MB/s, down {s3[1]:.0f} MB/s;"
          f" ratio S3/filesystem up {s3[0] / files[0]:.2f}, down {s3[1] / files[1]:.2f}")


if __name__ == "__main__":
    main()
