"""The regional base's PostgreSQL goes down or stops answering: callers get 503 with
Retry-After within seconds, never a hang nor a 500, and the base recovers by itself; a sync
run from cron (`catalogue-app sync --retry`) waits the outage out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url

from catalogue_app.catalogue import Catalogue
from catalogue_app.records.store import create_record
from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import RegionalServer, postgresql_schema, serving
from tests.integration.regional.conftest import new_record, push
from tests.integration.regional.tcp_relay import TcpRelay
from tests.integration.sync.conftest import server_records
from tests.support import PG_URL_ENV, require, start_cli


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


def test_a_scheduled_sync_waits_until_the_database_is_back(
    relay: TcpRelay, server_behind_relay: RegionalServer, tmp_path: Path,
) -> None:
    server_behind_relay.add_museum("MA")
    token = server_behind_relay.token("MA")
    (tmp_path / "token").write_text(token)
    catalogue = Catalogue.open(tmp_path / "desk")
    catalogue.set_museum("MA", "Musée A")
    with catalogue.writing() as session:
        for number in ("W.1", "W.2"):
            create_record(session, {"inventory_number": number}, "alice")
    catalogue.close()
    relay.go_down()

    sync = start_cli("--catalogue", str(tmp_path / "desk"), "sync", "--server",
                     server_behind_relay.url, "--token-file", str(tmp_path / "token"),
                     "--retry-max-wait", "2", env={"CATALOGUE_APP_LANG": "fr"})
    try:
        said = sync.stderr.readline()  # the first failure, and what the command waits for
        relay.recover()  # while it waits
        rest = sync.communicate(timeout=120)[1]
    finally:
        sync.kill()

    assert said.startswith("La base régionale est indisponible"), said + rest
    assert said.rstrip().endswith(
        "La base régionale demande de réessayer dans 10 s : essai 2 sur 4 dans 2 s.")
    assert sync.returncode == 0, rest
    assert sorted(fields["inventory_number"] for fields in
                  server_records(server_behind_relay, token).values()) == ["W.1", "W.2"]
