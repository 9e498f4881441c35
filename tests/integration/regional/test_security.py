"""What a wrong, hostile or careless caller gets from the regional base: a clear 4xx, no change."""

from __future__ import annotations

import uuid

import httpx

from catalogue_app.regional import admin
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import (
    RADIATION,
    Museum,
    new_record,
    push,
    push_ok,
    read_feed,
    upload_blob,
)


def assert_refused(response: httpx.Response, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_a_missing_malformed_or_unknown_token_answers_401(
    regional_server: RegionalServer,
) -> None:
    cases = [
        (None, "bearer token is required"),
        ("Basic dXNlcjpwYXNz", "bearer token is required"),
        ("Bearer", "bearer token is required"),
        ("Bearer not-a-token-we-gave", "unknown, revoked or expired"),
    ]
    for authorization, words in cases:
        headers = {"Authorization": authorization} if authorization else {}
        with regional_server.client(**headers) as client:
            assert_refused(client.get("/api/v1/whoami"), 401, words)


def test_a_revoked_token_answers_401(regional_server: RegionalServer, museum_a: Museum) -> None:
    with regional_server.database.write_session() as session:
        token_id, token, _ = admin.create_token(session, "MA", "leaver")
    with regional_server.client(token) as client:
        assert client.get("/api/v1/whoami").status_code == 200
        with regional_server.database.write_session() as session:
            admin.revoke_token(session, token_id)
        assert_refused(client.get("/api/v1/whoami"), 401, "revoked")


def test_a_missing_or_unknown_protocol_version_is_refused_clearly(museum_a: Museum) -> None:
    cases = [(None, 400, "header is missing"), (b"banana", 400, "not a protocol version"),
             (b"\xb2", 400, "not a protocol version"), (b"2", 426, "update the regional base"),
             (b"0", 426, "update the application"), (b"1.7", 200, "")]
    for protocol, status, words in cases:
        raw = [(k, v) for k, v in museum_a.reader.headers.raw if k != b"Catalogue-Protocol"]
        if protocol is not None:
            raw.append((b"Catalogue-Protocol", protocol))
        headers = httpx.Headers(raw)
        response = httpx.get(f"{museum_a.reader.base_url}/api/v1/whoami", headers=headers)
        if status == 200:
            assert response.status_code == 200, response.text
        else:
            assert_refused(response, status, words)


def test_a_museum_cannot_read_another_museums_records_or_blobs(
    museum_a: Museum, museum_b: Museum,
) -> None:
    sha256 = upload_blob(museum_a.editor, b"X-ray of the ivory comb")
    record = new_record("1.1", images=[{"sha256": sha256, "file_name": "comb.tif"}])
    push_ok(museum_a.editor, [record])
    assert museum_a.reader.get(f"/api/v1/records/{record['id']}").status_code == 200
    assert museum_a.reader.get(f"/api/v1/blobs/{sha256}").content == b"X-ray of the ivory comb"
    assert_refused(museum_b.reader.get(f"/api/v1/records/{record['id']}"), 404, "no record")
    assert_refused(museum_b.reader.get(f"/api/v1/blobs/{sha256}"), 404, "no image")
    assert museum_b.reader.post(
        "/api/v1/blobs:check", json={"sha256": [sha256]}
    ).json() == {"missing": [sha256]}
    changes, _ = read_feed(museum_b.reader)
    assert not [c for c in changes if c["kind"] in ("record", "tombstone")]


def test_a_museum_cannot_reference_another_museums_image_in_a_record(
    museum_a: Museum, museum_b: Museum,
) -> None:
    sha256 = upload_blob(museum_a.editor, b"museum A's photograph")
    record = new_record("9.9", images=[{"sha256": sha256, "file_name": "a.jpg"}])
    assert push_ok(museum_b.editor, [record])[0]["status"] == "error"


def test_another_museums_record_id_is_refused_and_never_touches_its_record(
    museum_a: Museum, museum_b: Museum,
) -> None:
    record = new_record("1.1", title="A's title")
    push_ok(museum_a.editor, [record])
    hostile = {**record, "base_version": 1, "fields": {**record["fields"], "title": "changed"}}
    result = push_ok(museum_b.editor, [hostile])[0]
    assert result["status"] == "error" and "another museum" in result["message"]
    assert "current" not in result
    mine = museum_a.reader.get(f"/api/v1/records/{record['id']}").json()
    assert mine["fields"]["title"] == "A's title"


def test_a_reader_token_cannot_push_records_or_upload_images(museum_a: Museum) -> None:
    assert_refused(push(museum_a.reader, [new_record("1.1")]), 403, "may read but not change")
    response = museum_a.reader.put(
        f"/api/v1/blobs/{'0' * 64}/chunks/0", content=b"x", headers={"Chunk-SHA256": "0" * 64}
    )
    assert_refused(response, 403, "may read but not change")
    changes, _ = read_feed(museum_a.reader)
    assert changes == []


def test_blob_ids_that_are_not_a_sha256_are_refused(museum_a: Museum) -> None:
    upload_blob(museum_a.editor, b"a real image")
    for blob_id in ["..%2F..%2F..%2Fetc%2Fpasswd", "..", "ABCDEF" + "0" * 58, "0" * 63,
                    "0" * 65, "%2e%2e%2f" + "0" * 64, "objects"]:
        for response in (
            museum_a.editor.get(f"/api/v1/blobs/{blob_id}"),
            museum_a.editor.get(f"/api/v1/blobs/{blob_id}/upload"),
            museum_a.editor.post(f"/api/v1/blobs/{blob_id}:finish"),
        ):
            assert response.status_code in (404, 405, 422), (blob_id, response.text)
            assert "error" in response.json()


def test_an_oversized_body_answers_413_and_stores_nothing(museum_a: Museum) -> None:
    huge = new_record("1.1", observations="x" * (17 * 1024 * 1024))
    assert_refused(push(museum_a.editor, [huge]), 413, "larger than 16 MB")
    changes, _ = read_feed(museum_a.reader)
    assert changes == []


def test_an_oversized_chunk_streamed_without_length_answers_413(museum_a: Museum) -> None:
    def stream():  # no Content-Length: the limit applies while the body arrives
        for _ in range(17):
            yield b"\0" * (1024 * 1024)

    response = museum_a.editor.put(
        f"/api/v1/blobs/{'0' * 64}/chunks/0", content=stream(),
        headers={"Chunk-SHA256": "0" * 64},
    )
    assert_refused(response, 413, "larger than 16 MB")


MALFORMED_BATCHES = [
    (b"{not json", "JSON"),
    (b'{"records": {"id": 1}}', "records"),
    (b'{"records": [{"id": "not-a-uuid", "fields": {}}]}', "records.0.id"),
    (b'{"records": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "fields": []}]}',
     "fields"),
    (b'{"records": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "fields": {},'
     b' "base_version": "3"}]}', "base_version"),
    (b'{"records": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "fields": {},'
     b' "deleted": "yes"}]}', "deleted"),
    (b'{"records": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",'
     b' "fields": {"title": "a\\u0000b"}}]}', "NUL"),
    (b'{"records": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",'
     b' "fields": {"title": "\\ud800"}}]}', "surrogate"),
    (b'{"records": [{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",'
     b' "fields": {"n": NaN}}]}', "not a number"),
    (b"[" * 5000 + b"]" * 5000, ""),
]


def test_malformed_json_and_wrong_types_get_a_4xx_with_a_message(museum_a: Museum) -> None:
    for body, words in MALFORMED_BATCHES:
        response = museum_a.editor.post(
            "/api/v1/records:batch", content=body,
            headers={"Idempotency-Key": str(uuid.uuid4()), "Content-Type": "application/json"},
        )
        assert 400 <= response.status_code < 500, (body[:80], response.text)
        assert words in response.json()["error"], (body[:80], response.text)
    assert read_feed(museum_a.reader)[0] == []


def test_wrong_field_types_inside_a_record_get_a_per_record_error(museum_a: Museum) -> None:
    results = push_ok(museum_a.editor, [
        new_record("1.1", themes="Textile"),
        {**new_record("1.2"), "fields": {"inventory_number": 12}},
        new_record("1.3", images=[{"sha256": "../../etc/passwd", "file_name": "a.jpg"}]),
    ])
    assert [r["status"] for r in results] == ["error", "error", "error"]
    # Named for machines in the params, labelled for people in the words.
    assert results[0]["params"] == {"field": "themes", "label": {"field": "themes"}}
    assert "«Themes»" in results[0]["message"]
    assert results[1]["params"]["field"] == "inventory_number"
    assert "«Inventory number»" in results[1]["message"]
    assert "not 64 lowercase hexadecimal" in results[2]["message"]


def test_every_known_field_is_checked_as_the_desk_reads_it_record_by_record(
        museum_a: Museum) -> None:
    """What once reached desks and stopped their sync: each refused with the key named, the
    good record of the same batch applied."""
    results = push_ok(museum_a.editor, [
        new_record("2.1", measurement_rows=[1, "x"]),
        new_record("2.2", images=[{"sha256": "a" * 64}]),
        new_record("2.3", status={"x": 1}),
        new_record("2.4", authors=[{"role": "peintre"}], public="oui"),
        new_record("2.5", measurement_rows=[{"kind": "height", "value": 49, "unit": "cm"}],
                   authors=["Anne"], a_newer_field={"kept": True}, **RADIATION),
    ])
    assert [r["status"] for r in results] == ["error"] * 4 + ["ok"]
    assert "measurement_rows, row 1" in results[0]["message"]
    assert "images, image 1" in results[1]["message"]
    assert results[2]["code"] == "record.not_choice"  # named for machines, labelled for people
    assert results[2]["params"]["field"] == "status" and "«Status»" in results[2]["message"]
    assert results[3]["params"] == {"field": "authors", "position": 1,
                                    "label": {"field": "authors"}}
    assert "«Author, collector, maker, commissioner», author 1" in results[3]["message"]
    numbers = [c["record"]["fields"]["inventory_number"] for c in read_feed(museum_a.reader)[0]]
    assert numbers == ["2.5"]


def test_text_full_of_sql_and_html_is_stored_and_returned_verbatim(museum_a: Museum) -> None:
    hostile = {
        "inventory_number": "1'; DROP TABLE records; --",
        "title": "<script>alert('x')</script>",
        "description": "Robert'); DELETE FROM museums WHERE ('1'='1 \" \\ %_ ${x} {{y}}",
        "inscriptions": "é\u200b\u202e\U0001f3fa",
    }
    record = {"id": str(uuid.uuid4()), "base_version": None, "fields": hostile}
    push_ok(museum_a.editor, [record])
    stored = museum_a.reader.get(f"/api/v1/records/{record['id']}").json()
    assert stored["fields"] == hostile


def test_an_idempotency_key_is_required_to_push(museum_a: Museum) -> None:
    response = museum_a.editor.post("/api/v1/records:batch", json={"records": []})
    assert_refused(response, 422, "Idempotency-Key")


def test_another_museums_cursor_is_refused(museum_a: Museum, museum_b: Museum) -> None:
    push_ok(museum_a.editor, [new_record("1.1")])
    _changes, cursor = read_feed(museum_a.reader)
    response = museum_b.reader.get("/api/v1/changes", params={"cursor": cursor})
    assert_refused(response, 400, "belongs to another museum")
