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


def _movement(entry_id: str, to: str, date: str = "2026-12-01") -> dict:
    return {"id": entry_id, "date": date, "from": "", "from_id": "", "to": to, "to_id": "",
            "reason": "storage", "user": "anne", "note": ""}


def test_entries_appended_on_two_desks_merge_by_union_of_ids_in_one_order_for_both():
    base = {**BASE, "movements": [_movement("m1", "Réserve A")]}
    local = {**base, "movements": [*base["movements"], _movement("m2", "Salle 3")]}
    server = {**base, "movements": [*base["movements"], _movement("m3", "Atelier")],
              "recolement_checks": [{"id": "c1", "result": "found"}]}
    here = merge_records(base, local, server)
    there = merge_records(base, server, {**local, "movements": here.fields["movements"]})
    assert here.conflicts == there.conflicts == []
    assert [m["id"] for m in here.fields["movements"]] == ["m1", "m3", "m2"]
    assert there.fields["movements"] == here.fields["movements"]
    assert here.fields["recolement_checks"] == [{"id": "c1", "result": "found"}]


def test_an_entry_removed_on_one_side_and_left_alone_on_the_other_is_removed():
    base = {**BASE, "condition_reports": [{"id": "r1", "state": "good"},
                                          {"id": "r2", "state": "poor"}]}
    local = {**base, "condition_reports": [{"id": "r1", "state": "good"}]}
    server = {**base, "condition_reports": [*base["condition_reports"],
                                            {"id": "r3", "state": "fair"}]}
    merged = merge_records(base, local, server).fields["condition_reports"]
    assert [r["id"] for r in merged] == ["r1", "r3"]


def test_an_entry_changed_on_both_desks_keeps_the_one_modified_last_on_both():
    loan = {"id": "l1", "direction": "out", "returned_on": "", "modified_at": "2026-12-01"}
    base = {**BASE, "loans": [loan]}
    returned = {**loan, "returned_on": "2026-12-02", "modified_at": "2026-12-02T10:00"}
    noted = {**loan, "note": "prolongé", "modified_at": "2026-12-02T09:00"}
    here = merge_records(base, {**base, "loans": [returned]}, {**base, "loans": [noted]})
    there = merge_records(base, {**base, "loans": [noted]}, {**base, "loans": [returned]})
    assert here.conflicts == there.conflicts == []
    assert here.fields["loans"] == there.fields["loans"] == [returned]
    one_side = merge_records(base, base, {**base, "loans": [noted]})
    assert one_side.fields["loans"] == [noted]


def test_a_list_that_is_not_of_entries_still_conflicts():
    base = {**BASE, "inscriptions": ["a"]}
    merge = merge_records(base, {**base, "inscriptions": ["b"]},
                          {**base, "inscriptions": ["c"]})
    assert merge.conflicts == ["inscriptions"]
