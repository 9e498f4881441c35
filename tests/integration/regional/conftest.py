"""Helpers for the regional base's own tests (the server fixtures live one level up)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

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
