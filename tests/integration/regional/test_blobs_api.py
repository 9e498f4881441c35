"""Image upload and download: resumable, checked chunk by chunk and as a whole, write-once."""

from __future__ import annotations

import hashlib
import io
import logging
import random
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image
from sqlalchemy import text

from catalogue_app.regional.blobs import object_key
from catalogue_app.regional.config import ServerConfig
from tests.integration.conftest import (
    RegionalServer,
    fresh_config,
    stored_keys,
    stored_object,
)
from tests.integration.regional.conftest import Museum, upload_blob


@pytest.fixture(params=["sqlite", "postgresql", "postgresql+s3"])
def regional_config(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerConfig]:
    """Each backend, and an S3 bucket for the blobs as well as a folder."""
    with fresh_config(request, tmp_path) as config:
        yield config


def tiff_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("I;16", (300, 200), 4000).save(out, format="TIFF", compression="tiff_lzw")
    return out.getvalue()


def put_chunk(client: httpx.Client, sha256: str, offset: int, chunk: bytes) -> httpx.Response:
    return client.put(
        f"/api/v1/blobs/{sha256}/chunks/{offset}", content=chunk,
        headers={"Chunk-SHA256": hashlib.sha256(chunk).hexdigest()},
    )


def test_an_uploaded_image_is_no_longer_missing_and_downloads_bit_for_bit(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    data = tiff_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    other = "f" * 64
    check = museum_a.editor.post("/api/v1/blobs:check", json={"sha256": [sha256, other]})
    assert check.json() == {"missing": [sha256, other]}
    assert upload_blob(museum_a.editor, data, chunk_size=1000) == sha256
    check = museum_a.editor.post("/api/v1/blobs:check", json={"sha256": [sha256, other]})
    assert check.json() == {"missing": [other]}
    assert museum_a.reader.get(f"/api/v1/blobs/{sha256}").content == data
    assert stored_object(regional_server.config, object_key(sha256)) == data


def test_an_interrupted_upload_resumes_from_the_offset_the_server_reports(
    museum_a: Museum,
) -> None:
    data = bytes(range(256)) * 40
    sha256 = hashlib.sha256(data).hexdigest()
    assert put_chunk(museum_a.editor, sha256, 0, data[:4000]).json() == {"offset": 4000}
    # The connection drops; the desk asks where to resume.
    state = museum_a.editor.get(f"/api/v1/blobs/{sha256}/upload").json()
    assert state == {"offset": 4000, "complete": False}
    misplaced = put_chunk(museum_a.editor, sha256, 0, data[:4000])
    assert misplaced.status_code == 409 and "offset 4000" in misplaced.json()["error"]
    assert put_chunk(museum_a.editor, sha256, 4000, data[4000:]).status_code == 200
    assert museum_a.editor.post(f"/api/v1/blobs/{sha256}:finish").json() == {
        "sha256": sha256, "size": len(data),
    }
    # A finish retried after a lost answer is harmless.
    assert museum_a.editor.post(f"/api/v1/blobs/{sha256}:finish").status_code == 200
    assert museum_a.editor.get(f"/api/v1/blobs/{sha256}/upload").json()["complete"] is True


def test_a_desk_hanging_up_mid_chunk_is_no_server_error_and_the_upload_resumes(
    museum_a: Museum, caplog: pytest.LogCaptureFixture,
) -> None:
    data = bytes(range(256)) * 40
    sha256 = hashlib.sha256(data).hexdigest()
    assert put_chunk(museum_a.editor, sha256, 0, data[:1000]).status_code == 200
    chunk = data[1000:]
    head = "".join(f"{name}: {value}\r\n" for name, value in museum_a.editor.headers.items()
                   if name.lower() in ("authorization", "catalogue-protocol"))
    request = (
        f"PUT /api/v1/blobs/{sha256}/chunks/1000 HTTP/1.1\r\nHost: base\r\n{head}"
        f"Chunk-SHA256: {hashlib.sha256(chunk).hexdigest()}\r\n"
        f"Content-Length: {len(chunk)}\r\n\r\n"
    ).encode()
    url = museum_a.editor.base_url
    caplog.set_level(logging.INFO)
    with socket.create_connection((url.host, url.port)) as desk:
        desk.sendall(request + chunk[:1000])  # the network fails here
    deadline = time.monotonic() + 10
    while "disconnected" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "disconnected" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert museum_a.editor.get(f"/api/v1/blobs/{sha256}/upload").json()["offset"] == 1000
    assert put_chunk(museum_a.editor, sha256, 1000, chunk).json() == {"offset": len(data)}
    assert museum_a.editor.post(f"/api/v1/blobs/{sha256}:finish").status_code == 200


def test_a_chunk_damaged_in_transit_is_refused(museum_a: Museum) -> None:
    sha256 = hashlib.sha256(b"abc").hexdigest()
    response = museum_a.editor.put(
        f"/api/v1/blobs/{sha256}/chunks/0", content=b"abd",
        headers={"Chunk-SHA256": hashlib.sha256(b"abc").hexdigest()},
    )
    assert response.status_code == 422 and "damaged in transit" in response.json()["error"]
    assert museum_a.editor.get(f"/api/v1/blobs/{sha256}/upload").json()["offset"] == 0


def test_bytes_that_do_not_hash_to_the_announced_sha256_are_discarded(museum_a: Museum) -> None:
    claimed = hashlib.sha256(b"the real image").hexdigest()
    assert put_chunk(museum_a.editor, claimed, 0, b"something else").status_code == 200
    response = museum_a.editor.post(f"/api/v1/blobs/{claimed}:finish")
    assert response.status_code == 422 and "discarded" in response.json()["error"]
    assert museum_a.editor.post("/api/v1/blobs:check", json={"sha256": [claimed]}).json() == {
        "missing": [claimed],
    }
    assert museum_a.editor.get(f"/api/v1/blobs/{claimed}/upload").json()["offset"] == 0


def test_two_museums_uploading_the_same_image_each_get_read_access_to_one_file(
    museum_a: Museum, museum_b: Museum, regional_server: RegionalServer,
) -> None:
    data = b"the same postcard scanned in two museums"
    upload_blob(museum_a.editor, data)
    sha256 = upload_blob(museum_b.editor, data)
    assert museum_b.reader.get(f"/api/v1/blobs/{sha256}").content == data
    assert stored_keys(regional_server.config.blobs, "objects") == [object_key(sha256)]


def test_finishing_an_upload_that_never_started_is_a_404(museum_a: Museum) -> None:
    response = museum_a.editor.post(f"/api/v1/blobs/{'1' * 64}:finish")
    assert response.status_code == 404 and "no upload" in response.json()["error"]


def test_a_chunk_without_its_checksum_header_is_refused(museum_a: Museum) -> None:
    response = museum_a.editor.put(f"/api/v1/blobs/{'1' * 64}/chunks/0", content=b"x")
    assert response.status_code == 422 and "Chunk-SHA256" in response.json()["error"]


def test_a_large_image_goes_up_in_parts_resumes_and_comes_back_by_ranges(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    # 13 MB in 4 MB chunks: S3 parts of at least 5 MB gathered from several chunks.
    data = random.Random(15).randbytes(13 * 1024 * 1024 + 123)
    sha256 = hashlib.sha256(data).hexdigest()
    chunk = 4 * 1024 * 1024
    for offset in range(0, 3 * chunk, chunk):
        assert put_chunk(museum_a.editor, sha256, offset, data[offset:offset + chunk]).json() \
            == {"offset": offset + chunk}
    # A chunk sent again after its answer was lost is refused where the upload stands...
    assert put_chunk(museum_a.editor, sha256, chunk, data[chunk:2 * chunk]).status_code == 409
    state = museum_a.editor.get(f"/api/v1/blobs/{sha256}/upload").json()
    assert state == {"offset": 3 * chunk, "complete": False}
    assert put_chunk(museum_a.editor, sha256, 3 * chunk, data[3 * chunk:]).status_code == 200
    assert museum_a.editor.post(f"/api/v1/blobs/{sha256}:finish").json()["size"] == len(data)
    assert stored_keys(regional_server.config.blobs, "uploads") == []
    whole = museum_a.reader.get(f"/api/v1/blobs/{sha256}")
    assert whole.status_code == 200 and whole.content == data
    tail = museum_a.reader.get(f"/api/v1/blobs/{sha256}", headers={"Range": "bytes=9000000-"})
    assert tail.status_code == 206 and tail.content == data[9_000_000:]
    assert tail.headers["content-range"] == f"bytes 9000000-{len(data) - 1}/{len(data)}"
    middle = museum_a.reader.get(f"/api/v1/blobs/{sha256}", headers={"Range": "bytes=10-19"})
    assert middle.status_code == 206 and middle.content == data[10:20]
    past = museum_a.reader.get(f"/api/v1/blobs/{sha256}",
                               headers={"Range": f"bytes={len(data)}-"})
    assert past.status_code == 416 and past.headers["content-range"] == f"bytes */{len(data)}"


def test_an_upload_left_for_a_week_is_dropped_when_another_starts(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    left = b"a scan abandoned halfway" * 100
    left_sha256 = hashlib.sha256(left).hexdigest()
    assert put_chunk(museum_a.editor, left_sha256, 0, left[:1000]).status_code == 200
    # Eight days later (the upload's last chunk moved back: the clock is not the test's).
    with regional_server.database.write_session() as session:
        session.execute(text("UPDATE blob_uploads SET touched_at = '2020-01-01T00:00:00.000'"))
    fresh = b"a new scan"
    fresh_sha256 = hashlib.sha256(fresh).hexdigest()
    assert put_chunk(museum_a.editor, fresh_sha256, 0, fresh).status_code == 200
    state = museum_a.editor.get(f"/api/v1/blobs/{left_sha256}/upload").json()
    assert state == {"offset": 0, "complete": False}
    assert all(fresh_sha256 in key for key in stored_keys(regional_server.config.blobs, "uploads"))
