"""Push and pull of object records over real HTTP (design.md §7)."""

from __future__ import annotations

import hashlib
import json
import threading
import uuid

import pytest
from sqlalchemy import select, update

from catalogue_app.regional import shared
from catalogue_app.regional.museum_batches import ANSWERS_KEPT_DAYS
from catalogue_app.regional.timestamps import utc_days_ago
from db.regional.models import IdempotentResponse
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import (
    Museum,
    new_record,
    push,
    push_ok,
    read_feed,
    upload_blob,
)


def records_in(changes: list[dict]) -> dict[str, dict]:
    return {c["record"]["id"]: c["record"] for c in changes if c["kind"] == "record"}


def test_whoami_names_the_museum_user_and_role_of_the_token_and_the_limits(
    museum_a: Museum,
) -> None:
    answer = museum_a.reader.get("/api/v1/whoami").json()
    limits = answer.pop("limits")
    assert answer == {
        "museum": {"code": "MA", "name": "Musée MA"}, "user": "visitor", "role": "reader",
        "protocol": "1.1",
    }
    assert limits["batch_records"] == 100 and limits["record_bytes"] == 1024 * 1024
    assert limits["body_bytes"] == 16 * 1024 * 1024 and limits["blob_bytes"] >= 4 * 1024**3


def test_pushed_records_come_back_in_the_feed_with_unknown_fields_verbatim(
    museum_a: Museum,
) -> None:
    record = new_record(
        "1968.3.244.1 ; 1968.3.244.2", dating="1973/02/27 décision dation",
        date_earliest=1973, measurement_rows=[{"kind": "H", "value": 49, "unit": "cm"}],
        themes=[str(uuid.uuid4())], field_from_a_newer_desk={"nested": [1, "deux", None]},
    )
    assert push_ok(museum_a.editor, [record]) == [
        {"id": record["id"], "status": "ok", "version": 1}
    ]
    changes, _cursor = read_feed(museum_a.reader)
    assert records_in(changes)[record["id"]] == {
        "id": record["id"], "fields": record["fields"], "version": 1, "deleted": False,
    }


def test_integers_beyond_64_bits_and_nesting_to_the_limit_come_back_exactly(
    museum_a: Museum,
) -> None:
    deep: object = "bottom"
    for _ in range(32 - 4):  # the batch itself nests records' fields four levels down
        deep = [deep]
    record = new_record(
        "2004.3.1", accession_ref=2**70 + 1, shelf=[-(2**65), 1e300, 0.1], notes_tree=deep,
    )
    assert push_ok(museum_a.editor, [record])[0]["status"] == "ok"
    stored = museum_a.reader.get(f"/api/v1/records/{record['id']}").json()
    assert stored["fields"] == record["fields"]
    changes, _ = read_feed(museum_a.reader)
    assert records_in(changes)[record["id"]]["fields"] == record["fields"]


def test_a_retry_with_the_same_key_returns_the_stored_answer_and_applies_nothing(
    museum_a: Museum,
) -> None:
    record = new_record("2004.1.1")
    first = push(museum_a.editor, [record], key="outbox-42")
    retry = push(museum_a.editor, [record], key="outbox-42")
    assert retry.status_code == 200 and retry.json() == first.json()
    changes, _ = read_feed(museum_a.reader)
    assert [c["record"]["version"] for c in changes if c["kind"] == "record"] == [1]


