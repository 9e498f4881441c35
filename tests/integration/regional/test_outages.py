"""The regional base's PostgreSQL goes down or stops answering: callers get 503 with
Retry-After within seconds, never a hang nor a 500, and the base recovers by itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url

from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import RegionalServer, postgresql_schema, serving
from tests.integration.regional.conftest import new_record, push
from tests.integration.regional.tcp_relay import TcpRelay
from tests.support import PG_URL_ENV, require


@pytest.fixture
def relay() -> Iterator[TcpRelay]:
    require("postgresql")
    import os

    url = make_url(os.environ[PG_URL_ENV])
    relay = TcpRelay((url.host or "127.0.0.1", url.port or 5432))
    yield relay
    relay.close()


@pytest.fixture
def server_behind_relay(relay: TcpRelay, tmp_path: Path) -> Iterator[RegionalServer]:
    with postgresql_schema(port=relay.port) as url, serving(
        ServerConfig(url, tmp_path / "blobs")
    ) as server:
        yield server


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["code"] == "unavailable"


@pytest.mark.parametrize("outage", ["down", "unresponsive"])
def test_an_outage_answers_503_within_seconds_and_the_base_recovers(
    relay: TcpRelay, server_behind_relay: RegionalServer, outage: str,
) -> None:
    server_behind_relay.add_museum("MA")
    token = server_behind_relay.token("MA")
    with server_behind_relay.client(token) as client:
        assert client.get("/api/v1/whoami").status_code == 200
        relay.go_down() if outage == "down" else relay.freeze()
        for call in (lambda: client.get("/api/v1/whoami"),
                     lambda: push(client, [new_record("1.1")]),
                     lambda: client.get("/api/v1/changes")):
            started = time.monotonic()
            assert_unavailable(call())
            assert time.monotonic() - started < 6
        relay.recover()
        deadline = time.monotonic() + 30
        while client.get("/api/v1/whoami").status_code != 200:
            assert time.monotonic() < deadline, "the base did not recover"
        response = push(client, [new_record("1.2")])
        assert response.status_code == 200 and response.json()["results"][0]["status"] == "ok"
