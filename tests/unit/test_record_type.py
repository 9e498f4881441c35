"""The one record type: read from a dict of fields with each known key checked against the field
registry, written back the same, unknown keys untouched; what the desk stores from the regional
base goes through the same check."""

import uuid

import pytest

from catalogue_app.errors import RecordError
from catalogue_app.protocol import message_from_wire, message_params
from catalogue_app.records.blank import blank_record
from catalogue_app.records.fields import FIELDS, KEY_TYPES
from catalogue_app.records.record import RECORD_KEYS, Author, Measurement, Record
from catalogue_app.sync.reconcile import Unappliable, store_record
from catalogue_app.sync.wire import records_fields, store_fields


def test_every_registered_key_is_an_attribute_of_the_record():
    assert set(KEY_TYPES) == set(RECORD_KEYS) | {"images"}
    assert {f.name for f in FIELDS} <= set(RECORD_KEYS)


def test_fields_round_trip_with_the_keys_this_version_does_not_know():
    fields = {
        "inventory_number": "OA 10426", "materials": ["soie", "lin"],
        "authors": [{"name": "Anne", "role": "brodeuse"}, "Pierre"],
        "measurement_rows": [{"kind": "height", "value": 49, "unit": "cm"}],
        "public": True, "date_earliest": 1775, "status": "deaccessioned",
        "images": [{"sha256": "a" * 64, "file_name": "OA 10426.tif", "width": 4000}],
        "a_field_from_a_newer_desk": {"nested": [1, 2]},
    }
    record = Record.from_fields(fields)
    assert record.authors == [Author("Anne", "brodeuse"), Author("Pierre")]
    assert record.measurement_rows == [Measurement("height", 49.0, "cm")]
    assert record.extra == {"a_field_from_a_newer_desk": {"nested": [1, 2]}}
    again = record.to_fields()
    assert again["a_field_from_a_newer_desk"] == {"nested": [1, 2]}
    assert again["images"][0]["width"] == 4000 and again["images"][0]["file_name"] == "OA 10426.tif"
    assert Record.from_fields(again) == record


def test_null_is_an_empty_value():
    record = Record.from_fields({"designation": None, "materials": None, "public": None})
    assert (record.designation, record.materials, record.public) == ("", [], False)


@pytest.mark.parametrize(("fields", "code", "where"), [
    ({"measurement_rows": [1, "x"]}, "record.bad_measurement_row", "row 1"),
    ({"measurement_rows": [{"kind": "height", "value": "49", "unit": "cm"}]},
     "record.bad_measurement_row", "row 1"),
    ({"images": [{"sha256": "a" * 64}]}, "record.bad_image", "image 1"),
    ({"images": [{"sha256": "a" * 64, "file_name": "x.jpg", "is_primary": "yes"}]},
     "record.bad_image", "image 1"),
    ({"status": {"x": 1}}, "record.not_choice", "«Status»"),
    ({"legal_status": "D"}, "record.not_choice", "«Legal status»"),
    ({"rectifications": [{"field": "register_date"}]}, "record.bad_rectification",
     "rectification 1"),
    ({"public": "yes"}, "record.not_boolean", "«Public»"),
    ({"designation": 12}, "record.not_text", "«Object name»"),
    ({"materials": ["soie", 3]}, "record.not_texts", "«Materials»"),
    ({"authors": [{"role": "peintre"}]}, "record.bad_author", "author 1"),
    ({"date_earliest": "1775"}, "record.not_year", "«date_earliest»"),
    ({"themes": "Textile"}, "record.not_theme_ids", "«Themes»"),
])
def test_a_key_of_the_wrong_type_is_refused_saying_which(fields, code, where):
    with pytest.raises(RecordError) as refused:
        Record.from_fields(fields)
    assert refused.value.code == code
    assert where in refused.value.message.text("en")


def test_a_choice_is_refused_naming_its_field_as_the_curator_knows_it():
    with pytest.raises(RecordError) as refused:
        Record.from_fields({"legal_status": "D"})
    assert refused.value.message.text("fr") == (
        "Le champ « Statut juridique » doit prendre l'une de ces valeurs : « inventory », "
        "« deposit », « outside ».")
    assert refused.value.message.text("en") == (
        "Field «Legal status» must be one of: 'inventory', 'deposit', 'outside'.")


