"""What hostile callers cost the regional base, before and after the hardening (a benchmark,
not a test).

1. 100 unauthenticated pushes of 16 MB each (4 at a time): the server's CPU and peak RSS, and
   the time to the answer, against the same measurement of the code before the token was
   checked ahead of the body (a git worktree of `--before`, run in the same way, same run).

2. Another museum's batches while one museum's 500 MB image is finished (re-hashed whole) on
   the same SQLite base: their latency idle and during the finish, before and after the hash
   left SQLite's one write transaction (`--finish-before REV`, same run).

    .venv/bin/python -m bench.hardening [--before REV] [--pushes 100]
                                        [--finish-before REV] [--finish-mb 500]
                                        [--only pushes|finish]

Each server is `catalogue-base serve` (one worker, a fresh SQLite base) in a subprocess."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ingest import server_cpu_seconds, serving  # noqa: E402

MB = 1024 * 1024


def commit_before(added: str) -> str:
    """The commit before the one that added the file `added`."""
    first = subprocess.run(
        ["git", "log", "--format=%H", "--diff-filter=A", "--", added],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.split()[-1]
    return f"{first}^"


def gate_commit() -> str:
    """The commit before the one that checks the token ahead of the body."""
    return commit_before("catalogue_app/regional/gate.py")


def finish_commit() -> str:
    """The commit before the one that hashes a finished upload outside the write transaction."""
    return commit_before("db/regional/migrations/versions/0012_blob_upload_finishing.py")


@contextlib.contextmanager
def code_at(revision: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="bench-before-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(folder), revision], cwd=REPO,
                   check=True, capture_output=True)
    try:
        yield folder
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=REPO,
                       check=True, capture_output=True)


@contextlib.contextmanager
def server_from(code: Path, data: Path) -> Iterator[tuple[str, psutil.Process]]:
    # The code under `code` shadows the installed package: PYTHONPATH comes first.
    environment = {**os.environ, "PYTHONPATH": str(code)}
    with serving(["--data", str(data), "serve"], code, environment) as answer:
        yield answer


class PeakRss:
    """The server's largest resident size, sampled every 5 ms on a thread."""

    def __init__(self, server: psutil.Process) -> None:
        self.server = server
        self.peak = server.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            with contextlib.suppress(psutil.NoSuchProcess):
                self.peak = max(self.peak, self.server.memory_info().rss)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def hostile_pushes(code: Path, pushes: int) -> dict[str, float]:
    body = b'{"records": [{"id": "%s", "fields": {"notes": "%s"}}]}' % (
        str(uuid.uuid4()).encode(), b"x" * (16 * MB - 100))
    with tempfile.TemporaryDirectory() as data, server_from(code, Path(data)) as (url, server):
        headers = {"Catalogue-Protocol": "1", "Content-Type": "application/json"}
        with httpx.Client(base_url=url, timeout=120, headers=headers) as client:
            client.get("/api/v1/whoami")  # warm up: imports, first connection
            rss_before = server.memory_info().rss
            cpu_before = server_cpu_seconds(server)

            def one(_n: int) -> tuple[float, int]:
                started = time.perf_counter()
                response = client.post("/api/v1/records:batch", content=body,
                                       headers={"Idempotency-Key": str(uuid.uuid4())})
                return time.perf_counter() - started, response.status_code

            with PeakRss(server) as rss, ThreadPoolExecutor(4) as pool:
                answers = list(pool.map(one, range(pushes)))
            cpu = server_cpu_seconds(server) - cpu_before
    statuses = {status for _t, status in answers}
    return {
        "cpu_ms_per_push": cpu * 1000 / pushes,
        "peak_rss_growth_mb": (rss.peak - rss_before) / MB,
        "median_answer_ms": statistics.median(t for t, _s in answers) * 1000,
        "statuses": sorted(statuses),
    }


def base_cli(code: Path, data: Path, *arguments: str) -> str:
    """`catalogue-base --data DATA ARGUMENTS` of the checkout `code`; its stdout."""
    return subprocess.run(
        [sys.executable, "-m", "catalogue_app.regional.cli", "--data", str(data), *arguments],
        cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, capture_output=True, text=True,
        check=True,
    ).stdout.strip()


