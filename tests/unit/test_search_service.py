"""Searching a real catalogue: what users find, in what order, and that the index follows
every kind of write."""

import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from catalogue_app.records import lifecycle
from catalogue_app.records.store import create_record, insert_records, update_record
from catalogue_app.search.index import rebuild
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.search.service import RANKED_LIMIT, list_ids, run, search
from db.local.models import Theme
from tests.support import run_cli


def _theme_id(catalogue, label_fr: str) -> str:
    with catalogue.reading() as session:
        return session.scalar(select(Theme.id).where(Theme.label_fr == label_fr))


def _numbers(catalogue, query: str, limit: int | None = 50) -> list[str]:
    with catalogue.reading() as session:
        ids = search(session, query, limit=limit).ids
    return _numbers_of(catalogue, ids)


def _numbers_of(catalogue, ids: list[str]) -> list[str]:
    with catalogue.reading() as session:
        return [session.execute(text("SELECT inventory_number FROM records WHERE id = :i"),
                                {"i": i}).scalar() for i in ids]


@pytest.fixture
def objects(catalogue):
    lace = _theme_id(catalogue, "Dentelle")
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "1978.3.2", "designation": "Plat",
                                "materials": ["Céramique"], "title": "Plat à barbe"}, "t")
        create_record(session, {"inventory_number": "1978.3.12", "designation": "Col",
                                "themes": [lace], "materials": ["lin"],
                                "authors": [{"name": "Lefébure, Auguste", "role": "maker"}],
                                "dating": "vers 1880", "public": True}, "t")
        create_record(session, {"inventory_number": "D.2004.1.1", "designation": "Coiffe",
                                "description": "Coiffe de Caen, l'église en broderie",
                                "dating": "1750"}, "t")
    return catalogue


def test_accents_and_case_are_ignored(objects):
    assert _numbers(objects, "ceramique") == ["1978.3.2"]
    assert _numbers(objects, "CÉRAMIQUE") == ["1978.3.2"]
    assert _numbers(objects, "Lefebure") == ["1978.3.12"]


@pytest.mark.parametrize("text", ['"', "*", "AND", "NEAR(", "-", "'", "O'Brien\"; --",
                                  "zz' OR 'zz'='zz", "é" * 10_240])
def test_awkward_input_gives_results_not_errors(objects, text):
    with objects.reading() as session:
        result = search(session, text)
    assert result.total in (0, 3)  # either nothing matches or, with no words, everything


def test_field_filters_restrict_the_search_to_their_field(objects):
    assert _numbers(objects, "material:lin") == ["1978.3.12"]
    assert _numbers(objects, "designation:coiffe") == ["D.2004.1.1"]
    assert _numbers(objects, "author:lefebure coiffe") == []
    assert _numbers(objects, "year:1850..1900") == ["1978.3.12"]
    assert _numbers(objects, "public:yes") == ["1978.3.12"]
    assert _numbers(objects, "public:no") == ["1978.3.2", "D.2004.1.1"]
    assert _numbers(objects, "has:image") == []


def test_phrase_prefix_exclusion_and_or(objects):
    assert _numbers(objects, '"coiffe de caen"') == ["D.2004.1.1"]
    assert _numbers(objects, '"caen de coiffe"') == []
    assert _numbers(objects, "cera*") == ["1978.3.2"]
    assert _numbers(objects, "-coiffe") == ["1978.3.2", "1978.3.12"]
    assert sorted(_numbers(objects, "plat OR col")) == ["1978.3.12", "1978.3.2"]


def test_theme_filter_includes_sub_themes(objects):
    assert _numbers(objects, "theme:dentelle") == ["1978.3.12"]
    assert _numbers(objects, "theme:textile") == ["1978.3.12"]  # Dentelle is under Textile
    assert _numbers(objects, "textile") == ["1978.3.12"]  # parent labels are searchable words


def test_exact_inventory_number_comes_first(objects):
    with objects.writing() as session:
        create_record(session, {"inventory_number": "1978.3.20",
                                "description": "voir 1978.3.2 et 1978.3.2 bis"}, "t")
    assert _numbers(objects, "1978.3.2")[0] == "1978.3.2"
    assert _numbers(objects, "d.2004.1.1") == ["D.2004.1.1"]


def test_the_exact_inventory_number_is_not_shown_past_the_filters(objects):
    with objects.reading() as session:
        shown = run(session, ListFilter("1978.3.12").query())
        hidden = run(session, ListFilter("1978.3.12", public=False).query())
    assert (shown.total, hidden.total, hidden.ids) == (1, 0, [])


def test_the_index_follows_updates_trash_and_deletion(objects):
    with objects.reading() as session:
        record_id = search(session, "ceramique").ids[0]
    with objects.writing() as session:
        update_record(session, record_id, {"materials": ["faïence"], "title": "Assiette"}, "t")
    assert _numbers(objects, "ceramique") == []
    assert _numbers(objects, "faience assiette") == ["1978.3.2"]
    with objects.writing() as session:
        lifecycle.trash_record(session, record_id, "t")
    assert _numbers(objects, "faience") == []
    with objects.writing() as session:
        session.execute(text("DELETE FROM records WHERE id = :i"), {"i": record_id})
        left = session.execute(text("SELECT count(*) FROM record_search")).scalar()
    assert left == 2


