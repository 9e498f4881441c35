"""Every published limit holds over real HTTP, on both backends, and is answered in one error
shape: {"error", "code", "limit", "max"}; what a caller without a token sends is never read."""

from __future__ import annotations

import contextlib
import socket
import time
import uuid
from urllib.parse import urlsplit

import httpx

from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import Museum, new_record, push, push_ok, read_feed

MB = 1024 * 1024


def raw_exchange(server_url: str, head: bytes, body: bytes = b"", wait: float = 10) -> bytes:
    """Send `head` (and `body`) on a plain socket and return what the server answers before
    it closes the connection or `wait` seconds pass."""
    address = urlsplit(server_url)
    with socket.create_connection((address.hostname, address.port), timeout=wait) as sock:
        with contextlib.suppress(OSError):  # the server may answer before taking it all
            sock.sendall(head + body)
        answer = b""
        try:
            while block := sock.recv(1 << 16):
                answer += block
                if b"\r\n\r\n" in answer and answer.endswith(b"}"):
                    break
        except (TimeoutError, ConnectionResetError):
            pass
    return answer


def assert_limit(response: httpx.Response, status: int, limit: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()
    assert error["code"] == "limit_exceeded" and error["limit"] == limit, error
    assert isinstance(error["max"], int) and error["error"]


def test_an_unauthenticated_push_is_refused_before_its_body_is_sent(
    regional_server: RegionalServer,
) -> None:
    # The head promises 16 MB, but no byte of it is ever sent: the answer comes anyway.
    head = (b"POST /api/v1/records:batch HTTP/1.1\r\nHost: base\r\nCatalogue-Protocol: 1\r\n"
            b"Idempotency-Key: k\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % (16 * MB - 1))
    for authorization in (b"", b"Authorization: Bearer not-a-token\r\n"):
        started = time.monotonic()
        answer = raw_exchange(regional_server.url, head.replace(b"\r\n\r\n",
                              b"\r\n" + authorization + b"\r\n", 1) if authorization else head)
        assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
        assert b'"code":"unauthenticated"' in answer
        assert time.monotonic() - started < 2


def test_a_refused_body_that_keeps_coming_is_cut_off_not_read(
    regional_server: RegionalServer, museum_a: Museum,
) -> None:
    # A caller that reads its 413 and keeps sending a 64 MB body: the server drops about 1 MB
    # of it, then closes the connection instead of reading the rest.
    address = urlsplit(regional_server.url)
    head = (b"POST /api/v1/records:batch HTTP/1.1\r\nHost: base\r\nCatalogue-Protocol: 1\r\n"
            b"Idempotency-Key: k\r\nContent-Length: %d\r\n\r\n" % (64 * MB))
    sent = 0
    with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
        sock.sendall(head)
        assert sock.recv(1 << 16).startswith(b"HTTP/1.1 413")
        with contextlib.suppress(OSError):  # reset by the server: the point of the test
            while sent < 64 * MB:
                sent += sock.send(b"x" * (1 << 16))
    # What was sent beyond the dropped megabyte sits in the two ends' socket buffers.
    assert sent < 24 * MB, f"{sent / MB:.0f} MB of a refused body were taken"
    assert museum_a.reader.get("/api/v1/whoami").status_code == 200


def test_a_client_sending_a_body_within_the_limit_reads_its_refusal(
    regional_server: RegionalServer,
) -> None:
    # HTTP clients send the whole body before reading the answer: a desk whose token was
    # revoked while it uploads an 8 MB chunk must read why, not a broken connection.
    with httpx.Client(base_url=regional_server.url, timeout=30) as client:
        answer = client.put(f"/api/v1/blobs/{'a' * 64}/chunks/0", content=b"x" * (8 * MB),
                            headers={"Authorization": "Bearer revoked",
                                     "Catalogue-Protocol": "1"})
    assert answer.status_code == 401 and answer.json()["code"] == "unauthenticated"


def test_a_slow_client_sending_a_refused_body_still_reads_its_refusal(
    regional_server: RegionalServer,
) -> None:
    # A desk on a slow line: its refused 1 MB body takes longer than a kept-alive connection's
    # idle time (5 s) to arrive; the answer must still be there when it has sent it all.
    address = urlsplit(regional_server.url)
    pieces = 25
    head = (b"POST /api/v1/records:batch HTTP/1.1\r\nHost: base\r\nCatalogue-Protocol: 1\r\n"
            b"Authorization: Bearer revoked\r\nContent-Length: %d\r\n\r\n" % (pieces * 40_000))
    with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
        sock.sendall(head)
        for _ in range(pieces):  # the line's pace, not a wait for the server
            sock.sendall(b"x" * 40_000)
            time.sleep(0.25)
        answer = sock.recv(1 << 16)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]


def test_a_body_declared_too_large_is_refused_before_it_is_sent(museum_a: Museum) -> None:
    token = museum_a.editor.headers["Authorization"].encode()
    head = (b"POST /api/v1/records:batch HTTP/1.1\r\nHost: base\r\nCatalogue-Protocol: 1\r\n"
            b"Authorization: " + token + b"\r\nIdempotency-Key: k\r\n"
            b"Content-Length: %d\r\n\r\n" % (16 * MB + 1))
    answer = raw_exchange(str(museum_a.editor.base_url), head)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"limit":"body_bytes"' in answer


def test_oversized_headers_get_431_at_once_and_the_server_keeps_answering(
    regional_server: RegionalServer, museum_a: Museum,
) -> None:
    head = b"GET /api/v1/whoami HTTP/1.1\r\nHost: base\r\nX-Padding: " + b"a" * (4 * MB)
    started = time.monotonic()
    answer = raw_exchange(regional_server.url, head)
    assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
    assert b'"limit": "header_bytes"' in answer
    assert time.monotonic() - started < 2
    assert museum_a.reader.get("/api/v1/whoami").status_code == 200


def test_a_client_that_never_finishes_its_headers_is_disconnected(
    regional_server: RegionalServer,
) -> None:
    started = time.monotonic()
    answer = raw_exchange(regional_server.url, b"GET /api/v1/whoami HTTP/1.1\r\nHo", wait=30)
    assert answer == b""  # closed without an answer
    assert 5 < time.monotonic() - started < 20


def test_a_batch_over_the_record_count_is_refused_whole(museum_a: Museum) -> None:
    records = [new_record(f"1.{n}") for n in range(101)]
    assert_limit(push(museum_a.editor, records), 413, "batch_records")
    assert read_feed(museum_a.reader)[0] == []


def test_a_record_over_the_size_or_number_limit_is_refused_alone(museum_a: Museum) -> None:
    huge = new_record("2.1", observations="x" * (MB + 10))
    long_number = new_record("2." + "9" * 3000)  # past PostgreSQL's index key limit
    fine = new_record("2.2")
    results = push_ok(museum_a.editor, [huge, long_number, fine])
    assert [r["status"] for r in results] == ["error", "error", "ok"]
    assert (results[0]["code"], results[0]["limit"]) == ("limit_exceeded", "record_bytes")
    assert results[0]["max"] == MB
    assert (results[1]["code"], results[1]["limit"]) == ("limit_exceeded",
                                                         "inventory_number_chars")
    changes, _ = read_feed(museum_a.reader)
    assert [c["record"]["id"] for c in changes] == [fine["id"]]


def test_deep_nesting_is_refused_with_the_limit(museum_a: Museum) -> None:
    for depth in (40, 1000, 100_000):
        body = b'{"records": [{"id": "%s", "fields": {"x": %s1%s}}]}' % (
            str(uuid.uuid4()).encode(), b"[" * depth, b"]" * depth)
        response = museum_a.editor.post(
            "/api/v1/records:batch", content=body,
            headers={"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"},
        )
        assert_limit(response, 400, "json_depth")


def test_a_feed_page_stops_at_its_byte_budget(museum_a: Museum) -> None:
    records = [new_record(f"3.{n}", observations="y" * (MB - 1000)) for n in range(10)]
    assert {r["status"] for r in push_ok(museum_a.editor, records)} == {"ok"}
    page = museum_a.reader.get("/api/v1/changes", params={"limit": 1000}).json()
    assert 1 <= len(page["changes"]) <= 8 and page["has_more"]
    changes, _ = read_feed(museum_a.reader)
    assert sorted(c["record"]["id"] for c in changes) == sorted(r["id"] for r in records)


def test_every_error_has_one_shape(museum_a: Museum) -> None:
    answers = [
        museum_a.reader.get("/api/v1/no-such-thing"),
        museum_a.reader.delete("/api/v1/whoami"),
        museum_a.reader.get("/api/v1/whoami/"),  # no redirect built from the Host header
        museum_a.reader.get("/api/v1/changes", params={"limit": 0}),
        museum_a.reader.get(f"/api/v1/records/{uuid.uuid4()}"),
        museum_a.editor.post("/api/v1/records:batch", json={"records": []}),
    ]
    for response in answers:
        assert 400 <= response.status_code < 500, response.text
        assert "location" not in response.headers
        error = response.json()
        assert set(error) == {"error", "code"} and error["error"] and error["code"], error
