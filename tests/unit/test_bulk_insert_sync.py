"""A bulk insert (imports, demo) queues its records for the regional base exactly as the
per-row outbox triggers of a single save do, in the same transaction."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text

from catalogue_app.catalogue import Catalogue
from catalogue_app.records.store import create_record, insert_records
from catalogue_app.search.index import BULK_THRESHOLD
from catalogue_app.sync import outbox
from db.local.models import Theme


def _records(theme_ids: list[str]) -> list[dict]:
    """Records with none, some or many values, themes and measurement rows each."""
    return [{"id": str(uuid.UUID(int=n + 1)), "inventory_number": f"2002.1.{n}",
             "materials": ["faïence", "émail", "or"][:n % 4],
             "authors": [{"name": f"Atelier {n % 5}", "role": None}] if n % 2 else [],
             "themes": theme_ids[:n % 3],
             "measurements": ["", "H. 12 cm", "H. 12 ; l. 8 ; P. 3 cm"][n % 3]}
            for n in range(BULK_THRESHOLD + 10)]


def _revisions(catalogue: Catalogue) -> dict[str, int]:
    with catalogue.reading() as session:
        return dict(session.execute(text("SELECT record_id, revision FROM sync_outbox")).all())


def test_a_bulk_insert_queues_each_record_as_the_triggers_do(catalogue, tmp_path):
    with catalogue.reading() as session:
        theme_ids = list(session.scalars(select(Theme.id).order_by(Theme.id).limit(2)))
    records = _records(theme_ids)
    one_by_one = Catalogue.open(tmp_path / "one-by-one")
    try:
        for target in (catalogue, one_by_one):
            with target.writing() as session:  # a record already pending adds up
                outbox.queue(session, records[7]["id"])
        with catalogue.writing() as session:
            insert_records(session, records, "t")
        with one_by_one.writing() as session:
            for record in records:
                create_record(session, record, "t")  # one record: the triggers fire
        expected = _revisions(one_by_one)
    finally:
        one_by_one.close()
    assert len(expected) == len(records)
    assert expected[records[7]["id"]] > 2
    assert _revisions(catalogue) == expected


def test_what_the_sync_engine_applies_is_not_queued(catalogue):
    with catalogue.reading() as session:
        theme_ids = list(session.scalars(select(Theme.id).limit(2)))
    with catalogue.writing() as session, outbox.applying(session):
        insert_records(session, _records(theme_ids), "sync")
    assert _revisions(catalogue) == {}
