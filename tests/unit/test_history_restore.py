"""History per record, and restoring an earlier value as a new, recorded change."""

from __future__ import annotations

import pytest

from catalogue_app.errors import RecordError
from catalogue_app.records.history import record_history, restore_value
from catalogue_app.records.store import create_record, load_record, update_record


@pytest.fixture
def record_id(catalogue):
    with catalogue.writing() as session:
        rid = create_record(session, {"inventory_number": "2024.1.1", "designation": "coiffe",
                                      "materials": ["lin"], "dating": "XIXe siècle"}, "marie")
    with catalogue.writing() as session:
        update_record(session, rid, {"designation": "bonnet", "materials": ["lin", "coton"],
                                     "dating": "vers 1850", "date_earliest": None,
                                     "date_latest": None}, "paul")
    return rid


def _entry(items, field):
    return next(i for i in items if i.field == field)


def test_history_tells_who_changed_which_field_from_what_to_what(catalogue, record_id):
    with catalogue.reading() as session:
        items = record_history(session, record_id)
    designation = _entry(items, "designation")
    assert (designation.user, designation.old_value, designation.new_value) == \
        ("paul", "coiffe", "bonnet")
    assert items[-1].action == "create" and items[-1].user == "marie"
    assert designation.restorable and not items[-1].restorable


def test_restoring_a_list_value_gives_back_the_list(catalogue, record_id):
    with catalogue.reading() as session:
        entry = _entry(record_history(session, record_id), "materials")
    with catalogue.writing() as session:
        assert restore_value(session, record_id, entry.id, "marie") == ["materials"]
    with catalogue.reading() as session:
        assert load_record(session, record_id)["materials"] == ["lin"]
        latest = record_history(session, record_id)[0]
    assert (latest.field, latest.user, latest.new_value) == ("materials", "marie", '["lin"]')


def test_restoring_a_dating_derives_its_years_again(catalogue, record_id):
    with catalogue.reading() as session:
        entry = _entry(record_history(session, record_id), "dating")
    with catalogue.writing() as session:
        restore_value(session, record_id, entry.id, "marie")
    with catalogue.reading() as session:
        record = load_record(session, record_id)
    assert (record["dating"], record["date_earliest"], record["date_latest"]) == \
        ("XIXe siècle", 1801, 1900)


def test_an_entry_of_another_record_is_refused(catalogue, record_id):
    with catalogue.writing() as session:
        other = create_record(session, {"inventory_number": "2024.1.2"}, "marie")
    with catalogue.reading() as session:
        entry = _entry(record_history(session, record_id), "designation")
    with pytest.raises(RecordError, match="not a change"), catalogue.writing() as session:
        restore_value(session, other, entry.id, "marie")