def test_a_value_of_the_wrong_type_is_refused_naming_its_field_as_the_curator_knows_it():
    with pytest.raises(RecordError) as refused:
        Record.from_fields({"legal_status": "deposit", "materials": ["soie", 3]})
    assert refused.value.message.text("fr") == (
        "Le champ « Matières ou matériaux » doit être une liste de textes.")
    assert refused.value.message.text("en") == "Field «Materials» must be a list of texts."
    # Machines read the canonical name, as before; the label is beside it.
    assert refused.value.message.params["field"] == "materials"
    assert message_params(refused.value.message) == {"field": "materials",
                                                     "label": {"field": "materials"}}
    # A key no form shows has no label: its name stands for one.
    with pytest.raises(RecordError) as refused:
        Record.from_fields({"created_at": 1775})
    assert refused.value.message.text("fr") == "Le champ « created_at » doit être un texte."
    sent = message_params(refused.value.message)
    assert sent == {"field": "created_at", "label": "created_at"}
    # A desk reading the base's answer says the same words.
    assert message_from_wire("record.not_text", sent).text("fr") == \
        refused.value.message.text("fr")


def test_an_entry_of_a_list_is_refused_naming_its_field_as_the_curator_knows_it():
    with pytest.raises(RecordError) as refused:
        Record.from_fields({"authors": [{"role": "peintre"}]})
    assert refused.value.message.text("fr") == (
        "Champ « Auteur, collecteur, fabricant, commanditaire », auteur 1 : un auteur est un "
        "nom, ou un nom et un rôle (des textes).")
    assert refused.value.message.text("en") == (
        "Field «Author, collector, maker, commissioner», author 1: an author is a name, or a "
        "name and a role (texts).")


def test_a_choice_that_may_be_left_empty_says_so_and_lists_no_empty_code():
    with pytest.raises(RecordError) as refused:
        Record.from_fields({"deaccession_case": "lost"})
    assert refused.value.code == "record.not_choice_or_empty"
    assert refused.value.message.text("fr") == (
        "Le champ « Motif de radiation » doit prendre l'une de ces valeurs : "
        "« undue_inscription », « double_inscription », « destroyed », "
        "« transferred_public_person », « declassified », « reassigned », « restituted », "
        "ou rester vide.")
    assert refused.value.message.text("en") == (
        "Field «Deaccession case» must be one of: 'undue_inscription', 'double_inscription', "
        "'destroyed', 'transferred_public_person', 'declassified', 'reassigned', 'restituted', "
        "or empty.")


@pytest.mark.parametrize(("bad", "named"), [
    ({"measurement_rows": [1, "x"]}, "measurement_rows"),
    ({"images": [{"sha256": "a" * 64}]}, "images"),
    ({"status": {"x": 1}}, "«Status»"),
])
def test_a_record_from_the_regional_base_of_the_wrong_shape_is_refused_not_a_crash(catalogue,
                                                                                     bad, named):
    record_id = str(uuid.uuid4())
    with catalogue.writing() as session, pytest.raises(Unappliable) as refused:
        store_record(session, record_id, {"inventory_number": "2024.1", **bad})
    assert refused.value.code == "sync.unappliable"
    assert named in refused.value.message.text("en")
    with catalogue.reading() as session:
        assert records_fields(session, [record_id]) == {}


def test_the_wire_fields_of_a_stored_record_are_the_fields_it_came_with(catalogue):
    record_id = str(uuid.uuid4())
    sent = {**blank_record(), "inventory_number": "2024.2", "designation": "coiffe",
            "authors": [{"name": "Anne", "role": None}], "dating": "vers 1850",
            "date_earliest": 1845, "date_latest": 1855, "status": "active",
            "deaccession_date": "", "trashed_at": None, "images": [],
            "a_field_from_a_newer_desk": ["kept", "as", "is"]}
    with catalogue.writing() as session:
        store_fields(session, record_id, sent)
    with catalogue.reading() as session:
        assert records_fields(session, [record_id]) == {record_id: sent}
