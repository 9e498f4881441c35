"""Two versions of one museum document changed on two desks since the version both agreed
on (catalogue_app.sync.documents.merged), without a server."""

from __future__ import annotations

from catalogue_app.protocol import document_precedence
from catalogue_app.sync.documents import merged

T1, T2, T3 = (f"2026-12-03T08:0{n}:00.000+00:00" for n in (1, 2, 3))
AGREED = {"kind": "campaign", "id": "c", "modified_at": T1, "deleted": False,
          "body": {"name": "Récolement 2026", "plan": "", "unlisted_finds": [{"id": "f1"}]}}


def version(modified_at: str, deleted: bool = False, **body) -> dict:
    return {**AGREED, "modified_at": modified_at, "deleted": deleted,
            "body": {**AGREED["body"], **body}}


def test_keys_changed_on_one_side_each_are_both_kept_and_the_result_goes_out_later():
    mine = version(T3, plan="2026-2035")
    theirs = version(T2, name="Récolement des réserves")
    result = merged(AGREED, mine, theirs)
    assert result["body"] == {"name": "Récolement des réserves", "plan": "2026-2035",
                              "unlisted_finds": [{"id": "f1"}]}
    assert document_precedence(result) > document_precedence(theirs)


def test_finds_added_on_both_desks_are_all_kept():
    mine = version(T2, unlisted_finds=[{"id": "f1"}, {"id": "f2"}])
    theirs = version(T3, unlisted_finds=[{"id": "f1"}, {"id": "f3"}])
    assert merged(AGREED, mine, theirs)["body"]["unlisted_finds"] == [
        {"id": "f1"}, {"id": "f3"}, {"id": "f2"}]


def test_a_key_both_changed_takes_the_later_versions_value():
    earlier, later = version(T2, plan="A"), version(T3, plan="B")
    assert merged(AGREED, earlier, later) == later
    assert merged(AGREED, later, earlier) == later


def test_a_deletion_against_an_edit_is_decided_whole_by_time():
    deleted, edited = version(T3, deleted=True), version(T2, plan="2026-2035")
    assert merged(AGREED, deleted, edited) == deleted
    assert merged(AGREED, edited, version(T3, deleted=True))["deleted"] is True
    assert merged(AGREED, version(T3, plan="x"), version(T2, deleted=True))["body"]["plan"] \
        == "x"
