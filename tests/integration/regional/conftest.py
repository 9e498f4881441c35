"""Helpers for the regional base's own tests (the server fixtures live one level up)."""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from catalogue_app.regional import shared
from tests.image_samples import photo
from tests.integration.conftest import RegionalServer


def new_record(
    inventory_number: str, base_version: int | None = None, record_id: str | None = None,
    deleted: bool = False, **fields: Any,
) -> dict[str, Any]:
    return {
        "id": record_id or str(uuid.uuid4()),
        "base_version": base_version,
        "fields": {"inventory_number": inventory_number, "designation": "assiette", **fields},
        "deleted": deleted,
    }


def push(client: httpx.Client, records: list[dict], key: str | None = None) -> httpx.Response:
    return client.post(
        "/api/v1/records:batch", json={"records": records},
        headers={"Idempotency-Key": key or str(uuid.uuid4())},
    )


def push_ok(client: httpx.Client, records: list[dict]) -> list[dict]:
    response = push(client, records)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def read_feed(
    client: httpx.Client, cursor: str | None = None, limit: int = 500
) -> tuple[list[dict], str]:
    """Every change after `cursor`, page by page; returns the changes and the last cursor."""
    changes: list[dict] = []
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        response = client.get("/api/v1/changes", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        changes += page["changes"]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return changes, cursor


def upload_blob(client: httpx.Client, data: bytes, chunk_size: int = 64 * 1024) -> str:
    sha256 = hashlib.sha256(data).hexdigest()
    for offset in range(0, len(data), chunk_size):
        chunk = data[offset:offset + chunk_size]
        response = client.put(
            f"/api/v1/blobs/{sha256}/chunks/{offset}", content=chunk,
            headers={"Chunk-SHA256": hashlib.sha256(chunk).hexdigest()},
        )
        assert response.status_code == 200, response.text
    response = client.post(f"/api/v1/blobs/{sha256}:finish")
    assert response.status_code == 200, response.text
    return sha256


@dataclass
class Museum:
    code: str
    editor: httpx.Client
    reader: httpx.Client


@pytest.fixture
def museum_a(regional_server: RegionalServer) -> Iterator[Museum]:
    yield from _museum(regional_server, "MA")


@pytest.fixture
def museum_b(regional_server: RegionalServer) -> Iterator[Museum]:
    yield from _museum(regional_server, "MB")


def _museum(server: RegionalServer, code: str) -> Iterator[Museum]:
    server.add_museum(code, f"Musée {code}")
    editor = server.client(server.token(code, "curator", "editor"))
    reader = server.client(server.token(code, "visitor", "reader"))
    with editor, reader:
        yield Museum(code, editor, reader)


# --- a published collection, for the portal's tests --------------------------------------------
SECRET = "Famille Dupont-Secret"


def camera_jpeg(folder: Path, colour: tuple[int, int, int], size=(2400, 1600)) -> bytes:
    """A camera's JPEG: EXIF with the photographer and a GPS position."""
    path = photo(folder / f"{colour}.jpg", size, colour=colour, artist="Photographe Secret",
                 gps=(49.43, -1.08))
    return path.read_bytes()


# A radiation as the register's rules take it: of an inscribed record, with its legal case,
# date and decision.
RADIATION = {"inscribed": True, "status": "deaccessioned", "deaccession_case": "destroyed",
             "deaccession_date": "2020-01-02", "deaccession_decision": "Arrêté du 2 janvier 2020"}


def published(number: str, **fields) -> dict:
    return new_record(number, **{"public": True, "status": "active", **fields})


@dataclass
class Collection:
    public: dict
    private: dict
    radiated: dict
    trashed: dict
    shown_image: str
    hidden_image: str


TEXTILE, COIFFES = "2f1d4c1e-0000-4000-8000-000000000001", "2f1d4c1e-0000-4000-8000-000000000002"
THEMES = {"format": "catalogue-themes", "version": 1, "themes": [
    {"id": TEXTILE, "label_fr": "Textile", "label_en": "Textiles", "children": [
        {"id": COIFFES, "label_fr": "Coiffes", "label_en": "Headdresses", "children": []}]}]}


@pytest.fixture
def collection(regional_server: RegionalServer, museum_a: Museum,
               tmp_path: Path) -> Iterator[Collection]:
    with regional_server.database.write_session() as session:
        shared.import_themes(session, THEMES, "themes")
    shown = upload_blob(museum_a.editor, camera_jpeg(tmp_path, (20, 30, 120)))
    hidden = upload_blob(museum_a.editor, camera_jpeg(tmp_path, (120, 130, 20), (800, 600)))
    records = Collection(
        public=published(
            "1995.3.1", designation="Coiffe de dentelle", title="Bonnet brodé d'Étretat",
            acquisition_source=SECRET, acquisition_price="1200 F", observations=SECRET,
            current_location="Réserve B", materials=["lin", "dentelle"], themes=[COIFFES],
            dating="vers 1890", date_earliest=1880, date_latest=1900,
            images=[
                {"sha256": shown, "file_name": "1995.3.1.jpg", "publishable": True,
                 "is_primary": True, "position": 0, "credit": "Musée A", "licence": "CC BY",
                 "metadata": {"gps": "49.43,-1.08"}, "note": SECRET},
                {"sha256": hidden, "file_name": "1995.3.1_uv.jpg", "publishable": False,
                 "is_primary": False, "position": 1},
            ],
        ),
        private=new_record("1995.3.2", designation="Coiffe privée", public=False,
                           themes=[TEXTILE]),
        radiated=published("1995.3.3", designation="Coiffe radiée", **RADIATION),
        trashed=published("1995.3.4", designation="Coiffe jetée",
                          trashed_at="2026-01-01T00:00:00"),
        shown_image=shown, hidden_image=hidden,
    )
    results = push_ok(museum_a.editor, [records.public, records.private, records.radiated,
                                        records.trashed])
    assert [r["status"] for r in results] == ["ok"] * 4, results
    # Settled: a derivative made later would change what pages show (and their ETag).
    with httpx.Client(base_url=regional_server.url) as client:
        path = f"/api/public/v1/objects/{records.public['id']}"
        wait_for(lambda: "thumb" in client.get(path).json()["fields"]["images"][0],
                 "the public image's derivatives")
    yield records


@pytest.fixture
def visitor(regional_server: RegionalServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=regional_server.url, timeout=30) as client:
        yield client


def wait_for(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def push_illustrated(museum: Museum, folder: Path, count: int) -> list[dict]:
    """`count` published objects, each with its own publishable image and year (1800 + n)."""
    records = []
    for n in range(count):
        sha256 = upload_blob(museum.editor, camera_jpeg(folder, (40 * n, 90, 20), (400, 300)))
        records.append(published(
            f"2030.{n}", designation=f"Objet {n}", date_earliest=1800 + n, dating=f"{1800 + n}",
            images=[{"sha256": sha256, "file_name": f"{n}.jpg", "publishable": True,
                     "position": 0, "is_primary": True}],
        ))
    assert {r["status"] for r in push_ok(museum.editor, records)} == {"ok"}
    return records
