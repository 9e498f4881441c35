"""Finishing an upload re-hashes the whole image outside any write transaction: while a large
image is being checked (its S3 store held still by a relay), another museum's batch on the same
SQLite base goes through, and the upload itself is left alone by chunks and second finishes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import text

from catalogue_app.regional.blobs import object_key
from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import RegionalServer, serving, stored_object
from tests.integration.regional.conftest import new_record, push
from tests.integration.regional.tcp_relay import TcpRelay

IMAGE_BYTES = 12 * 1024 * 1024  # large-ish: two S3 parts and a last one
CHUNK_BYTES = 4 * 1024 * 1024


@dataclass
class Base:
    server: RegionalServer
    store_relay: TcpRelay  # between the base and its S3 store


@pytest.fixture
def base(tmp_path: Path, s3_endpoint: str, s3_bucket: str,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[Base]:
    """An SQLite base whose blobs are in S3, reached through a relay the test can freeze."""
    moto = urlsplit(s3_endpoint)
    relay = TcpRelay((moto.hostname, moto.port))
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{relay.port}")
    config = ServerConfig(f"sqlite:///{tmp_path / 'base.sqlite'}", s3_bucket)
    try:
        with serving(config) as server:
            for code in ("MA", "MB"):
                server.add_museum(code)
            yield Base(server, relay)
    finally:
        relay.close()


def _upload_chunks(client: httpx.Client, data: bytes) -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    for offset in range(0, len(data), CHUNK_BYTES):
        chunk = data[offset:offset + CHUNK_BYTES]
        response = client.put(f"/api/v1/blobs/{sha256}/chunks/{offset}", content=chunk,
                              headers={"Chunk-SHA256": hashlib.sha256(chunk).hexdigest()})
        assert response.status_code == 200, response.text
    return sha256


def test_another_museums_batch_goes_through_while_a_large_image_is_checked(base: Base) -> None:
    server = base.server
    data = os.urandom(IMAGE_BYTES)
    with server.client(server.token("MA")) as museum_a, \
            server.client(server.token("MB")) as museum_b, ThreadPoolExecutor(1) as pool:
        sha256 = _upload_chunks(museum_a, data)
        base.store_relay.freeze()  # the check of the whole image waits on its store
        finishing = pool.submit(museum_a.post, f"/api/v1/blobs/{sha256}:finish")
        assert base.store_relay.holding.wait(30)

        batch = push(museum_b, [new_record("B.1")])

        assert batch.status_code == 200, batch.text
        assert batch.json()["results"][0]["status"] == "ok"
        assert not finishing.done()  # the batch did not wait for the check
        base.store_relay.recover()
        finished = finishing.result(timeout=120)
    assert finished.status_code == 200, finished.text
    assert finished.json() == {"sha256": sha256, "size": IMAGE_BYTES}
    assert stored_object(server.config, object_key(sha256)) == data


def test_an_upload_being_checked_takes_no_chunk_nor_second_finish(base: Base) -> None:
    server = base.server
    data = os.urandom(IMAGE_BYTES)
    with server.client(server.token("MA")) as museum_a, ThreadPoolExecutor(1) as pool:
        sha256 = _upload_chunks(museum_a, data)
        base.store_relay.freeze()
        finishing = pool.submit(museum_a.post, f"/api/v1/blobs/{sha256}:finish")
        assert base.store_relay.holding.wait(30)

        second = museum_a.post(f"/api/v1/blobs/{sha256}:finish")
        late_chunk = museum_a.put(f"/api/v1/blobs/{sha256}/chunks/{IMAGE_BYTES}", content=b"x",
                                  headers={"Chunk-SHA256": hashlib.sha256(b"x").hexdigest()})

        assert (second.status_code, second.json()["code"]) == (409, "conflict")
        assert "being checked" in second.json()["error"]
        assert late_chunk.status_code == 409
        assert museum_a.get(f"/api/v1/blobs/{sha256}/upload").json() == {
            "offset": IMAGE_BYTES, "complete": False}
        base.store_relay.recover()
        assert finishing.result(timeout=120).status_code == 200
        # Once checked, a finish retried after a lost answer is told the image is there.
        assert museum_a.post(f"/api/v1/blobs/{sha256}:finish").json() == {
            "sha256": sha256, "size": IMAGE_BYTES}
        assert museum_a.get(f"/api/v1/blobs/{sha256}/upload").json() == {
            "offset": 0, "complete": True}


def test_a_finish_whose_process_died_mid_check_leaves_the_upload_to_the_next(base: Base) -> None:
    server = base.server
    data = os.urandom(IMAGE_BYTES)
    with server.client(server.token("MA")) as museum_a:
        sha256 = _upload_chunks(museum_a, data)
        # A finish claimed the upload two hours ago and never came back (killed mid-check;
        # the claim moved back: the clock is not the test's).
        with server.database.write_session() as session:
            session.execute(text(
                "UPDATE blob_uploads SET finishing_since = '2020-01-01T00:00:00.000'"))

        finished = museum_a.post(f"/api/v1/blobs/{sha256}:finish")

    assert finished.status_code == 200, finished.text
    assert stored_object(server.config, object_key(sha256)) == data
