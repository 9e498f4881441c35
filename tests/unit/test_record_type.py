"""The one record type: read from a dict of fields with each known key checked against the field
registry, written back the same, unknown keys untouched."""

import pytest

from catalogue_app.errors import RecordError
from catalogue_app.records.fields import FIELDS, KEY_TYPES
from catalogue_app.records.record import RECORD_KEYS, Author, Measurement, Record


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
    ({"status": {"x": 1}}, "record.not_status", "status"),
    ({"public": "yes"}, "record.not_boolean", "public"),
    ({"designation": 12}, "record.not_text", "designation"),
    ({"materials": ["soie", 3]}, "record.not_texts", "materials"),
    ({"authors": [{"role": "peintre"}]}, "record.bad_author", "author 1"),
    ({"date_earliest": "1775"}, "record.not_year", "date_earliest"),
    ({"themes": "Textile"}, "record.not_theme_ids", "themes"),
])
def test_a_key_of_the_wrong_type_is_refused_saying_which(fields, code, where):
    with pytest.raises(RecordError) as refused:
        Record.from_fields(fields)
    assert refused.value.code == code
    assert where in refused.value.message.text("en")
