"""The three-way merge rules on their own (design.md §7), without a server."""

from __future__ import annotations

from catalogue_app.sync.merge import merge_records

BASE = {"title": "Coiffe", "dating": "", "themes": ["a"],
        "images": [{"sha256": "1" * 64, "caption": ""}]}


def test_one_sided_changes_are_taken_and_identical_ones_are_not_conflicts():
    local = {**BASE, "title": "Coiffe de Caen", "dating": "1900"}
    server = {**BASE, "dating": "1900"}
    merge = merge_records(BASE, local, server)
    assert merge.conflicts == []
    assert (merge.fields["title"], merge.fields["dating"]) == ("Coiffe de Caen", "1900")


def test_the_same_field_changed_differently_is_a_conflict_keeping_this_desks_value():
    merge = merge_records(BASE, {**BASE, "title": "A"}, {**BASE, "title": "B"})
    assert merge.conflicts == ["title"]
    assert merge.fields["title"] == "A"


def test_images_and_themes_added_on_either_side_are_all_kept():
    image = {"sha256": "2" * 64, "caption": "verso"}
    other = {"sha256": "3" * 64, "caption": "uv"}
    local = {**BASE, "themes": ["a", "b"], "images": [*BASE["images"], image]}
    server = {**BASE, "themes": ["a", "c"], "images": [*BASE["images"], other]}
    merge = merge_records(BASE, local, server)
    assert merge.conflicts == []
    assert merge.fields["themes"] == ["a", "b", "c"]
    assert [i["sha256"] for i in merge.fields["images"]] == ["1" * 64, "2" * 64, "3" * 64]


def test_a_record_made_on_two_desks_merges_against_an_empty_base():
    local = {"inventory_number": "1", "title": "Vase", "dating": ""}
    server = {"inventory_number": "1", "title": "", "dating": "XIXe"}
    merge = merge_records({}, local, server)
    assert merge.conflicts == []
    assert (merge.fields["title"], merge.fields["dating"]) == ("Vase", "XIXe")


def test_fields_this_version_does_not_know_are_kept():
    server = {**BASE, "future_field": {"x": 1}}
    assert merge_records(BASE, BASE, server).fields["future_field"] == {"x": 1}
