"""Earliest and latest years derived from French free-text datings; the text is only read."""

import pytest

from catalogue_app.records.dating_years import parse_dating


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("XIXe siècle", (1801, 1900)),
        ("19e siècle", (1801, 1900)),
        ("19 e siècle", (1801, 1900)),
        ("XIX° siècle", (1801, 1900)),
        ("XIXème siècle", (1801, 1900)),
        ("xixe s.", (1801, 1900)),
        ("XXe", (1901, 2000)),
        ("1er siècle", (1, 100)),
        ("Ier siècle", (1, 100)),
    ],
)
def test_a_century_runs_from_its_year_one_to_its_hundredth_year(text, years):
    assert parse_dating(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2e moitié du XVIIIe siècle", (1751, 1800)),
        ("1ère moitié 19e siècle", (1801, 1850)),
        ("seconde moitié du XIXe siècle", (1851, 1900)),
        ("1er quart du XXe siècle", (1901, 1925)),
        ("2e quart 19e siècle", (1826, 1850)),
        ("4e quart 19e siècle", (1876, 1900)),
        ("dernier quart du XVIIe s.", (1676, 1700)),
        ("1er tiers du XIXe siècle", (1801, 1833)),
        ("3e tiers du XIXe siècle", (1867, 1900)),
        ("début XXe siècle", (1901, 1925)),
        ("fin du XIXe siècle", (1876, 1900)),
        ("milieu du XIXe", (1836, 1865)),
    ],
)
def test_a_part_of_a_century_narrows_it_in_time_order(text, years):
    assert parse_dating(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1925", (1925, 1925)),
        ("vers 1850", (1845, 1855)),
        ("vers 1830-1840", (1825, 1845)),
        ("1880-1890", (1880, 1890)),
        ("1880-90", (1880, 1890)),
        ("1880 / 1890", (1880, 1890)),
        ("de 1880 à 1890", (1880, 1890)),
        ("entre 1840 et 1850", (1840, 1850)),
        ("années 1920", (1920, 1929)),
    ],
)
def test_years_ranges_and_decades(text, years):
    assert parse_dating(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("XVIIIe siècle ; XIXe siècle", (1701, 1900)),
        ("fin du XIXe siècle, début du XXe siècle", (1876, 1925)),
        ("1850 ou 1870", (1850, 1870)),
        ("XVIIIe-XIXe siècles", (1701, 1900)),
        ("fin XVIIIe - début XIXe siècle", (1776, 1825)),
    ],
)
def test_several_datings_give_their_union_and_a_century_range_spans_both(text, years):
    assert parse_dating(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("500 av. J.-C.", (-500, -500)),
        ("IIe siècle av. J.-C.", (-200, -101)),
        ("Ier siècle avant Jésus-Christ", (-100, -1)),
        ("1ère moitié du IIe siècle av. J.-C.", (-200, -151)),
        ("IIe-Ier siècle av. J.-C.", (-200, -1)),
        ("IIe siècle ap. J.-C.", (101, 200)),
    ],
)
def test_years_before_christ_are_negative_and_read_in_time_order(text, years):
    assert parse_dating(text) == years


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "avant 1914",  # open bound: the earliest year is unknown
        "après 1945",
        "1850 ?",
        "50",  # a two-digit year could be anything
        "1890-1880",  # runs backwards: a typing mistake to review
        "XIIII siècle",
        "XXVe siècle",
        "époque second Empire",
        "vers le XIXe siècle",
        "années 25",
        "XIXe siècle ; pré-impressionnisme",  # one part not understood spoils the union
        "1880-" * 1000,  # a pasted paragraph, not a dating
    ],
)
def test_what_is_not_understood_gives_no_years(text):
    assert parse_dating(text) is None

