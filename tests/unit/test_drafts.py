"""Drafts keep unsaved form contents across a crash, one per record."""

from __future__ import annotations

from catalogue_app.catalogue import Catalogue
from catalogue_app.records.drafts import discard_draft, list_drafts, load_draft, save_draft


def test_a_draft_survives_closing_the_catalogue_exactly_as_typed(catalogue):
    values = {"inventory_number": "2024.1.1", "designation": "Coiffe « brodée »\nligne 2",
              "materials": ["lin", "co;ton"]}
    with catalogue.writing() as session:
        save_draft(session, "rec-1", values, "marie")
    catalogue.close()
    reopened = Catalogue.open(catalogue.directory)
    with reopened.reading() as session:
        draft = load_draft(session, "rec-1")
    reopened.close()
    assert draft.values == values and draft.user == "marie"
    assert draft.inventory_number == "2024.1.1"


def test_a_newer_draft_replaces_the_older_one_of_the_same_record(catalogue):
    with catalogue.writing() as session:
        save_draft(session, None, {"designation": "a"}, "marie")
        save_draft(session, None, {"designation": "ab"}, "marie")
        save_draft(session, "rec-1", {"designation": "x"}, "marie")
    with catalogue.reading() as session:
        drafts = list_drafts(session)
        assert load_draft(session, None).values == {"designation": "ab"}
    assert sorted(str(d.record_id) for d in drafts) == ["None", "rec-1"]
    assert drafts[0].record_id == "rec-1"  # newest first


def test_discarding_a_draft_leaves_the_others(catalogue):
    with catalogue.writing() as session:
        save_draft(session, None, {"designation": "new"}, "marie")
        save_draft(session, "rec-1", {"designation": "x"}, "marie")
        discard_draft(session, None)
    with catalogue.reading() as session:
        assert load_draft(session, None) is None
        assert load_draft(session, "rec-1") is not None
