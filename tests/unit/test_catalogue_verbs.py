"""The Catalogue's verbs: each does its work in one transaction (all or nothing) and answers
what changed, which is all the window uses to refresh itself."""

from __future__ import annotations

import pytest

from catalogue_app.catalogue import Changes
from catalogue_app.errors import CatalogueError


def _new(catalogue, number: str, **values) -> str:
    return catalogue.save({"inventory_number": number, **values}).focus


def test_saving_a_new_record_adds_it_and_saving_again_changes_it(catalogue):
    added = catalogue.save({"inventory_number": "2004.12.3", "designation": "coiffe"})
    assert (added.added, added.changed, added.count_changed) == ({added.focus}, set(), True)
    values = {**catalogue.load(added.focus), "designation": "coiffe brodée"}
    changed = catalogue.save(values)
    assert (changed.changed, changed.added, changed.count_changed) == ({added.focus}, set(),
                                                                      False)
    assert changed.list_changed and changed.touches(added.focus)
    assert catalogue.load(added.focus)["designation"] == "coiffe brodée"


def test_saving_drops_the_draft_of_the_record(catalogue):
    record_id = _new(catalogue, "2004.12.3")
    catalogue.keep_draft(record_id, {"inventory_number": "2004.12.3", "designation": "x"})
    catalogue.save(catalogue.load(record_id))
    assert catalogue.draft(record_id) is None


def test_trash_is_all_or_nothing_when_a_record_is_in_the_register(catalogue):
    loose = _new(catalogue, "2004.12.3")
    registered = _new(catalogue, "2004.12.4", register_date="2004-05-01")
    with pytest.raises(CatalogueError, match="can never be deleted"):
        catalogue.trash([loose, registered])
    assert catalogue.trashed() == []  # the first one was not trashed either
    assert catalogue.record_count() == 2


def test_trash_restore_and_purge_say_which_records_left_or_came_back(catalogue):
    ids = [_new(catalogue, f"2004.12.{n}") for n in (1, 2, 3)]
    assert catalogue.trash(ids[:2]) == Changes.of(removed=ids[:2])
    assert catalogue.record_count() == 1
    assert catalogue.restore([ids[0]]) == Changes.of(added=[ids[0]])
    purged = catalogue.purge()
    assert (purged.removed, purged.result) == ({ids[1]}, 1)
    with pytest.raises(CatalogueError):
        catalogue.load(ids[1])


def test_radiation_changes_the_record_and_needs_a_case_date_and_decision(catalogue):
    record_id = _new(catalogue, "2004.12.3", register_date="2004-05-01")
    with pytest.raises(CatalogueError, match="decision"):
        catalogue.radiate(record_id, "destroyed", "2024-01-02", " ")
    assert catalogue.radiate(record_id, "destroyed", "2024-01-02", "Arrêté du 2 janvier") == \
        Changes.of(changed=[record_id])
    assert catalogue.load(record_id)["status"] == "deaccessioned"


def test_a_rectification_changes_a_locked_column_and_needs_a_reason(catalogue):
    record_id = _new(catalogue, "2004.12.3", register_date="2004-05-01")
    with pytest.raises(CatalogueError, match="reason"):
        catalogue.rectify(record_id, "register_date", "2004-05-02", "")
    assert catalogue.rectify(record_id, "register_date", "2004-05-02", "erreur") == \
        Changes.of(changed=[record_id])
    assert catalogue.load(record_id)["register_date"] == "2004-05-02"


def test_a_batch_edit_names_the_records_it_changed_and_undoes_exactly_those(catalogue):
    ids = [_new(catalogue, "2004.12.1", designation="coiffe"),
           _new(catalogue, "2004.12.2", designation="bonnet")]
    done = catalogue.batch_edit(ids, "designation", "set", "coiffe")
    assert done.changed == {ids[1]}
    undone = catalogue.undo_batch(done.result)
    assert (undone.changed, undone.result) == ({ids[1]}, [])
    assert catalogue.load(ids[1])["designation"] == "bonnet"


def test_tagging_changes_records_and_the_theme_counts_and_undoes(catalogue):
    ids = [_new(catalogue, "2004.12.1"), _new(catalogue, "2004.12.2")]
    theme = catalogue.theme_tree()[0].id
    tagged = catalogue.tag(ids, theme)
    assert (tagged.changed, tagged.themes) == (set(ids), True)
    assert catalogue.theme_tree()[0].count == 2
    untagged = catalogue.undo_tagging(tagged.result)
    assert untagged.changed == set(ids)
    assert catalogue.load(ids[0])["themes"] == []


def test_a_new_local_theme_and_term_change_no_record(catalogue):
    theme = catalogue.add_local_theme("Costumes de scène")
    assert (theme.themes, theme.list_changed) == (True, False)
    terms = catalogue.add_terms("designation", ["cornette"])
    assert terms.vocabulary and [t.label for t in terms.result] == ["cornette"]
    assert "cornette" in [t.label for t in catalogue.suggest_terms("designation", "corn", 5)]


def test_a_sync_may_have_changed_anything(catalogue):
    everything = Changes.everything()
    assert everything.list_changed and everything.count_changed and everything.themes
    assert everything.touches("any-record") and everything.sync_status
