"""Inventory numbers: uniqueness key, museum pattern warnings, next free number, deposits."""

import re

import pytest

from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.inventory_numbers import (
    DEFAULT_PATTERN,
    InventoryPattern,
    check_inventory_number,
    composite_parts,
    is_deposit,
    matching_key,
    next_free_number,
    split_former_numbers,
)


def test_numbers_differing_only_in_spaces_and_case_have_one_uniqueness_key():
    variants = ["OA 10426", "  oa   10426 ", "Oa\t10426", "OA\u00a010426"]
    assert {normalise_inventory_number(v) for v in variants} == {"oa 10426"}


def test_separators_still_distinguish_numbers_for_uniqueness():
    assert normalise_inventory_number("97-2-1") != normalise_inventory_number("97.2.1")
    assert normalise_inventory_number("D.2004.1.1") != normalise_inventory_number("D2004.1.1")


@pytest.mark.parametrize(
    "number", ["2004.12.3", "2004.12.3.1.2", "985.2.1", "D.2004.1.1", "D2004.1.1", " 2004.1.1 "]
)
def test_the_default_pattern_accepts_year_lot_item_older_years_and_deposits(number):
    check = check_inventory_number(number)
    assert check.ok
    assert check.warnings == ()


def test_each_element_of_a_set_is_checked():
    assert check_inventory_number("1968.3.244.1 ; 1968.3.244.2").warnings == ()
    check = check_inventory_number("1968.3.244.1 ; 3127 (ancien numéro)")
    assert check.ok
    assert [w.code for w in check.warnings] == ["pattern"]
    assert "'3127 (ancien numéro)'" in check.warnings[0].message.text()


@pytest.mark.parametrize("number", ["56.8.31", "OA 10426", "E 1062 bis", "2004.12", "2004.12.3a"])
def test_a_historic_number_is_a_warning_the_curator_may_override(number):
    check = check_inventory_number(number)
    assert check.ok
    assert [w.code for w in check.warnings] == ["pattern"]
    assert number in check.warnings[0].message.text()


def test_an_empty_element_in_a_set_is_a_warning():
    check = check_inventory_number("1968.3.244.1 ;")
    assert check.ok
    assert [w.code for w in check.warnings] == ["empty_element"]


@pytest.mark.parametrize("number", ["", "   ", "\t"])
def test_an_empty_number_is_an_error(number):
    check = check_inventory_number(number)
    assert not check.ok
    assert [e.code for e in check.errors] == ["empty"]


def test_a_museum_pattern_replaces_the_default():
    pattern = InventoryPattern(r"MHN\.\d{4}\.\d+", "MHN.year.item")
    assert check_inventory_number("MHN.2004.12", pattern).warnings == ()
    assert check_inventory_number("2004.12.3", pattern).warnings[0].code == "pattern"
    assert DEFAULT_PATTERN.accepts("2004.12.3")


def test_an_invalid_museum_pattern_is_refused_with_the_reason():
    expected = "invalid inventory number pattern '(\\d': missing )"
    with pytest.raises(ValueError, match=re.escape(expected)):
        InventoryPattern(r"(\d", "broken")


def test_next_free_number_follows_the_highest_item_and_never_fills_gaps():
    existing = ["2004.12.1", "2004.12.3", "2004.13.9", "2004.120.7", "D2004.12.8"]
    assert next_free_number("2004.12", existing) == "2004.12.4"


def test_next_free_number_counts_sub_numbers_and_sets_for_their_item():
    existing = ["2004.12.1", "2004.12.5.2", "1968.3.1 ; 2004.12.6.1"]
    assert next_free_number("2004.12", existing) == "2004.12.7"


def test_next_free_number_keeps_deposits_apart_and_the_lot_as_typed():
    existing = ["2004.12.1", "2004.12.2", "D2004.12.1", "D.2004.12.4"]
    assert next_free_number("D.2004.12", existing) == "D.2004.12.5"
    assert next_free_number("D2004.12.", existing) == "D2004.12.5"
    assert next_free_number("2004.12", existing) == "2004.12.3"