def batches_during_finish(code: Path, megabytes: int, idle_batches: int = 50) -> dict:
    """Museum B's one-record batches, one after another: `idle_batches` of them alone, then
    as many as fit while museum A's upload of `megabytes` is finished."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        tokens = {}
        for code_name in ("MA", "MB"):
            base_cli(code, data, "museum", "add", code_name, f"Museum {code_name}")
            tokens[code_name] = base_cli(code, data, "token", "create", "--museum", code_name,
                                         "--user", "bench")
        with server_from(code, data) as (url, _server):
            clients = {name: httpx.Client(base_url=url, timeout=300, headers={
                "Catalogue-Protocol": "1", "Authorization": f"Bearer {token}"})
                for name, token in tokens.items()}
            with clients["MA"] as museum_a, clients["MB"] as museum_b:
                sha256 = upload_chunks(museum_a, megabytes)

                def batch() -> tuple[float, int]:
                    body = {"records": [{"id": str(uuid.uuid4()), "base_version": None,
                                         "fields": {"inventory_number": uuid.uuid4().hex},
                                         "deleted": False}]}
                    started = time.perf_counter()
                    response = museum_b.post("/api/v1/records:batch", json=body,
                                             headers={"Idempotency-Key": str(uuid.uuid4())})
                    return (time.perf_counter() - started) * 1000, response.status_code

                idle = [batch() for _ in range(idle_batches)]
                during: list[tuple[float, int]] = []
                with ThreadPoolExecutor(1) as pool:
                    started = time.perf_counter()
                    finishing = pool.submit(museum_a.post, f"/api/v1/blobs/{sha256}:finish")
                    while not finishing.done():
                        during.append(batch())
                    finish_status = finishing.result().status_code
                    finish_s = time.perf_counter() - started
    during_ms = [ms for ms, _status in during]
    return {
        "idle_p50_ms": statistics.median(ms for ms, _status in idle),
        "during_p50_ms": statistics.median(during_ms),
        "during_max_ms": max(during_ms),
        "batches_during": len(during),
        "batch_statuses": sorted({status for _ms, status in during}),
        "finish_s": finish_s,
        "finish_status": finish_status,
    }


def upload_chunks(client: httpx.Client, megabytes: int) -> str:
    """Send `megabytes` of random bytes as an upload, without finishing it; its sha256."""
    chunk_bytes = 8 * MB
    digest = hashlib.sha256()
    chunks = [os.urandom(chunk_bytes) for _ in range(4)]  # repeated: cheap to make
    sent = [chunks[n % 4] for n in range(megabytes * MB // chunk_bytes)]
    for chunk in sent:
        digest.update(chunk)
    sha256 = digest.hexdigest()
    for n, chunk in enumerate(sent):
        response = client.put(f"/api/v1/blobs/{sha256}/chunks/{n * chunk_bytes}", content=chunk,
                              headers={"Chunk-SHA256": hashlib.sha256(chunk).hexdigest()})
        response.raise_for_status()
    return sha256


def print_finish_figures(before: dict, after: dict, megabytes: int) -> None:
    print(f"museum B's batches while museum A's {megabytes} MB image is finished"
          " (server: 1 worker, SQLite, blobs on disk)")
    print(f"{'':30}{'before':>12}{'after':>12}{'ratio':>10}")
    for key, label in (("idle_p50_ms", "batch p50 ms, idle"),
                       ("during_p50_ms", "batch p50 ms, during finish"),
                       ("during_max_ms", "batch max ms, during finish"),
                       ("batches_during", "batches done during finish"),
                       ("finish_s", "finish s")):
        ratio = after[key] / before[key] if before[key] else float("nan")
        print(f"{label:30}{before[key]:12.1f}{after[key]:12.1f}{ratio:10.3f}")
    for when, figures in (("before", before), ("after", after)):
        print(f"{when}: batch statuses {figures['batch_statuses']},"
              f" finish {figures['finish_status']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=None, help="the code to compare with (git rev)")
    parser.add_argument("--pushes", type=int, default=100)
    parser.add_argument("--finish-before", default=None,
                        help="the code to compare the finish with (git rev)")
    parser.add_argument("--finish-mb", type=int, default=500)
    parser.add_argument("--only", choices=("pushes", "finish"), help="run one part only")
    args = parser.parse_args()
    if args.only != "finish":
        with code_at(args.before or gate_commit()) as old_code:
            old = hostile_pushes(old_code, args.pushes)
        new = hostile_pushes(REPO, args.pushes)
        report_pushes(args.pushes, old, new)
    if args.only != "pushes":
        with code_at(args.finish_before or finish_commit()) as old_code:
            old = batches_during_finish(old_code, args.finish_mb)
        new = batches_during_finish(REPO, args.finish_mb)
        print_finish_figures(old, new, args.finish_mb)


def report_pushes(pushes: int, old: dict, new: dict) -> None:
    print(f"{pushes} unauthenticated 16 MB pushes, 4 at a time (server: 1 worker, SQLite)")
    print(f"{'':26}{'before':>12}{'after':>12}{'ratio':>10}")
    for key, label in (("cpu_ms_per_push", "server CPU ms per push"),
                       ("peak_rss_growth_mb", "peak RSS growth MB"),
                       ("median_answer_ms", "median answer ms")):
        ratio = new[key] / old[key] if old[key] else float("nan")
        print(f"{label:26}{old[key]:12.1f}{new[key]:12.1f}{ratio:10.3f}")
    print(f"statuses: before {old['statuses']}, after {new['statuses']}")


if __name__ == "__main__":
    main()
