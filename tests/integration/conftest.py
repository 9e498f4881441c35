"""Integration fixtures shared by the regional base tests and the desktop sync tests.

`regional_server` runs a real regional base (Uvicorn on a free loopback port, in a thread) on
each backend: a fresh SQLite file, and a fresh PostgreSQL schema (dropped afterwards) in the
database named by CATALOGUE_TEST_PG_URL; the PostgreSQL variant is skipped, with the reason
shown, when that variable is unset (and failed in CI: tests/support.py require)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from sqlalchemy import create_engine, make_url, text

from catalogue_app.regional import admin
from catalogue_app.regional.api import close_app, create_app
from catalogue_app.regional.config import ServerConfig
from catalogue_app.regional.http_protocol import uvicorn_options
from db.regional.engine import Database
from tests.support import PG_URL_ENV, require

PROTOCOL_HEADERS = {"Catalogue-Protocol": "1"}


def _postgresql_url() -> str:
    require("postgresql")
    return os.environ[PG_URL_ENV]


@pytest.fixture(params=["sqlite", "postgresql"])
def regional_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerConfig]:
    """Where a fresh, empty regional base lives, on each backend."""
    if request.param == "sqlite":
        yield ServerConfig.in_data_dir(tmp_path / "regional")
        return
    with postgresql_schema() as url:
        yield ServerConfig(url, tmp_path / "blobs")


@contextlib.contextmanager
def postgresql_schema(port: int | None = None) -> Iterator[str]:
    """The URL of a fresh schema in the test database (reached on `port` if given), dropped
    afterwards."""
    url = _postgresql_url()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    owner = create_engine(url)
    with owner.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    if port is not None:
        scoped = scoped.set(port=port)
    try:
        yield scoped.render_as_string(hide_password=False)
    finally:
        with owner.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        owner.dispose()


@dataclass
class RegionalServer:
    """A running regional base and the admin actions a test needs."""

    url: str
    config: ServerConfig
    database: Database

    def add_museum(self, code: str, name: str | None = None) -> None:
        with self.database.write_session() as session:
            admin.add_museum(session, code, name or f"Museum {code}")

    def token(self, museum: str, user: str = "curator", role: str = "editor") -> str:
        with self.database.write_session() as session:
            _id, token, _notes = admin.create_token(session, museum, user, admin.Role(role))
        return token

    def client(self, token: str | None = None, **headers: str) -> httpx.Client:
        """An HTTP client speaking protocol 1, authenticated with `token` if given."""
        all_headers = dict(PROTOCOL_HEADERS)
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        all_headers.update(headers)
        return httpx.Client(base_url=self.url, headers=all_headers, timeout=30)


@pytest.fixture
def regional_server(regional_config: ServerConfig) -> Iterator[RegionalServer]:
    with serving(regional_config) as server:
        yield server


@contextlib.contextmanager
def serving(config: ServerConfig, port: int = 0) -> Iterator[RegionalServer]:
    """A regional base with this configuration, served on a loopback port in a thread (a free
    one unless `port` is given)."""
    app = create_app(config)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(
        app, log_level="warning", lifespan="off", **uvicorn_options()
    ))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the regional base did not start")
        time.sleep(0.01)
    database = Database(config.db_url)
    try:
        yield RegionalServer(f"http://127.0.0.1:{port}", config, database)
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()
        database.dispose()
        close_app(app)