def test_next_free_number_of_a_new_lot_is_item_one_and_keeps_zero_padding():
    assert next_free_number("2013.1", []) == "2013.1.1"
    assert next_free_number("2011.0", ["2011.0.0017", "2011.0.0045"]) == "2011.0.0046"


def test_next_free_number_needs_a_lot():
    with pytest.raises(ValueError, match="Give the lot"):
        next_free_number("  ", ["2004.1.1"])


@pytest.mark.parametrize(
    ("number", "deposit"),
    [("D.2004.1.1", True), ("D2004.1.1", True), ("d 75.03.375", True), ("2004.1.1", False),
     ("Dentelle 3", False), ("OA 10426", False)],
)
def test_is_deposit(number, deposit):
    assert is_deposit(number) is deposit


def test_deposit_spellings_share_a_matching_key_never_the_acquisition_one():
    keys = {matching_key(n) for n in ["D.2004.12.3", "D2004.12.3", "d 2004-12-3", "D_2004_12_3"]}
    assert len(keys) == 1
    assert matching_key("2004.12.3") not in keys


def test_matching_key_ignores_separator_style_but_not_digits():
    assert matching_key("2004-12-3") == matching_key("2004_12_3") == matching_key("2004.12.3")
    assert matching_key("2004.12.30") != matching_key("2004.12.3")
    assert matching_key("2011.0.0017") != matching_key("2011.0.17")


def test_a_set_has_one_key_per_element():
    assert composite_parts("1968.3.244.1 ; 1968.3.244.2 ;") == ["1968.3.244.1", "1968.3.244.2"]
    assert matching_key("1968.3.244.1 ; 1968-3-244-2") == "1968.3.244.1;1968.3.244.2"


@pytest.mark.parametrize("cell, number, former, unclear", [
    # Numbers found in real Joconde data: the first part is the number...
    ("932.3.24.1 ; 2625 (MD)", "932.3.24.1", ["2625 (MD)"], []),
    ("10549 ; 3127 (ancien numéro)", "10549", ["3127 (ancien numéro)"], []),
    ("B 64 ; 317 (Schmit) ; 50 (Cohen)", "B 64", ["317 (Schmit)", "50 (Cohen)"], []),
    ("2004.12.1 ; 10288 (Ancien n° inventaire)", "2004.12.1",
     ["10288 (Ancien n° inventaire)"], []),
    # ...parts without a note saying what they are are taken as former numbers, flagged...
    ("2001.17.1179 ; D. 75.03.375", "2001.17.1179", ["D. 75.03.375"], ["D. 75.03.375"]),
    ("ETHN.180102020 ; 1269", "ETHN.180102020", ["1269"], ["1269"]),
    # ...as is the set's own number with a note (it may be the set rather than a former one)...
    ("1950.01.255.1 ; 1950.01.255 (1&2)", "1950.01.255.1", ["1950.01.255 (1&2)"],
     ["1950.01.255 (1&2)"]),
    # ...and parts with the first one's stem are elements of its set, kept in the number.
    ("1968.3.244.1 ; 1968.3.244.2", "1968.3.244.1 ; 1968.3.244.2", [], []),
    ("1968.3.244.1 ; 1968.3.244.2 ; 3127 (ancien numéro)", "1968.3.244.1 ; 1968.3.244.2",
     ["3127 (ancien numéro)"], []),
    ("56.8.31", "56.8.31", [], []),
])
def test_a_cell_of_numbers_splits_into_the_number_and_its_former_numbers(cell, number, former,
                                                                          unclear):
    split = split_former_numbers(cell)
    assert (split.number, list(split.former_numbers), list(split.unclear)) == \
        (number, former, unclear)
    # What the former numbers say is kept verbatim: the cell reads back from the parts.
    assert " ; ".join([split.number, *split.former_numbers]) == " ; ".join(
        p.strip() for p in cell.split(";"))
