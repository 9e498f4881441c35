"""What hostile callers cost the regional base, before and after the hardening (a benchmark,
not a test).

1. 100 unauthenticated pushes of 16 MB each (4 at a time): the server's CPU and peak RSS, and
   the time to the answer, against the same measurement of the code before the token was
   checked ahead of the body (a git worktree of `--before`, run in the same way, same run).

    .venv/bin/python -m bench.hardening [--before REV] [--pushes 100]

Each server is `catalogue-base serve` (one worker, a fresh SQLite base) in a subprocess."""

from __future__ import annotations

import argparse
import contextlib
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


def gate_commit() -> str:
    """The commit before the one that checks the token ahead of the body."""
    first = subprocess.run(
        ["git", "log", "--format=%H", "--diff-filter=A", "--", "catalogue_app/regional/gate.py"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.split()[-1]
    return f"{first}^"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=None, help="the code to compare with (git rev)")
    parser.add_argument("--pushes", type=int, default=100)
    args = parser.parse_args()
    before = args.before or gate_commit()
    with code_at(before) as old_code:
        old = hostile_pushes(old_code, args.pushes)
    new = hostile_pushes(REPO, args.pushes)
    print(f"{args.pushes} unauthenticated 16 MB pushes, 4 at a time (server: 1 worker, SQLite)")
    print(f"{'':26}{'before':>12}{'after':>12}{'ratio':>10}")
    for key, label in (("cpu_ms_per_push", "server CPU ms per push"),
                       ("peak_rss_growth_mb", "peak RSS growth MB"),
                       ("median_answer_ms", "median answer ms")):
        ratio = new[key] / old[key] if old[key] else float("nan")
        print(f"{label:26}{old[key]:12.1f}{new[key]:12.1f}{ratio:10.3f}")
    print(f"statuses: before {old['statuses']}, after {new['statuses']}")


if __name__ == "__main__":
    main()
