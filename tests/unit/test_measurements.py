"""Measurement rows derived from the text as entered, and the text made from rows."""

import pytest

from catalogue_app.records.measurements import (
    MeasurementRow,
    format_measurements,
    parse_measurements,
)


def rows(*triples):
    return [MeasurementRow(*triple) for triple in triples]


def test_a_unit_written_once_at_the_end_applies_to_every_part():
    assert parse_measurements("H. 49 ; l. 68,5 ; ép. 3 cm") == rows(
        ("height", 49.0, "cm"), ("width", 68.5, "cm"), ("thickness", 3.0, "cm")
    )


def test_a_leading_phrase_gives_the_unit_and_labels_separate_parts():
    assert parse_measurements("Dimensions hors tout en cm : H. 49, l. 68.5 EP 3") == rows(
        ("height", 49.0, "cm"), ("width", 68.5, "cm"), ("thickness", 3.0, "cm")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("49 x 68,5 cm", [("height", 49.0, "cm"), ("width", 68.5, "cm")]),
        ("49 × 68,5 × 3 mm", [("height", 49.0, "mm"), ("width", 68.5, "mm"),
                              ("depth", 3.0, "mm")]),
    ],
)
def test_unlabelled_values_times_each_other_are_height_width_depth(text, expected):
    assert parse_measurements(text) == rows(*expected)


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("H. 30 cm", "height", "cm"),
        ("h 30 cm", "height", "cm"),
        ("Hauteur en cm 30", "height", "cm"),
        ("l. 30 cm", "width", "cm"),
        ("la. 30 cm", "width", "cm"),
        ("Largeur 30 cm", "width", "cm"),
        ("L. 30 cm", "length", "cm"),
        ("Longueur cm 30", "length", "cm"),
        ("P. 30 mm", "depth", "mm"),
        ("pr. 30 mm", "depth", "mm"),
        ("ép. 30 mm", "thickness", "mm"),
        ("EP 30 mm", "thickness", "mm"),
        ("E. 30 mm", "thickness", "mm"),
        ("D. 30 cm", "diameter", "cm"),
        ("diam. 30cm", "diameter", "cm"),
        ("Diamètre en cm 30", "diameter", "cm"),
        ("Circ. 30 m", "circumference", "m"),
        ("Poids 30 g", "weight", "g"),
        ("Pds kg 30", "weight", "kg"),
    ],
)
def test_french_labels_and_units_before_or_after_the_value(text, kind, unit):
    assert parse_measurements(text) == [MeasurementRow(kind, 30.0, unit)]


def test_words_and_bracketed_or_colon_notes_are_kept_with_their_row():
    assert parse_measurements(
        "H. totale mm 155 ; Pds g 33 ; H. mm 40 (coeur) ; Hauteur (déplié) en cm 14,4 ; "
        "H. cm 90 : jupe"
    ) == [
        MeasurementRow("height", 155.0, "mm", "totale"),
        MeasurementRow("weight", 33.0, "g"),
        MeasurementRow("height", 40.0, "mm", "coeur"),
        MeasurementRow("height", 14.4, "cm", "déplié"),
        MeasurementRow("height", 90.0, "cm", "jupe"),
    ]


def test_a_weight_unit_is_not_shared_with_lengths():
    assert parse_measurements("H. 11,2 ; l. 9,2 ; Pds g 35") is None


def test_a_default_unit_stated_by_the_caller_fills_only_missing_units_of_its_quantity():
    assert parse_measurements("H. 11,2 ; l. 9,2 cm ; L. 3 ; Pds g 35", default_unit="mm") == rows(
        ("height", 11.2, "cm"), ("width", 9.2, "cm"), ("length", 3.0, "mm"), ("weight", 35.0, "g")
    )
    assert parse_measurements("Dimensions en m : H. 2", default_unit="cm") == rows(
        ("height", 2.0, "m")
    )
    assert parse_measurements("Poids 35", default_unit="cm") is None
    with pytest.raises(ValueError, match="unknown default unit 'pouces'"):
        parse_measurements("H. 3", default_unit="pouces")


def test_each_unitless_part_takes_the_next_unit_written():
    assert parse_measurements("L. 32 ; l. 26 cm ; L. 33 ; l. 25 mm") == rows(
        ("length", 32.0, "cm"), ("width", 26.0, "cm"),
        ("length", 33.0, "mm"), ("width", 25.0, "mm"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "29, 52",  # which is which?
        "49 x 68,5",  # no unit
        "H. 30 cm ; l. 20",  # the width's unit is not written
        "H. 61 ; L. 46",
        "2cm, D. 6.5cm",
        "Hauteur en cm",  # no value
        "H. 21. 7",
        "H. 3 g",  # a height is not weighed
        "H. cm 30 mm",
        "Vol. 0,0013 ; H. 18 cm",  # unknown label
        "max. 10cm, l. 38.5cm",
        "H. 49cmx",
    ],
)
def test_anything_not_understood_flags_the_whole_text_for_review(text):
    assert parse_measurements(text) is None


def test_rows_are_written_as_a_curator_would():
    text = format_measurements([
        MeasurementRow("height", 30.0, "cm"),
        MeasurementRow("width", 20.5, "cm"),
        MeasurementRow("diameter", 4.0, "mm", "socle"),
        MeasurementRow("weight", 1.25, "kg"),
    ])
    assert text == "H. 30 cm ; l. 20,5 cm ; D. 4 mm (socle) ; Poids 1,25 kg"


def test_written_rows_read_back_as_the_same_rows():
    original = [
        MeasurementRow(kind, value, "g" if kind == "weight" else "cm", note)
        for kind, value, note in [
            ("height", 49.0, ""), ("width", 68.5, "hors cadre"), ("length", 0.25, ""),
            ("depth", 3.0, ""), ("thickness", 1.5, ""), ("diameter", 12.0, ""),
            ("circumference", 80.0, "tour de taille"), ("weight", 350.0, ""),
        ]
    ]
    assert parse_measurements(format_measurements(original)) == original


@pytest.mark.parametrize(
    ("kind", "value", "unit", "reason"),
    [
        ("volume", 1.0, "cm", "unknown measurement kind 'volume'"),
        ("height", 1.0, "g", "unit 'g' does not measure a height"),
        ("weight", 1.0, "cm", "unit 'cm' does not measure a weight"),
        ("height", -1.0, "cm", "height must be a number, zero or more"),
        ("height", float("nan"), "cm", "height must be a number, zero or more"),
    ],
)
def test_a_row_that_makes_no_sense_is_refused_with_its_reason(kind, value, unit, reason):
    with pytest.raises(ValueError, match=reason):
        MeasurementRow(kind, value, unit)
