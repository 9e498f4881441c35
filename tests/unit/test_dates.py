"""Calendar dates read from acquisition and register date texts, for ISO export and sorting."""

import datetime

import pytest

from catalogue_app.records.calendar_dates import PartialDate, parse_date, parse_partial_date


@pytest.mark.parametrize(
    "text",
    [
        "1973-02-27",
        "27/02/1973",
        "27-02-1973",
        "27.02.1973",
        "1973/02/27",
        "1973/02/27 décision dation",
        "dation du 27 février 1973",
        "27 fevrier 1973",
        "27 FÉVR. 1973",
        "27/02/1973, inscrit en 1973",  # the year repeats the same date
    ],
)
def test_a_full_date_is_found_in_any_usual_french_form(text):
    assert parse_date(text) == datetime.date(1973, 2, 27)


def test_first_of_the_month_written_1er():
    assert parse_date("1er mars 1973") == datetime.date(1973, 3, 1)


@pytest.mark.parametrize(
    ("text", "partial", "iso"),
    [
        ("1973", PartialDate(1973), "1973"),
        ("1968 entrée matérielle", PartialDate(1968), "1968"),
        ("février 1973", PartialDate(1973, 2), "1973-02"),
        ("1995/10 acquis", PartialDate(1995, 10), "1995-10"),
        ("1950/1 acquis", PartialDate(1950, 1), "1950-01"),
        ("02/1973", PartialDate(1973, 2), "1973-02"),
        ("27/02/1973", PartialDate(1973, 2, 27), "1973-02-27"),
    ],
)
def test_a_year_or_month_alone_is_a_partial_date_not_a_date(text, partial, iso):
    assert parse_partial_date(text) == partial
    assert parse_partial_date(text).iso() == iso
    if partial.day is None:
        assert parse_date(text) is None


def test_partial_dates_sort_before_the_days_they_cover():
    texts = ["1973/02/27", "1973", "1972-12-31", "février 1973", "1973-01-05"]
    ordered = sorted(texts, key=lambda t: parse_partial_date(t).sort_key())
    assert ordered == ["1972-12-31", "1973", "1973-01-05", "février 1973", "1973/02/27"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "acquis",
        "date d'acquisition inconnue",
        "31/02/1973",  # no such day
        "00/02/1973",
        "1973/13/01",
        "27/02/73",  # the century would be a guess
        "1996 acquis ; 1997 entrée matérielle",  # two different dates
        "27/02/1973 et 28/02/1973",
        "1968.3.244",  # an inventory number, not a date
    ],
)
def test_no_date_when_none_or_several_or_an_impossible_one(text):
    assert parse_partial_date(text) is None
    assert parse_date(text) is None
