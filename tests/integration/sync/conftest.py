"""Desks syncing with a real regional base on loopback (the `regional_server` fixture of
tests/integration/conftest.py, on SQLite and on PostgreSQL)."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image as PILImage
from sqlalchemy import select

from catalogue_app.catalogue import Catalogue
from catalogue_app.sync.client import RegionalClient
from catalogue_app.sync.engine import Synchroniser, SyncReport
from catalogue_app.sync.wire import record_fields
from db.local.models import Record
from tests.integration.conftest import RegionalServer
from tests.integration.sync.faulty_proxy import FaultyProxy

MUSEUM = "M0001"


@dataclass
class Desk:
    """One desk: its catalogue and the token its curator syncs with."""

    catalogue: Catalogue
    server_url: str
    token: str

    def sync(self, url: str | None = None) -> SyncReport:
        with RegionalClient(url or self.server_url, self.token) as client:
            return Synchroniser(self.catalogue, client, self.token).run()

    def records(self) -> dict[str, dict[str, Any]]:
        """Every record on the desk, as the wire fields the server would hold."""
        with self.catalogue.reading() as session:
            ids = session.scalars(select(Record.id)).all()
            return {record_id: record_fields(session, record_id) for record_id in ids}


def server_records(server: RegionalServer, token: str) -> dict[str, dict[str, Any]]:
    """The live records of the token's museum on the regional base, read from the feed."""
    found: dict[str, dict[str, Any]] = {}
    cursor = None
    with server.client(token) as http:
        while True:
            params = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
            page = http.get("/api/v1/changes", params=params).raise_for_status().json()
            for change in page["changes"]:
                if change["kind"] == "record":
                    found[change["record"]["id"]] = change["record"]["fields"]
                elif change["kind"] == "tombstone":
                    found.pop(change["tombstone"]["id"], None)
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return found


def jpeg_bytes(seed: int, size: int = 64) -> bytes:
    """A small real JPEG, different for every seed."""
    image = PILImage.new("RGB", (size, size), ((seed * 37) % 256, (seed * 91) % 256, seed % 256))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95)
    return out.getvalue()


def noise_png(seed: int, side: int) -> bytes:
    """A real PNG that does not compress (about 3 * side * side bytes)."""
    image = PILImage.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=0)
    return out.getvalue()


@pytest.fixture
def museum_server(regional_server: RegionalServer) -> RegionalServer:
    regional_server.add_museum(MUSEUM, "Musée d'essai")
    return regional_server


@pytest.fixture
def make_desk(museum_server: RegionalServer, tmp_path: Path) -> Iterator:
    opened: list[Catalogue] = []

    def make(name: str, museum: str = MUSEUM, user: str = "curator") -> Desk:
        catalogue = Catalogue.open(tmp_path / name)
        catalogue.set_museum(museum, f"Museum {museum}")
        opened.append(catalogue)
        return Desk(catalogue, museum_server.url, museum_server.token(museum, f"{user}-{name}"))

    yield make
    for catalogue in opened:
        catalogue.close()


FAULTED_TIMEOUT = httpx.Timeout(0.7)  # a stall outlasts it


@pytest.fixture
def proxy(museum_server: RegionalServer) -> Iterator[FaultyProxy]:
    """A fault-injecting proxy in front of the museum's regional base."""
    port = int(museum_server.url.rsplit(":", 1)[1])
    proxy = FaultyProxy(port, stall_seconds=FAULTED_TIMEOUT.read + 0.5)
    yield proxy
    proxy.close()
