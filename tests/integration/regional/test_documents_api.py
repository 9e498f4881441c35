"""Museum documents (protocol 1.1) over real HTTP: pushed with their own batch endpoint, last
writer wins, in the museum's feed among its records, kept apart between museums and never
published."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.integration.regional.conftest import Museum, new_record, push_ok, read_feed

T1, T2, T3 = (f"2026-12-03T08:0{n}:00.000+00:00" for n in (1, 2, 3))


def document(document_kind: str = "location", modified_at: str = T1, deleted: bool = False,
             **body: Any) -> dict[str, Any]:
    return {"kind": document_kind, "id": str(uuid.uuid4()), "modified_at": modified_at,
            "deleted": deleted, "body": body}


def push_documents(client: httpx.Client, documents: list[dict],
                   key: str | None = None) -> httpx.Response:
    return client.post("/api/v1/documents:batch", json={"documents": documents},
                       headers={"Idempotency-Key": key or str(uuid.uuid4())})


def results(client: httpx.Client, documents: list[dict]) -> list[dict]:
    response = push_documents(client, documents)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def documents_in(changes: list[dict]) -> dict[str, dict]:
    return {c["document"]["id"]: c for c in changes if "document" in c}


def test_whoami_says_protocol_1_1(museum_a: Museum) -> None:
    assert museum_a.reader.get("/api/v1/whoami").json()["protocol"] == "1.1"


def test_documents_come_back_in_the_feed_among_records_with_unknown_kinds_verbatim(
    museum_a: Museum,
) -> None:
    room = document(name="Réserve A", parent_id=None, code="RA", kind="room", position=0)
    newer = document("conservation_plan", future={"nested": [1, "deux", None]})
    record = new_record("2026.1.1")
    assert results(museum_a.editor, [room]) == [
        {"kind": "location", "id": room["id"], "status": "ok"}]
    push_ok(museum_a.editor, [record])
    assert [r["status"] for r in results(museum_a.editor, [newer])] == ["ok"]

    changes, _cursor = read_feed(museum_a.reader)
    own = [c for c in changes if c["kind"] not in ("theme", "vocabulary_term")]
    assert [c["kind"] for c in own] == ["location", "record", "conservation_plan"]
    assert own[0] == {"kind": "location", "document": room}
    assert own[2] == {"kind": "conservation_plan", "document": newer}


def test_the_later_modification_wins_and_an_earlier_one_gets_the_current_version(
    museum_a: Museum,
) -> None:
    first = document(modified_at=T2, name="Réserve A")
    results(museum_a.editor, [first])
    _changes, cursor = read_feed(museum_a.reader)

    earlier = {**first, "modified_at": T1, "body": {"name": "Réserve ancienne"}}
    assert results(museum_a.editor, [earlier]) == [{
        "kind": "location", "id": first["id"], "status": "stale", "current": first,
        "message": "the regional base holds a later version"}]
    assert results(museum_a.editor, [first]) == [
        {"kind": "location", "id": first["id"], "status": "unchanged"}]
    later = {**first, "modified_at": T3, "body": {"name": "Réserve A (sous-sol)"}}
    assert results(museum_a.editor, [later])[0]["status"] == "ok"

    changes, _cursor = read_feed(museum_a.reader, cursor)
    assert list(documents_in(changes).values()) == [{"kind": "location", "document": later}]


def test_a_deletion_is_a_tombstone_that_an_older_edit_does_not_bring_back(
    museum_a: Museum,
) -> None:
    shelf = document(modified_at=T1, name="Étagère 3")
    results(museum_a.editor, [shelf])
    gone = {**shelf, "modified_at": T2, "deleted": True}
    never_seen = document(modified_at=T2, deleted=True)
    assert [r["status"] for r in results(museum_a.editor, [gone, never_seen])] == ["ok", "ok"]
    edited_before = {**shelf, "modified_at": T1, "body": {"name": "Étagère 3 bis"}}
    assert results(museum_a.editor, [edited_before])[0]["current"] == gone

    changes, _cursor = read_feed(museum_a.reader)
    found = documents_in(changes)
    assert found[shelf["id"]]["document"] == gone
    assert found[never_seen["id"]]["document"]["deleted"] is True


def test_at_the_same_instant_every_side_picks_the_same_version(museum_a: Museum) -> None:
    one = document(modified_at=T1, name="A")
    same_instant = {**one, "body": {"name": "B"}}
    results(museum_a.editor, [one])
    assert results(museum_a.editor, [same_instant])[0]["status"] == "ok"  # "B" > "A"
    assert results(museum_a.editor, [one])[0]["status"] == "stale"


def test_a_retry_with_the_same_key_applies_nothing_and_another_batch_under_it_is_refused(
    museum_a: Museum,
) -> None:
    shelf = document(name="Étagère 1")
    first = push_documents(museum_a.editor, [shelf], key="desk-documents-1")
    again = push_documents(museum_a.editor, [shelf], key="desk-documents-1")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() == {
        "results": [{"kind": "location", "id": shelf["id"], "status": "ok"}]}
    changes, _cursor = read_feed(museum_a.reader)
    assert len(documents_in(changes)) == 1

    other = push_documents(museum_a.editor, [document()], key="desk-documents-1")
    assert other.status_code == 422 and other.json()["code"] == "invalid"
    # A key a records batch used is refused for documents, and the other way round.
    push_ok(museum_a.editor, [new_record("2026.2.1")])
    record_key = "desk-records-1"
    museum_a.editor.post("/api/v1/records:batch", json={"records": [new_record("2026.2.2")]},
                         headers={"Idempotency-Key": record_key}).raise_for_status()
    assert push_documents(museum_a.editor, [shelf], key=record_key).status_code == 422


def test_documents_follow_the_rules_of_records_batches(
    museum_a: Museum, regional_server,
) -> None:
    assert httpx.post(f"{regional_server.url}/api/v1/documents:batch",
                      headers={"Catalogue-Protocol": "1.1", "Idempotency-Key": "k"},
                      json={"documents": []}).status_code == 401
    reader = push_documents(museum_a.reader, [document()])
    assert reader.status_code == 403 and reader.json()["code"] == "forbidden"
    missing_key = museum_a.editor.post("/api/v1/documents:batch", json={"documents": []})
    assert missing_key.status_code == 422 and set(missing_key.json()) == {"error", "code"}
    too_many = push_documents(museum_a.editor, [document() for _ in range(101)])
    assert too_many.status_code == 413
    assert too_many.json()["limit"] == "batch_records" and too_many.json()["max"] == 100

    big, small = document(text="x" * (1024 * 1024)), document(name="Petite")
    twice = document(name="Deux fois")
    answer = results(museum_a.editor, [big, small, twice, twice])
    assert [(r["status"], r.get("code"), r.get("limit")) for r in answer] == [
        ("error", "limit_exceeded", "record_bytes"), ("ok", None, None), ("ok", None, None),
        ("error", "duplicate_in_batch", None)]


@pytest.mark.parametrize(("change", "where"), [
    ({"kind": "record"}, "kind"), ({"kind": "Location"}, "kind"), ({"kind": ""}, "kind"),
    ({"id": "not-a-uuid"}, "id"), ({"modified_at": "2026-12-03T08:00:00Z"}, "modified_at"),
    ({"modified_at": "2026-13-03T08:00:00.000+00:00"}, "modified_at"),
    ({"body": ["a", "list"]}, "body"), ({"deleted": "yes"}, "deleted"),
])
def test_a_malformed_document_refuses_the_batch_saying_where(
    museum_a: Museum, change: dict, where: str,
) -> None:
    response = push_documents(museum_a.editor, [document(), {**document(), **change}])
    assert response.status_code == 422, response.text
    assert where in response.json()["error"]
    changes, _cursor = read_feed(museum_a.reader)
    assert documents_in(changes) == {}


def test_a_museum_never_sees_nor_changes_another_museums_documents(
    museum_a: Museum, museum_b: Museum,
) -> None:
    room = document(modified_at=T1, name="Salle secrète de A")
    results(museum_a.editor, [room])
    same_id = {**room, "modified_at": T2, "body": {"name": "Salle de B"}}
    assert results(museum_b.editor, [same_id])[0]["status"] == "ok"

    changes_a, _ = read_feed(museum_a.reader)
    changes_b, _ = read_feed(museum_b.reader)
    assert documents_in(changes_a)[room["id"]]["document"] == room
    assert documents_in(changes_b)[room["id"]]["document"] == same_id
    listed_b = museum_b.reader.get("/api/v1/documents", params={"kind": "location"}).json()
    assert [c["document"] for c in listed_b["changes"]] == [same_id]


def test_one_kind_is_listed_from_the_beginning_page_by_page(museum_a: Museum) -> None:
    rooms = [document(name=f"Salle {n}") for n in range(5)]
    for room in rooms:
        results(museum_a.editor, [room, document("campaign", name="Récolement 2026")])
    push_ok(museum_a.editor, [new_record("2026.3.1")])

    seen, cursor = [], None
    while True:
        params = {"kind": "location", "limit": 2, **({"cursor": cursor} if cursor else {})}
        page = museum_a.reader.get("/api/v1/documents", params=params).json()
        assert len(page["changes"]) <= 2
        seen += [c["document"] for c in page["changes"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == rooms
    later = document(name="Salle 6")
    results(museum_a.editor, [later])
    page = museum_a.reader.get("/api/v1/documents",
                               params={"kind": "location", "cursor": cursor}).json()
    assert [c["document"] for c in page["changes"]] == [later]


def test_documents_are_never_published(museum_a: Museum, visitor: httpx.Client) -> None:
    secret = "Coffre-fort Dupont"
    results(museum_a.editor, [document(name=secret, code="CF-1"),
                              document("campaign", name=secret)])
    push_ok(museum_a.editor, [new_record("2026.4.1", public=True, status="active",
                                         designation="Coiffe", current_location=secret)])
    answers = [
        visitor.get("/api/public/v1/search", params={"q": "Dupont"}),
        visitor.get("/api/public/v1/search", params={"q": "coiffe"}),
        visitor.get("/oai", params={"verb": "ListRecords", "metadataPrefix": "lido"}),
        visitor.get("/oai", params={"verb": "ListRecords", "metadataPrefix": "oai_dc"}),
        visitor.get("/"), visitor.get("/recherche", params={"q": "Dupont"}),
    ]
    assert answers[1].json()["total"] == 1  # the record is published, not its location
    for answer in answers:
        assert secret not in answer.text and "CF-1" not in answer.text
