"""Concurrent pushes: a lock per museum, no lost update, no silent overwrite (issue 7, item 5)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import insert, text

from db.regional.models import KeptMetadata
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import Museum, new_record, push_ok
from tests.support import skip_by_design


def test_two_desks_editing_one_record_at_the_same_moment_get_one_ok_and_one_conflict(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    desks = [regional_server.client(regional_server.token("MA", f"desk{d}")) for d in (1, 2)]
    with desks[0], desks[1], ThreadPoolExecutor(2) as pool:
        for attempt in range(5):
            record = new_record(f"1.{attempt}")
            push_ok(museum_a.editor, [record])
            edits = [
                {**record, "base_version": 1, "fields": {**record["fields"], "title": title}}
                for title in ("from desk 1", "from desk 2")
            ]
            results = list(pool.map(lambda pair: push_ok(pair[0], [pair[1]])[0],
                                    zip(desks, edits, strict=True)))
            assert sorted(r["status"] for r in results) == ["conflict", "ok"]
            winner = edits[[r["status"] for r in results].index("ok")]
            stored = museum_a.reader.get(f"/api/v1/records/{record['id']}").json()
            assert stored["version"] == 2 and stored["fields"] == winner["fields"]


def test_a_museum_pushing_never_waits_for_another_museums_lock(
    museum_a: Museum, museum_b: Museum, regional_server: RegionalServer,
) -> None:
    if not regional_server.database.is_postgresql:
        skip_by_design("SQLite serialises every writer; the per-museum lock is PostgreSQL's")
    with regional_server.database.engine.connect() as holder, ThreadPoolExecutor(1) as pool:
        transaction = holder.begin()
        holder.execute(text("SELECT id FROM museums WHERE code = 'MA' FOR UPDATE"))
        waiting = pool.submit(push_ok, museum_a.editor, [new_record("A.1")])
        start = time.monotonic()
        assert push_ok(museum_b.editor, [new_record("B.1")])[0]["status"] == "ok"
        assert time.monotonic() - start < 5
        _wait_until_a_query_waits_for_a_lock(regional_server)
        assert not waiting.done(), "museum A's push should wait for A's lock"
        transaction.rollback()
        assert waiting.result(timeout=30)[0]["status"] == "ok"


def test_a_push_and_a_harvest_writing_kept_metadata_never_deadlock(
    museum_a: Museum, regional_server: RegionalServer,
) -> None:
    """A harvest (or the OAI keeper) keeps the metadata it wrote in one transaction, in
    record-id order, and each row it inserts share-locks its record (foreign key). A push
    updating the same records in its batch's order locked the later id first, then waited for
    the earlier one while the harvest waited for the later one: PostgreSQL refused one of them."""
    if not regional_server.database.is_postgresql:
        skip_by_design("SQLite serialises every writer: no two transactions wait on each other")
    records = [new_record("K.1"), new_record("K.2")]
    push_ok(museum_a.editor, records)
    first, last = sorted(records, key=lambda r: r["id"])
    edits = [{**r, "base_version": 1, "fields": {**r["fields"], "title": "Corrigé"}}
             for r in (last, first)]

    def keep(connection, record: dict) -> None:
        connection.execute(insert(KeptMetadata).values(
            record_id=record["id"], prefix="lido", key="k", images="", xml=b"<lido/>"))

    with regional_server.database.engine.connect() as harvest, ThreadPoolExecutor(1) as pool:
        transaction = harvest.begin()
        keep(harvest, first)
        pushing = pool.submit(push_ok, museum_a.editor, edits)
        _wait_until_a_query_waits_for_a_lock(regional_server)
        keep(harvest, last)
        transaction.commit()
        assert [r["status"] for r in pushing.result(timeout=30)] == ["ok", "ok"]
    stored = museum_a.reader.get(f"/api/v1/records/{first['id']}").json()
    assert stored["fields"]["title"] == "Corrigé"


def _wait_until_a_query_waits_for_a_lock(server: RegionalServer) -> None:
    """PostgreSQL's own word that a session is blocked on a lock (pg_locks), polled."""
    deadline = time.monotonic() + 30
    with server.database.engine.connect() as watcher:
        while not watcher.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted")
                                  ).scalar_one():
            assert time.monotonic() < deadline, "the push never waited for a lock"
            watcher.rollback()
            time.sleep(0.01)
