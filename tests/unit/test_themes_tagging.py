"""Tagging records with themes: counts in the tree, batch tagging undone in one step, local
themes, and filtering the list by a theme with its sub-themes."""

import json

import pytest
from sqlalchemy import select, text

from catalogue_app.records import lifecycle
from catalogue_app.records.store import create_record, load_record
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.search.service import list_ids
from catalogue_app.vocabulary.themes import (
    ThemeError,
    add_local_theme,
    tag,
    theme_tree,
    undo,
    untag,
)
from db.local.models import HistoryEntry, Theme


def _theme(catalogue, label_fr: str) -> str:
    with catalogue.reading() as session:
        return session.scalar(select(Theme.id).where(Theme.label_fr == label_fr))


def _node(tree, label_fr):
    for node in tree:
        if node.label_fr == label_fr:
            return node
        found = _node(node.children, label_fr)
        if found:
            return found
    return None


@pytest.fixture
def ids(catalogue):
    with catalogue.writing() as session:
        return [create_record(session, {"inventory_number": f"2020.1.{n}"}, "t")
                for n in range(4)]


def test_counts_include_sub_themes_and_count_each_record_once(catalogue, ids):
    lace, costume = _theme(catalogue, "Dentelle"), _theme(catalogue, "Costume")
    with catalogue.writing() as session:
        tag(session, ids[:2], lace, "t")
        tag(session, ids[1:3], costume, "t")
    with catalogue.reading() as session:
        tree = theme_tree(session)
    assert _node(tree, "Dentelle").count == 2
    assert _node(tree, "Costume").count == 2
    assert _node(tree, "Textile").count == 3  # record 1 has both sub-themes: counted once
    assert _node(tree, "Photographie").count == 0
    with catalogue.writing() as session:
        lifecycle.trash_record(session, ids[0], "t")
    with catalogue.reading() as session:
        assert _node(theme_tree(session), "Textile").count == 2


def test_batch_tag_is_one_operation_that_undo_reverses_exactly(catalogue, ids):
    lace = _theme(catalogue, "Dentelle")
    with catalogue.writing() as session:
        tag(session, [ids[0]], lace, "t")
        batch = tag(session, ids, lace, "curator")
    assert batch.record_ids == tuple(ids[1:])  # the one already tagged is not part of it
    with catalogue.reading() as session:
        assert all(load_record(session, i)["themes"] == [lace] for i in ids)
        history = session.scalars(select(HistoryEntry).where(
            HistoryEntry.record_id == ids[1], HistoryEntry.field == "themes")).one()
    assert (history.user, json.loads(history.new_value)) == ("curator", [lace])
    with catalogue.writing() as session:
        redo = undo(session, batch, "curator")
    with catalogue.reading() as session:
        assert [load_record(session, i)["themes"] for i in ids] == [[lace], [], [], []]
    with catalogue.writing() as session:
        undo(session, redo, "curator")
    with catalogue.reading() as session:
        assert all(load_record(session, i)["themes"] == [lace] for i in ids)


def test_tagging_moves_the_modification_time_so_sync_sends_the_record(catalogue, ids):
    with catalogue.reading() as session:
        before = load_record(session, ids[0])["modified_at"]
    with catalogue.writing() as session:
        tag(session, [ids[0]], _theme(catalogue, "Ivoire"), "t")
    with catalogue.reading() as session:
        assert load_record(session, ids[0])["modified_at"] > before


def test_untag_removes_only_that_theme(catalogue, ids):
    lace, ivory = _theme(catalogue, "Dentelle"), _theme(catalogue, "Ivoire")
    with catalogue.writing() as session:
        tag(session, ids[:1], lace, "t")
        tag(session, ids[:1], ivory, "t")
        removed = untag(session, ids, lace, "t")
    assert removed.record_ids == (ids[0],)
    with catalogue.reading() as session:
        assert load_record(session, ids[0])["themes"] == [ivory]


def test_tagging_with_a_missing_theme_is_refused_and_changes_nothing(catalogue, ids):
    with pytest.raises(ThemeError, match="does not exist"), catalogue.writing() as session:
        tag(session, ids, "no-such-theme", "t")
    with catalogue.reading() as session:
        assert session.execute(text("SELECT count(*) FROM record_themes")).scalar() == 0


def test_local_themes_sit_beside_shared_ones_and_can_be_tagged(catalogue, ids):
    textile = _theme(catalogue, "Textile")
    with catalogue.writing() as session:
        local = add_local_theme(session, "Fonds Lemarchand", parent_id=textile)
        tag(session, ids[:1], local, "t")
    with catalogue.reading() as session:
        node = _node(theme_tree(session), "Fonds Lemarchand")
    assert (node.source, node.count, node.parent_id) == ("local", 1, textile)
    with pytest.raises(ThemeError, match="already"), catalogue.writing() as session:
        add_local_theme(session, "fonds lemarchand", parent_id=textile)
    with pytest.raises(ThemeError, match="name"), catalogue.writing() as session:
        add_local_theme(session, "  ")


def test_filtering_by_a_theme_includes_its_sub_themes(catalogue, ids):
    with catalogue.writing() as session:
        tag(session, ids[:1], _theme(catalogue, "Dentelle"), "t")
        tag(session, ids[1:2], _theme(catalogue, "Textile"), "t")
        tag(session, ids[2:3], _theme(catalogue, "Ivoire"), "t")
    with catalogue.reading() as session:
        textile = _theme(catalogue, "Textile")
        assert list_ids(session, ListFilter(theme_ids=(textile,))) == (2, ids[:2])
