"""Records keep exactly what was entered, refuse duplicates and remember every change."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from catalogue_app.errors import RecordError
from catalogue_app.records import lifecycle
from catalogue_app.records import store as records
from db.local.models import HistoryEntry, Record, Tombstone

FULL_RECORD = {
    "inventory_number": "1968.3.244.1 ; 1968.3.244.2",
    "acquisition_mode": "dation",
    "acquisition_source": "Famille Lemaître, Évreux",
    "acquisition_date": "1973/02/27 décision dation",
    "committee_opinion": "Avis favorable « sous réserve »\nde la commission",
    "acquisition_price": "1 200 F",
    "register_date": "1973-03-12",
    "designation": "Coiffe de Caux",
    "inscriptions": 'Marque "L.B." à l\'encre',
    "materials": ["lin", "dentelle; aux fuseaux", "fil \\ métallique"],
    "techniques": ["broderie"],
    "measurements": "Dimensions hors tout en cm : H. 49, l. 68.5 EP 3",
    "condition_at_acquisition": "Taches d'humidité",
    "authors": [{"name": "Atelier Lemarchand", "role": "maker"}, {"name": "Anonyme",
                                                                 "role": None}],
    "dating": "2e moitié du XIXe siècle",
    "function": "Coiffe de fête",
    "origin_place": "Pays de Caux",
    "observations": "À restaurer",
    "title": "",
    "description": "Coiffe à fond brodé,\navec barbes de dentelle.",
    "subjects": ["fleurs"],
    "number_of_parts": "2",
    "current_location": "Réserve B, étagère 4",
    "credit_line": "Don de la famille Lemaître",
    "public": True,
    "themes": [],
}


def test_every_field_round_trips_exactly(catalogue):
    with catalogue.writing() as session:
        record_id = records.create_record(session, FULL_RECORD, "marie")
    with catalogue.reading() as session:
        loaded = records.load_record(session, record_id)
    for name, value in FULL_RECORD.items():
        assert loaded[name] == value, name
    assert (loaded["date_earliest"], loaded["date_latest"]) == (1851, 1900)
    assert loaded["created_by"] == "marie"


@pytest.mark.parametrize("variant", ["E 1062 bis", "e 1062 BIS", "  E  1062   bis ",
                                     "E 1062 bis\t"])
def test_duplicate_inventory_number_is_refused_naming_the_record(catalogue, variant):
    with catalogue.writing() as session:
        records.create_record(session, {"inventory_number": "E 1062 bis",
                                        "designation": "Assiette"}, "marie")
    with pytest.raises(RecordError, match="Assiette"), catalogue.writing() as session:
        records.create_record(session, {"inventory_number": variant}, "paul")
    assert catalogue.record_count() == 1


def test_numbers_differing_in_case_and_inner_spaces_are_the_same(catalogue):
    with catalogue.writing() as session:
        records.create_record(session, {"inventory_number": "OA 10426"}, "marie")
    with pytest.raises(RecordError), catalogue.writing() as session:
        records.create_record(session, {"inventory_number": " oa   10426"}, "marie")


def test_deposit_numbers_are_not_the_main_register(catalogue):
    with catalogue.writing() as session:
        records.create_record(session, {"inventory_number": "2004.1.1"}, "marie")
        records.create_record(session, {"inventory_number": "D.2004.1.1"}, "marie")
    assert catalogue.record_count() == 2


def test_a_batch_with_one_duplicate_writes_nothing(catalogue):
    with pytest.raises(RecordError), catalogue.writing() as session:
        records.insert_records(session, [{"inventory_number": "1.1"},
                                         {"inventory_number": "1.2"},
                                         {"inventory_number": "1.1 "}], "marie")
    assert catalogue.record_count() == 0


def test_missing_inventory_number_is_refused(catalogue):
    with pytest.raises(RecordError, match="required"), catalogue.writing() as session:
        records.create_record(session, {"inventory_number": "   ", "designation": "x"}, "m")


def test_update_records_who_changed_which_field_from_what_to_what(catalogue):
    with catalogue.writing() as session:
        record_id = records.create_record(session, {"inventory_number": "1990.2.1",
                                                    "designation": "Bol"}, "marie")
    with catalogue.writing() as session:
        changed = records.update_record(session, record_id,
                                        {"designation": "Bol à oreilles",
                                         "materials": ["grès"]}, "paul")
    assert sorted(changed) == ["designation", "materials"]
    with catalogue.reading() as session:
        history = session.scalars(select(HistoryEntry).where(HistoryEntry.action == "update")
                                  .order_by(HistoryEntry.field)).all()
    assert [(h.user, h.field, h.old_value, h.new_value) for h in history] == [
        ("paul", "designation", "Bol", "Bol à oreilles"),
        ("paul", "materials", "[]", '["grès"]'),
    ]


def test_saving_unchanged_record_writes_no_history(catalogue):
    with catalogue.writing() as session:
        record_id = records.create_record(session, FULL_RECORD, "marie")
    with catalogue.writing() as session:
        same = records.load_record(session, record_id)
        assert records.update_record(session, record_id, same, "marie") == []


def test_unknown_fields_are_kept_verbatim(catalogue):
    with catalogue.writing() as session:
        record_id = records.create_record(
            session, {"inventory_number": "1.1", "future_field": {"a": [1, 2]}}, "m")
    with catalogue.reading() as session:
        assert records.load_record(session, record_id)["future_field"] == {"a": [1, 2]}


def test_registered_record_cannot_be_deleted_only_deaccessioned(catalogue):
    with catalogue.writing() as session:
        record_id = records.create_record(session, {"inventory_number": "1950.1.1",
                                                    "register_date": "1950-05-02"}, "m")
    with pytest.raises(RecordError, match="register") as refused, \
            catalogue.writing() as session:
        lifecycle.trash_record(session, record_id, "m")
    assert refused.value.code == "register.never_deleted"
    with catalogue.writing() as session:
        lifecycle.radiate_record(session, record_id, "destroyed", "2020-01-01",
                                 "Arrêté du 2 mai 2020 (incendie)", "m")
    with catalogue.reading() as session:
        record = session.get(Record, record_id)
        assert record.status == "deaccessioned" and record.trashed_at is None
    assert catalogue.record_count() == 1


def test_trash_restore_and_purge_leaves_a_tombstone(catalogue):
    with catalogue.writing() as session:
        record_id = records.create_record(session, {"inventory_number": "brouillon 1"}, "m")
        lifecycle.trash_record(session, record_id, "m")
    assert catalogue.record_count() == 0
    with catalogue.writing() as session:
        lifecycle.restore_record(session, record_id, "m")
    assert catalogue.record_count() == 1
    with catalogue.writing() as session:
        lifecycle.trash_record(session, record_id, "m")
        assert lifecycle.empty_trash(session, "m") == 1
    with catalogue.reading() as session:
        assert session.get(Record, record_id) is None
        assert session.get(Tombstone, record_id).inventory_number == "brouillon 1"
        assert session.scalar(select(func.count()).select_from(HistoryEntry)
                              .where(HistoryEntry.record_id == record_id)) == 4
