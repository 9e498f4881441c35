"""Controlled vocabularies: seeded with a new catalogue, accent-insensitive prefix autocomplete,
local additions without duplicates."""

from __future__ import annotations

import pytest

from catalogue_app.vocabulary.terms import (
    VocabularyError,
    add_local_term,
    find_term,
    suggest,
)


def test_a_new_catalogue_offers_the_french_starter_lists(catalogue):
    with catalogue.reading() as session:
        for vocabulary in ("designation", "material", "technique", "place", "person", "period"):
            assert suggest(session, vocabulary, "a"), vocabulary
        oak = find_term(session, "material", "chêne")
    assert oak is not None and oak.source == "shared"
    assert oak.id == "c1edcbc5-d7b7-46eb-8825-2a75c554732f"  # the stable id of the seed file


def test_autocomplete_ignores_accents_and_case_and_matches_prefixes_only(catalogue):
    with catalogue.reading() as session:
        labels = [t.label for t in suggest(session, "material", "CHE")]
        assert "chêne" in labels
        assert all(label.casefold().replace("ê", "e").startswith("che") for label in labels)
        assert suggest(session, "material", "hene") == []


def test_autocomplete_gives_at_most_the_limit_in_alphabetical_order(catalogue):
    with catalogue.reading() as session:
        terms = suggest(session, "designation", "c", limit=5)
    assert len(terms) == 5
    assert [t.label.casefold() for t in terms] == sorted(t.label.casefold() for t in terms)


def test_a_local_term_is_offered_and_not_added_twice(catalogue):
    with catalogue.writing() as session:
        term = add_local_term(session, "person", "  Lemarchand,   Atelier ")
        again = add_local_term(session, "person", "LEMARCHAND, atelier")
    assert again.id == term.id
    with catalogue.reading() as session:
        found = suggest(session, "person", "lemar")
    assert [(t.label, t.source) for t in found] == [("Lemarchand, Atelier", "local")]


def test_a_shared_term_typed_again_is_not_duplicated_as_local(catalogue):
    with catalogue.writing() as session:
        term = add_local_term(session, "material", "CHENE")
    assert term.source == "shared" and term.label == "chêne"


@pytest.mark.parametrize(("vocabulary", "label", "message"), [
    ("material", "   ", "cannot be empty"),
    ("colours", "rouge", "Unknown vocabulary 'colours'"),
])
def test_a_bad_term_is_refused_with_a_reason_and_nothing_written(catalogue, vocabulary, label,
                                                                 message):
    with catalogue.reading() as session:
        before = len(suggest(session, "material", "r", limit=1000))
    with pytest.raises(VocabularyError, match=message), catalogue.writing() as session:
        add_local_term(session, vocabulary, label)
    with catalogue.reading() as session:
        assert len(suggest(session, "material", "r", limit=1000)) == before


def test_an_unknown_vocabulary_is_refused_naming_each_vocabulary_in_the_users_words(catalogue):
    with pytest.raises(VocabularyError) as refused, catalogue.writing() as session:
        add_local_term(session, "colours", "rouge")
    assert refused.value.message.text("fr") == (
        "Vocabulaire inconnu : « colours » ; les vocabulaires sont « designation », "
        "« material », « technique », « place », « person », « period ».")
    assert refused.value.message.text("en") == (
        "Unknown vocabulary 'colours'; the vocabularies are 'designation', 'material', "
        "'technique', 'place', 'person', 'period'.")
