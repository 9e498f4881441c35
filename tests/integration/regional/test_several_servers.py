"""Two `catalogue-base serve` processes on different ports, sharing one PostgreSQL and one S3
bucket, serve the same museums as one base: an upload goes on from one to the other chunk by
chunk, pushes to both land once each in one feed, and either serves what the other stored."""

from __future__ import annotations

import contextlib
import hashlib
import random
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from catalogue_app.regional.cli import main
from tests.integration.conftest import PROTOCOL_HEADERS, postgresql_schema, stored_keys
from tests.integration.regional.conftest import camera_jpeg, published, read_feed
from tests.integration.regional.test_blobs_api import put_chunk


@pytest.fixture
def shared_base(s3_bucket: str) -> Iterator[list[str]]:
    """The global options of a base on a fresh PostgreSQL schema and a fresh bucket."""
    with postgresql_schema() as url:
        yield ["--db", url, "--blobs", s3_bucket]


@contextlib.contextmanager
def serve(base: list[str], *options: str) -> Iterator[str]:
    """`catalogue-base serve OPTIONS` in a process of its own, on a free port; its address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "catalogue_app.regional.cli", *base,
                                "serve", "--port", str(port), *options],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def _token(base: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main([*base, "token", "create", "--museum", "MA", "--user", "curator"]) == 0
    return capsys.readouterr().out.strip()


def test_two_servers_on_one_database_and_one_bucket_serve_the_same_museums(
    shared_base: list[str], capsys: pytest.CaptureFixture[str], tmp_path,
) -> None:
    assert main([*shared_base, "museum", "add", "MA", "Musée A"]) == 0
    token = _token(shared_base, capsys)
    headers = {**PROTOCOL_HEADERS, "Authorization": f"Bearer {token}"}
    with serve(shared_base) as first_url, serve(shared_base) as second_url, \
            httpx.Client(base_url=first_url, headers=headers, timeout=60) as first, \
            httpx.Client(base_url=second_url, headers=headers, timeout=60) as second:
        # A 9 MB scan, its chunks sent to one server then the other.
        scan = random.Random(2).randbytes(9 * 1024 * 1024)
        sha256 = hashlib.sha256(scan).hexdigest()
        chunk = 3 * 1024 * 1024
        for n, offset in enumerate(range(0, len(scan), chunk)):
            server = (first, second)[n % 2]
            state = server.get(f"/api/v1/blobs/{sha256}/upload").json()
            assert state == {"offset": offset, "complete": False}
            answer = put_chunk(server, sha256, offset, scan[offset:offset + chunk])
            assert answer.status_code == 200, answer.text
        assert second.post(f"/api/v1/blobs/{sha256}:finish").json()["size"] == len(scan)
        assert first.get(f"/api/v1/blobs/{sha256}").content == scan

        # A published photograph, pushed through the first; each server pushes a batch.
        photo = camera_jpeg(tmp_path, (40, 90, 160))
        photo_sha256 = hashlib.sha256(photo).hexdigest()
        assert put_chunk(second, photo_sha256, 0, photo).status_code == 200
        assert first.post(f"/api/v1/blobs/{photo_sha256}:finish").status_code == 200
        image = {"sha256": photo_sha256, "file_name": "1.1.jpg", "publishable": True,
                 "is_primary": True, "position": 0}
        batches = [[published(f"{n}.{i}", images=[image] if (n, i) == (1, 1) else [])
                    for i in range(1, 41)] for n in (1, 2)]

        def push(client: httpx.Client, records: list[dict]) -> list[str]:
            answer = client.post("/api/v1/records:batch", json={"records": records},
                                 headers={"Idempotency-Key": str(uuid.uuid4())})
            assert answer.status_code == 200, answer.text
            return [result["status"] for result in answer.json()["results"]]

        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(push, (first, second), batches))
        assert outcomes == [["ok"] * 40, ["ok"] * 40]
        for client in (first, second):
            changes, _cursor = read_feed(client)
            ids = [c["record"]["id"] for c in changes if c["kind"] == "record"]
            assert sorted(ids) == sorted(r["id"] for batch in batches for r in batch)

        # Whichever made the derivatives, both serve them, from the bucket's derivatives/.
        record_id = batches[0][0]["id"]
        path = f"/images/{record_id}/{photo_sha256}/thumb.jpg"
        deadline = time.monotonic() + 60
        while httpx.get(f"{second_url}{path}").status_code != 200:
            assert time.monotonic() < deadline, "no derivative was made"
            time.sleep(0.2)
        thumbs = [httpx.get(f"{url}{path}") for url in (first_url, second_url)]
        assert thumbs[0].content == thumbs[1].content
        assert thumbs[0].content.startswith(b"\xff\xd8")
    keys = stored_keys(shared_base[3], "")
    assert f"derivatives/{photo_sha256[:2]}/{photo_sha256[2:4]}/{photo_sha256}-thumb.jpg" in keys
    assert not [key for key in keys if key.startswith("uploads/")]
