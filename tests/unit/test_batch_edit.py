"""Batch edit over a selection: preview, apply with history, revert as one operation."""

from __future__ import annotations

import pytest

from catalogue_app.errors import RecordError
from catalogue_app.records.batch_edit import apply_batch, preview, revert_batch
from catalogue_app.records.history import record_history
from catalogue_app.records.store import insert_records, load_record, update_record


@pytest.fixture
def ids(catalogue):
    with catalogue.writing() as session:
        return insert_records(session, [
            {"inventory_number": "2024.1.1", "materials": ["lin"], "current_location": "A"},
            {"inventory_number": "2024.1.2", "materials": [], "current_location": "B"},
            {"inventory_number": "2024.1.3", "materials": ["coton"], "current_location": "A"},
        ], "marie")


def _values(catalogue, ids, field):
    with catalogue.reading() as session:
        return [load_record(session, i)[field] for i in ids]


def test_preview_lists_only_the_records_that_would_change_and_writes_nothing(catalogue, ids):
    with catalogue.reading() as session:
        changes = preview(session, ids, "current_location", "set", "Réserve 2")
    assert [(c.inventory_number, c.before, c.after) for c in changes] == [
        ("2024.1.1", "A", "Réserve 2"), ("2024.1.2", "B", "Réserve 2"),
        ("2024.1.3", "A", "Réserve 2")]
    assert _values(catalogue, ids, "current_location") == ["A", "B", "A"]


def test_append_adds_missing_values_to_a_list_keeping_the_order(catalogue, ids):
    with catalogue.writing() as session:
        batch = apply_batch(session, ids, "materials", "append", "coton; soie", "paul")
    assert _values(catalogue, ids, "materials") == [
        ["lin", "coton", "soie"], ["coton", "soie"], ["coton", "soie"]]
    assert len(batch.changes) == 3
    with catalogue.reading() as session:
        assert record_history(session, ids[0])[0].user == "paul"


def test_clear_empties_the_field(catalogue, ids):
    with catalogue.writing() as session:
        apply_batch(session, ids, "materials", "clear", "", "paul")
    assert _values(catalogue, ids, "materials") == [[], [], []]


def test_revert_puts_back_every_value_but_keeps_a_later_edit(catalogue, ids):
    with catalogue.writing() as session:
        batch = apply_batch(session, ids, "current_location", "set", "Réserve 2", "paul")
    with catalogue.writing() as session:
        update_record(session, ids[2], {"current_location": "Salle 4"}, "marie")
    with catalogue.writing() as session:
        kept = revert_batch(session, batch, "paul")
    assert kept == ["2024.1.3"]
    assert _values(catalogue, ids, "current_location") == ["A", "B", "Salle 4"]


@pytest.mark.parametrize(("field", "operation", "value", "message"), [
    ("inventory_number", "set", "2024.9.9", "cannot be batch edited"),
    ("materials", "set", "  ", "Give the value"),
    ("colour", "set", "red", "no field 'colour'"),
    ("materials", "replace", "x", "Unknown batch operation"),
])
def test_a_refused_batch_says_why_and_changes_nothing(catalogue, ids, field, operation, value,
                                                      message):
    with pytest.raises(RecordError, match=message), catalogue.writing() as session:
        apply_batch(session, ids, field, operation, value, "paul")
    assert _values(catalogue, ids, "materials") == [["lin"], [], ["coton"]]
