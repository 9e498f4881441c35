"""Image files named after inventory numbers find their records; deposits never cross over."""

import time

import pytest

from catalogue_app.images.filename_match import (
    SharedKey,
    index_numbers,
    match_filename,
    match_files,
)

KNOWN = index_numbers([
    ("acq", "2004.12.3"),
    ("dep", "D.2004.12.3"),
    ("thirty", "2004.12.30"),
    ("item4", "2004.12.4"),
    ("item4-part1", "2004.12.4.1"),
    ("set", "1968.3.244.1 ; 1968.3.244.2"),
    ("dashed", "97-2-1"),
])


@pytest.mark.parametrize(
    "name",
    [
        "2004.12.3.jpg",
        "2004-12-3_uv.tif",
        "2004.12.3 (2).jpg",
        "2004.12.3_verso.jpg",
        "2004_12_3.JPG",
        "2004.12.3",
        "2004.12.3_2.jpg",  # a shot counter: no record 2004.12.3.2
        "/photos/campagne 2024/2004.12.3.tif",
        "C:\\Photos\\2004.12.3.tif",
    ],
)
def test_names_written_after_the_number_match_the_record(name):
    match = match_filename(name, KNOWN)
    assert (match.status, match.record_ids) == ("matched", ("acq",))
    assert match.file_name == name


@pytest.mark.parametrize("name", ["D2004.12.3_uv.jpg", "D.2004.12.3.jpg", "d_2004_12_3.tif"])
def test_a_deposit_file_matches_the_deposit_record_only(name):
    match = match_filename(name, KNOWN)
    assert (match.status, match.record_ids) == ("matched", ("dep",))


def test_a_deposit_file_without_deposit_record_stays_unmatched():
    known = index_numbers([("acq", "2004.12.3")])
    assert match_filename("D2004.12.3_uv.jpg", known).status == "unmatched"


@pytest.mark.parametrize(
    ("name", "record"),
    [("2004.12.30.jpg", "thirty"), ("2004.12.4.1.jpg", "item4-part1"), ("97.2.1.jpg", "dashed")],
)
def test_the_whole_number_is_read_never_a_prefix_of_it(name, record):
    assert match_filename(name, KNOWN).record_ids == (record,)


@pytest.mark.parametrize(
    "name", ["2004.12.3a.jpg", "2004.12.jpg", "2004.12.5.jpg", "IMG_1234.jpg", "x2004.12.3.jpg",
             "notes.txt", ""],
)
def test_a_name_that_designates_no_record_is_unmatched(name):
    match = match_filename(name, KNOWN)
    assert (match.status, match.record_ids) == ("unmatched", ())


def test_a_counter_that_could_be_a_sub_number_is_ambiguous():
    match = match_filename("2004.12.4_1.jpg", KNOWN)
    assert match.status == "ambiguous"
    assert set(match.record_ids) == {"item4", "item4-part1"}


def test_each_element_of_a_set_finds_the_record():
    assert match_filename("1968.3.244.2_det.jpg", KNOWN).record_ids == ("set",)
    assert match_filename("1968-3-244-1.jpg", KNOWN).record_ids == ("set",)


def test_two_records_sharing_a_key_make_the_file_ambiguous():
    known = index_numbers([("a", "D2004.1.1"), ("b", "D.2004.1.1"), ("a", "D2004.1.1")])
    assert known["d2004.1.1"] == SharedKey(("a", "b"))
    match = match_filename("D2004.1.1.jpg", known)
    assert (match.status, set(match.record_ids)) == ("ambiguous", {"a", "b"})


def test_a_plain_mapping_of_keys_to_record_ids_is_accepted():
    assert match_filename("2004.12.3.jpg", {"2004.12.3": 42}).record_ids == (42,)


@pytest.mark.parametrize(
    ("name", "view_type"),
    [
        ("2004.12.3.jpg", "general"),
        ("2004.12.3_uv.jpg", "uv"),
        ("2004.12.3_UV.jpg", "uv"),
        ("2004.12.3_ir.tif", "ir"),
        ("2004.12.3_rx.tif", "xray"),
        ("2004.12.3_xray.tif", "xray"),
        ("2004.12.3-X-Ray.tif", "xray"),
        ("2004.12.3_verso.jpg", "verso"),
        ("2004.12.3_det.jpg", "detail"),
        ("2004.12.3_det2.jpg", "detail"),
        ("2004.12.3_détail.jpg", "detail"),
        ("2004.12.3_rasante.jpg", "raking"),
        ("2004.12.3_raking.jpg", "raking"),
        ("2004.12.3_noir.jpg", "general"),  # "ir" inside a word is not infrared
        ("2004.12.3_uv_verso.jpg", "uv"),  # the first view word wins
    ],
)
def test_suffixes_guess_the_view_type(name, view_type):
    assert match_filename(name, KNOWN).view_type == view_type


def test_a_thousand_files_against_seventy_thousand_records_match_at_once():
    known = index_numbers(
        (f"r{lot}-{item}", f"{1900 + lot % 120}.{lot}.{item}")
        for lot in range(700) for item in range(1, 101)
    )
    names = [
        f"{1900 + lot % 120}.{lot}.{item}_uv.tif" for lot in range(100) for item in range(1, 11)
    ]
    started = time.perf_counter()
    matches = match_files(names, known)
    elapsed = time.perf_counter() - started
    assert [m.status for m in matches] == ["matched"] * 1000
    assert matches[0].record_ids == ("r0-1",)
    assert elapsed < 0.5, f"{elapsed:.3f} s for 1,000 files"