def test_a_batch_answered_before_the_server_upgrade_is_recognised_when_retried(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    # Accents make the old fingerprint (json.dumps, ASCII-escaped) differ from the new one.
    record = new_record("2004.3.1")
    record["fields"]["designation"] = "Coiffe brodée « de fête »"
    first = push(museum_a.editor, [record], key="outbox-before-upgrade")
    canonical = json.dumps([[record["id"], record["base_version"], record["fields"], False]],
                           sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    answers = IdempotentResponse.__table__
    with regional_server.database.write_session() as session:
        session.execute(update(answers).where(answers.c.key == "outbox-before-upgrade").values(
            request_hash=hashlib.sha256(canonical.encode()).hexdigest()))
    retry = push(museum_a.editor, [record], key="outbox-before-upgrade")
    assert retry.status_code == 200 and retry.json() == first.json()


def test_answers_past_their_keeping_time_are_pruned_and_a_late_retry_changes_nothing(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    old, recent = new_record("2004.2.1"), new_record("2004.2.2")
    push(museum_a.editor, [old], key="outbox-old")
    push(museum_a.editor, [recent], key="outbox-recent")
    answers = IdempotentResponse.__table__
    with regional_server.database.write_session() as session:
        for key, days in (("outbox-old", ANSWERS_KEPT_DAYS + 2), ("outbox-recent", 2)):
            session.execute(update(answers).where(answers.c.key == key)
                            .values(created_at=utc_days_ago(days)))
    push_ok(museum_a.editor, [new_record("2004.2.3")])
    with regional_server.database.read_session() as session:
        kept = set(session.scalars(select(answers.c.key)))
    assert "outbox-old" not in kept and "outbox-recent" in kept and len(kept) == 2
    # A retry that late is a new batch, and what it carries is already there.
    late = push(museum_a.editor, [old], key="outbox-old")
    assert late.json()["results"] == [{"id": old["id"], "status": "unchanged", "version": 1}]


def test_reusing_a_key_for_a_different_batch_is_refused(museum_a: Museum) -> None:
    push_ok(museum_a.editor, [new_record("2004.1.2")])
    push(museum_a.editor, [new_record("2004.1.3")], key="k1")
    reused = push(museum_a.editor, [new_record("2004.1.4")], key="k1")
    assert reused.status_code == 422
    assert "already used for a different batch" in reused.json()["error"]


def test_an_edit_based_on_an_old_version_is_a_conflict_carrying_the_current_record(
    museum_a: Museum,
) -> None:
    record = new_record("2004.1.1")
    push_ok(museum_a.editor, [record])
    first_desk = {**record, "base_version": 1, "fields": {**record["fields"], "title": "A"}}
    second_desk = {**record, "base_version": 1, "fields": {**record["fields"], "title": "B"}}
    assert push_ok(museum_a.editor, [first_desk])[0]["status"] == "ok"
    result = push_ok(museum_a.editor, [second_desk])[0]
    assert result["status"] == "conflict" and result["version"] == 2
    assert result["current"]["fields"]["title"] == "A"
    # Identical content is never a conflict, whatever the base version.
    assert push_ok(museum_a.editor, [first_desk])[0] == {
        "id": record["id"], "status": "unchanged", "version": 2,
    }


def test_two_desks_creating_one_inventory_number_get_the_servers_record_to_adopt(
    museum_a: Museum,
) -> None:
    first = new_record("OA 10426")
    push_ok(museum_a.editor, [first])
    result = push_ok(museum_a.editor, [new_record("  oa   10426 ")])[0]
    assert result["status"] == "conflict"
    assert result["current"]["id"] == first["id"]
    # Prefixes are meaningful: a deposit number is another object.
    assert push_ok(museum_a.editor, [new_record("D.OA 10426")])[0]["status"] == "ok"


def test_a_deleted_record_reaches_the_feed_as_a_tombstone_and_frees_its_number(
    museum_a: Museum,
) -> None:
    record = new_record("E 1062 bis")
    push_ok(museum_a.editor, [record])
    _changes, cursor = read_feed(museum_a.reader)
    result = push_ok(museum_a.editor, [{**record, "base_version": 1, "deleted": True}])[0]
    assert result == {"id": record["id"], "status": "ok", "version": 2}
    changes, _ = read_feed(museum_a.reader, cursor)
    assert changes == [{"kind": "tombstone", "tombstone": {"id": record["id"], "version": 2}}]
    assert push_ok(museum_a.editor, [new_record("E 1062 bis")])[0]["status"] == "ok"


def test_an_edit_against_a_deletion_is_a_conflict(museum_a: Museum) -> None:
    record = new_record("56.8.31")
    push_ok(museum_a.editor, [record])
    push_ok(museum_a.editor, [{**record, "base_version": 1, "deleted": True}])
    edit = {**record, "base_version": 1, "fields": {**record["fields"], "title": "late"}}
    result = push_ok(museum_a.editor, [edit])[0]
    assert result["status"] == "conflict" and result["current"]["deleted"] is True


def test_a_record_naming_an_image_the_server_lacks_is_refused_and_others_are_applied(
    museum_a: Museum,
) -> None:
    held = upload_blob(museum_a.editor, b"raking light scan")
    with_image = new_record("1.1", images=[{"sha256": held, "file_name": "1.1.tif"}])
    missing = "ab" * 32
    without = new_record("1.2", images=[{"sha256": missing, "file_name": "1.2 verso.jpg"}])
    results = push_ok(museum_a.editor, [with_image, without])
    assert results[0]["status"] == "ok"
    assert results[1]["status"] == "error"
    assert "1.2 verso.jpg" in results[1]["message"] and "not been uploaded" in results[1]["message"]
    changes, _ = read_feed(museum_a.reader)
    assert set(records_in(changes)) == {with_image["id"]}


@pytest.mark.parametrize("number", [None, "", "   "])
def test_a_record_without_an_inventory_number_is_refused_but_may_be_deleted(
    museum_a: Museum, number: str | None,
) -> None:
    draft = new_record("2.1")
    draft["fields"]["inventory_number"] = number
    kept = new_record("2.2")
    results = push_ok(museum_a.editor, [draft, kept])
    assert [r["status"] for r in results] == ["error", "ok"]
    assert results[0]["code"] == "number_required"
    gone = push_ok(museum_a.editor, [{**kept, "base_version": 1, "deleted": True,
                                      "fields": {**kept["fields"], "inventory_number": number}}])
    assert gone[0]["status"] == "ok"


def test_a_batch_of_more_than_100_records_is_refused_with_413(museum_a: Museum) -> None:
    response = push(museum_a.editor, [new_record(f"X.{i}") for i in range(101)])
    assert response.status_code == 413
    assert "at most 100 records" in response.json()["error"]


def test_a_cursor_from_an_earlier_state_of_the_base_answers_410_full_resync(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    push_ok(museum_a.editor, [new_record("2004.1.1")])
    _changes, cursor = read_feed(museum_a.reader)
    # The base is rebuilt (a new epoch), as after a restore from another machine.
    with regional_server.database.write_session() as session:
        from db.regional.models import SharedState

        session.get(SharedState, 1).epoch = "rebuilt"
    response = museum_a.reader.get("/api/v1/changes", params={"cursor": cursor})
    assert response.status_code == 410
    assert "full resync" in response.json()["error"]


def test_a_garbled_cursor_is_refused_with_a_message(museum_a: Museum) -> None:
    response = museum_a.reader.get("/api/v1/changes", params={"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]


def change_key(change: dict) -> tuple[str, str, int | bool]:
    if change["kind"] == "record":
        return ("record", change["record"]["id"], change["record"]["version"])
    return ("vocabulary_term", change["vocabulary_term"]["id"], False)


def test_reading_the_feed_page_by_page_while_batches_commit_misses_and_repeats_nothing(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    writers, batches = 3, 8
    written: set[tuple[str, str, int | bool]] = set()
    lock = threading.Lock()

    def push_records(desk: int) -> None:
        with regional_server.client(regional_server.token("MA", f"desk{desk}")) as client:
            for batch in range(batches):
                results = push_ok(client, [new_record(f"{desk}.{batch}.{i}") for i in range(20)])
                with lock:
                    written.update(("record", r["id"], r["version"]) for r in results)

    def import_vocabularies() -> None:  # shared data commits meanwhile, on its own counter
        for number in range(batches):
            terms = [{"id": str(uuid.uuid4()), "label": f"terme {i}"} for i in range(10)]
            with regional_server.database.write_session() as session:
                shared.import_vocabulary(
                    session, {"vocabulary": f"v{number}", "terms": terms}, "test"
                )
            with lock:
                written.update(("vocabulary_term", t["id"], False) for t in terms)

    threads = [threading.Thread(target=push_records, args=(d,)) for d in range(writers)]
    threads.append(threading.Thread(target=import_vocabularies))
    for thread in threads:
        thread.start()
    seen: list[tuple[str, str, int | bool]] = []
    cursor = None
    while any(t.is_alive() for t in threads):
        page, cursor = read_feed(museum_a.reader, cursor, limit=7)
        seen += [change_key(c) for c in page]
    for thread in threads:
        thread.join()
    page, cursor = read_feed(museum_a.reader, cursor, limit=7)
    seen += [change_key(c) for c in page]
    assert len(seen) == len(set(seen)), "a change was delivered twice"
    assert set(seen) == written
    assert len(written) == writers * batches * 20 + batches * 10


def test_two_museums_pushing_at_once_each_see_only_their_own_records(
    museum_a: Museum, museum_b: Museum,
) -> None:
    def write(museum: Museum) -> None:
        for batch in range(5):
            push_ok(museum.editor, [new_record(f"{museum.code}.{batch}.{i}") for i in range(20)])

    threads = [threading.Thread(target=write, args=(m,)) for m in (museum_a, museum_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for museum in (museum_a, museum_b):
        changes, _ = read_feed(museum.reader)
        numbers = {r["fields"]["inventory_number"] for r in records_in(changes).values()}
        assert len(numbers) == 100 and all(n.startswith(museum.code) for n in numbers)