def test_a_curator_types_an_old_number_or_a_word_of_the_register_and_finds_the_object(
        objects):
    """Former numbers, a depositor's number and the Joconde reference are searched as numbers
    (`inv:` too); bibliography, exhibitions, ownership history and depositor as words."""
    with objects.writing() as session:
        create_record(session, {
            "inventory_number": "2001.17.1179", "designation": "Bonnet",
            "former_numbers": ["10288 (Ancien n° inventaire)", "D. 75.03.375"],
            "joconde_ref": "M0694000123", "domains": ["costume - accessoires du costume"],
            "bibliography": "Verdier, Les coiffes normandes, 1982",
            "exhibitions": "Dentelles d'Alençon, 1999", "ownership_history": "collection Pellerin",
        }, "t")
        create_record(session, {
            "inventory_number": "D.2010.1.1", "designation": "Fauteuil", "legal_status": "deposit",
            "depositor": "Mobilier national", "deposit_owner_number": "GME 1234"}, "t")
    for typed in ("10288", "D. 75.03.375", "inv:10288", "M0694000123", "Verdier", "Alençon",
                  "Pellerin", "accessoires du costume"):
        assert _numbers(objects, typed) == ["2001.17.1179"], typed
    for typed in ("GME 1234", "Mobilier national"):
        assert _numbers(objects, typed) == ["D.2010.1.1"], typed


def test_renaming_a_theme_reindexes_its_records(objects):
    with objects.writing() as session:
        session.get(Theme, _theme_id(objects, "Dentelle")).label_fr = "Passementerie fine"
    assert _numbers(objects, "passementerie") == ["1978.3.12"]


def _bulk(count: int, start: int = 0) -> list[dict]:
    return [{"inventory_number": f"2001.1.{n}", "designation": "Assiette" if n % 2 else "Bol",
             "materials": ["faïence", "émail"], "authors": [f"Faïencerie {n % 7}"]}
            for n in range(start, start + count)]


def test_bulk_insert_is_indexed_once_and_restores_the_triggers(catalogue):
    with catalogue.reading() as session:
        triggers = session.execute(text("SELECT name, sql FROM sqlite_master "
                                        "WHERE type = 'trigger' ORDER BY name")).all()
    with catalogue.writing() as session:
        insert_records(session, _bulk(300), "t")
    with catalogue.reading() as session:
        assert search(session, "faience bol").total == 150
        assert search(session, "faiencerie 3").total == 43
        assert session.execute(text("SELECT count(*) FROM search_pending")).scalar() == 0
        assert session.execute(text("SELECT name, sql FROM sqlite_master "
                                    "WHERE type = 'trigger' ORDER BY name")).all() == triggers
    with catalogue.writing() as session:  # values of an existing record: triggers work again
        record_id = search(session, "2001.1.1").ids[0]
        update_record(session, record_id, {"materials": ["porcelaine"]}, "t")
    assert _numbers(catalogue, "porcelaine") == ["2001.1.1"]


def test_a_refused_bulk_insert_leaves_index_and_triggers_as_they_were(catalogue):
    with catalogue.writing() as session:
        insert_records(session, _bulk(60), "t")
    with pytest.raises(OperationalError), catalogue.writing() as session:
        insert_records(session, _bulk(60, start=100), "t")
        session.execute(text("SELECT no_such_function()"))
    with catalogue.reading() as session:
        assert search(session, "faience").total == 60
    with catalogue.writing() as session:
        create_record(session, {"inventory_number": "X1", "materials": ["verre"]}, "t")
    assert _numbers(catalogue, "verre") == ["X1"]


def test_broad_searches_come_in_entry_order_narrow_ones_by_relevance(catalogue):
    with catalogue.writing() as session:
        insert_records(session, _bulk(RANKED_LIMIT + 10), "t")
        create_record(session, {"inventory_number": "Z9", "designation": "Bol à bol",
                                "title": "Bol", "description": "bol"}, "t")
    with catalogue.reading() as session:
        broad = search(session, "faience", limit=3)
        narrow = search(session, "bol", limit=3)
    assert broad.total == RANKED_LIMIT + 10 and not broad.ranked
    assert _numbers(catalogue, "faience", limit=3) == ["2001.1.0", "2001.1.1", "2001.1.2"]
    assert narrow.ranked and len(narrow.ids) == 3
    assert _numbers(catalogue, "bol", limit=1) == ["Z9"]
    with catalogue.reading() as session:  # the object list: the same order, or a column's
        assert list_ids(session, ListFilter("faience"), limit=3) == (broad.total, broad.ids)
        total, ids = list_ids(session, ListFilter("faience"), "designation", limit=3)
    assert total == broad.total
    assert _numbers_of(catalogue, ids) == ["2001.1.1", "2001.1.3", "2001.1.5"]  # Assiette


def test_rebuild_gives_the_same_answers(objects):
    with objects.writing() as session:
        rebuild(session)
    assert _numbers(objects, "ceramique") == ["1978.3.2"]
    assert _numbers(objects, "theme:textile lefebure") == ["1978.3.12"]


def test_search_command_prints_one_json_array_in_the_order_given(objects):
    result = run_cli("--catalogue", str(objects.directory), "search", "--json", "--limit", "1",
                     "--", "ceramique", "-coiffe", '"')
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert [a["query"] for a in answers] == ["ceramique", "-coiffe", '"']
    assert [a["total"] for a in answers] == [1, 2, 3]
    assert answers[0]["hits"] == [{"inventory_number": "1978.3.2", "designation": "Plat",
                                   "title": "Plat à barbe"}]
    assert all(isinstance(a["ms"], float | int) and a["ms"] >= 0 for a in answers)
    assert all(len(a["hits"]) == 1 for a in answers)
