"""Integration fixtures shared by the regional base tests and the desktop sync tests.

`regional_server` runs a real regional base (Uvicorn on a free loopback port, in a thread) on
each backend: a fresh SQLite file, and a fresh PostgreSQL schema (dropped afterwards) in the
database named by CATALOGUE_TEST_PG_URL; the PostgreSQL variant is skipped, with the reason
shown, when that variable is unset (and failed in CI: tests/support.py require)."""

from __future__ import annotations

import contextlib
import logging
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
from catalogue_app.regional.oai.keeper import MetadataKeeper
from catalogue_app.regional.portal.site import Site
from db.regional.engine import Database
from tests.support import PG_URL_ENV, require

PROTOCOL_HEADERS = {"Catalogue-Protocol": "1"}


def _postgresql_url() -> str:
    require("postgresql")
    return os.environ[PG_URL_ENV]


@pytest.fixture(params=["sqlite", "postgresql"])
def regional_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerConfig]:
    """Where a fresh, empty regional base lives, on each backend."""
    with fresh_config(request, tmp_path) as config:
        yield config


@contextlib.contextmanager
def fresh_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerConfig]:
    """A fresh base on `request.param`: "sqlite" (its blobs in a folder beside), "postgresql"
    (blobs in a folder) or "postgresql+s3" (blobs in a fresh bucket of the local S3 server)."""
    if request.param == "sqlite":
        yield ServerConfig.in_data_dir(tmp_path / "regional")
        return
    with postgresql_schema() as url:
        if request.param == "postgresql+s3":
            yield ServerConfig(url, request.getfixturevalue("s3_bucket"))
        else:
            yield ServerConfig(url, tmp_path / "blobs")


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A local S3-compatible server (moto's), which boto3 reaches through the standard AWS
    environment variables, set for this process and the servers it starts."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per S3 request otherwise
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    settings = {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "eu-west-3"}
    before = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield endpoint
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint: str) -> str:
    """`s3://BUCKET/PREFIX` of a fresh bucket on the local S3 server."""
    import boto3

    bucket = f"base-{uuid.uuid4().hex[:12]}"
    boto3.client("s3").create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"})
    return f"s3://{bucket}/musees-normandie"


def stored_keys(blobs: Path | str, prefix: str) -> list[str]:
    """The keys under `prefix` (objects/, uploads/...) in a blob store (config.blobs)."""
    if isinstance(blobs, Path):
        return sorted(path.relative_to(blobs).as_posix()
                      for path in (blobs / prefix).rglob("*") if path.is_file())
    import boto3

    bucket, _, root = blobs.removeprefix("s3://").partition("/")
    pages = boto3.client("s3").get_paginator("list_objects_v2").paginate(
        Bucket=bucket, Prefix=f"{root}/{prefix}")
    return sorted(item["Key"].removeprefix(f"{root}/")
                  for page in pages for item in page.get("Contents", []))


def stored_object(config: ServerConfig, key: str) -> bytes | None:
    """What the base's blob store holds at `key` (objects/ab/cd/<sha256>...), read directly."""
    from catalogue_app.regional.stores import open_store

    return open_store(config.blobs).read(key)


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
    keeper: MetadataKeeper  # the server's OAI metadata keeper (tests wait on `caught_up`)
    portal: Site  # the portal's kept pages (tests set how often network-wide ones refresh)

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
def serving(config: ServerConfig, port: int = 0,
            host: str = "127.0.0.1") -> Iterator[RegionalServer]:
    """A regional base with this configuration, served on a port of `host` (loopback unless
    given) in a thread (a free one unless `port` is given)."""
    app = create_app(config)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
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
        yield RegionalServer(f"http://{host}:{port}", config, database,
                             app.state.services.keeper, app.state.site)
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()
        database.dispose()
        close_app(app)
