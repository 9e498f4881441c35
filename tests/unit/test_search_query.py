"""The search box's language: what users type becomes a safe FTS5 expression and filters."""

import pytest

from catalogue_app.search.query import parse


def test_words_must_all_match_and_are_quoted_for_fts():
    query = parse("coiffe Caen")
    assert query.match() == '"coiffe" AND "Caen"'


def test_phrase_prefix_exclusion_and_or():
    query = parse('"point d\'Alençon" dent* -machine col OR jabot')
    assert query.match() == '"point d Alençon" AND "dent" * AND ("col" OR "jabot")'
    assert query.exclusion() == '"machine"'


def test_field_filters_become_column_filters_or_sql_filters():
    query = parse('designation:coiffe author:"Le Gray" theme:Dentelle year:1850..1900 '
                  "has:image public:oui inv:1978.3*")
    assert query.match() == ('{designation} : "coiffe" AND {author} : "Le Gray" '
                             'AND {inventory} : "1978 3" *')
    assert query.themes == ["dentelle"]
    assert (query.year_from, query.year_to) == (1850, 1900)
    assert query.has_image is True and query.public is True


@pytest.mark.parametrize("text, expected", [
    ("year:1850", (1850, 1850)), ("year:..1900", (None, 1900)), ("year:1850..", (1850, None)),
])
def test_year_ranges(text, expected):
    query = parse(text)
    assert (query.year_from, query.year_to) == expected


@pytest.mark.parametrize("text", ['"', "*", "AND", "NEAR(", "-", "OR", "a:b:c", "((", "^x",
                                  "'; DROP TABLE records; --", 'col:"x', "x" * 10_000])
def test_malformed_input_never_yields_fts_syntax(text):
    expression = parse(text).match() + parse(text).exclusion()
    # Only quoted tokens, operators we wrote and column names we know.
    stripped = expression.replace(" AND ", " ").replace(" OR ", " ").replace(" *", "")
    for quoted in stripped.split('"')[1::2]:
        assert quoted.replace(" ", "").isalnum()


def test_unknown_field_and_bad_filter_values_are_read_as_words():
    assert parse("colour:red").match() == '"colour red"'
    assert parse("year:soon").match() == '"year soon"'
    assert parse("year:soon").year_from is None


def test_a_pasted_page_is_cut_to_its_first_words():
    query = parse(" ".join(f"mot{n}" for n in range(500)))
    assert len(query.groups) == 32
