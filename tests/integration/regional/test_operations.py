"""What museum IT relies on: a health probe, metrics, strict headers, no page loading scripts
from elsewhere, private files, and images bounded in size and per museum."""

from __future__ import annotations

import dataclasses
import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import RegionalServer, serving
from tests.integration.regional.conftest import Museum, upload_blob


def test_healthz_says_the_database_and_the_blob_store_answer(
    regional_server: RegionalServer,
) -> None:
    response = httpx.get(f"{regional_server.url}/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "blobs": "ok"}


def test_metrics_count_requests_by_route_never_by_raw_path(museum_a: Museum) -> None:
    museum_a.reader.get("/api/v1/whoami")
    museum_a.reader.get("/api/v1/records/0b1d5e1e-9f2a-4c55-8d43-1f6f0d3f1a01")
    text = httpx.get(f"{museum_a.reader.base_url}/metrics").text
    assert 'route="/api/v1/whoami",status="200"' in text
    assert 'route="/api/v1/records/{record_id}",status="404"' in text
    assert "0b1d5e1e" not in text


def test_every_answer_tells_the_servers_time_apart_from_the_networks(museum_a: Museum) -> None:
    for response in (museum_a.reader.get("/api/v1/whoami"),
                     museum_a.reader.get("/api/v1/nothing-here"),
                     httpx.get(f"{museum_a.reader.base_url}/")):
        name, _, duration = response.headers["server-timing"].partition(";dur=")
        assert name == "app"
        assert 0 <= float(duration) <= response.elapsed.total_seconds() * 1000


def test_every_answer_carries_strict_headers_and_no_page_loads_a_cdn(museum_a: Museum) -> None:
    for response in (museum_a.reader.get("/api/v1/whoami"),
                     museum_a.reader.get("/api/v1/nothing-here"),
                     httpx.get(f"{museum_a.reader.base_url}/healthz")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert "server" not in response.headers
    for page in ("/docs", "/redoc"):
        assert httpx.get(f"{museum_a.reader.base_url}{page}").status_code == 404


def test_the_bases_files_are_readable_by_its_own_user_only(
    regional_server: RegionalServer, museum_a: Museum,
) -> None:
    upload_blob(museum_a.editor, b"a private photograph")
    blob_dir = regional_server.config.blobs
    paths = [blob_dir, *blob_dir.rglob("*")]
    if regional_server.config.db_url.startswith("sqlite"):
        database = Path(regional_server.config.db_url.removeprefix("sqlite:///"))
        paths += [database.parent, database]
    for path in paths:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, (path, oct(mode))


@pytest.fixture
def small_server(regional_config: ServerConfig) -> Iterator[RegionalServer]:
    limits = dataclasses.replace(regional_config.limits, blob_bytes=100_000,
                                 museum_blob_bytes=150_000)
    with serving(dataclasses.replace(regional_config, limits=limits)) as server:
        yield server


def put_chunk(client: httpx.Client, data: bytes, offset: int, whole: bytes) -> httpx.Response:
    return client.put(
        f"/api/v1/blobs/{hashlib.sha256(whole).hexdigest()}/chunks/{offset}", content=data,
        headers={"Chunk-SHA256": hashlib.sha256(data).hexdigest()},
    )


def test_an_image_over_the_cap_or_the_museums_quota_is_refused(
    small_server: RegionalServer,
) -> None:
    small_server.add_museum("MA")
    with small_server.client(small_server.token("MA")) as editor:
        too_big = b"t" * 100_001
        response = put_chunk(editor, too_big[:60_000], 0, too_big)
        assert response.status_code == 200
        response = put_chunk(editor, too_big[60_000:], 60_000, too_big)
        assert response.status_code == 413 and response.json()["limit"] == "blob_bytes"
        upload_blob(editor, b"a" * 90_000)
        second = b"b" * 90_000
        response = put_chunk(editor, second, 0, second)
        assert response.status_code == 507, response.text
        error = response.json()
        assert (error["limit"], error["max"]) == ("museum_blob_bytes", 150_000)
