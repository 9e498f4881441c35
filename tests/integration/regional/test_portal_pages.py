"""The portal's pages over real HTTP on both backends: what they show (only what is published,
counts that match what is listed), their languages, their caching, sitemap and robots."""

from __future__ import annotations

import contextlib
import html
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
from sqlalchemy import event, update
from sqlalchemy.engine import Engine

from catalogue_app.regional import portal_queries, shared
from catalogue_app.regional.portal import searches
from catalogue_app.regional.portal_queries import Query as SearchQuery
from catalogue_app.regional.theme_tree import theme_tree
from db.regional.models import Museum as MuseumRow
from tests.integration.conftest import RegionalServer
from tests.integration.regional.conftest import (
    COIFFES,
    RADIATION,
    SECRET,
    TEXTILE,
    THEMES,
    Collection,
    Museum,
    published,
    push_illustrated,
    push_ok,
    wait_for,
)

PAGES = ["/", "/recherche", "/recherche?q=coiffe", "/musees", "/musees/MA",
         f"/themes/{TEXTILE}", f"/themes/{COIFFES}", "/jeux", "/jeux/quel-objet", "/jeux/frise",
         "/mentions-legales", "/accessibilite"]


def never_shown(collection: Collection) -> list[str]:
    return [SECRET, "Réserve B", "1200 F", "Coiffe privée", "Coiffe radiée", "Coiffe jetée",
            collection.private["id"], collection.radiated["id"], collection.trashed["id"],
            collection.hidden_image]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_shows_what_is_not_published(
    collection: Collection, visitor: httpx.Client, path: str
) -> None:
    answer = visitor.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    for secret in never_shown(collection):
        assert secret not in answer.text, (path, secret)


def test_the_object_page_shows_the_public_fields_the_image_credit_and_json_ld(
    collection: Collection, visitor: httpx.Client
) -> None:
    record_id = collection.public["id"]
    wait_for(lambda: "/web.jpg" in visitor.get(f"/objets/{record_id}").text, "the web image")
    page = visitor.get(f"/objets/{record_id}").text
    assert "<h1>Bonnet brodé d&#39;Étretat</h1>" in page
    assert "lin ; dentelle" in page and "vers 1890" in page
    assert "© Musée A" in page and "CC BY" in page
    assert f'href="/themes/{COIFFES}">Coiffes</a>' in page
    assert 'property="og:image"' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page,
                                re.S).group(1))
    assert data["@type"] == "VisualArtwork" and data["identifier"] == "1995.3.1"
    assert data["url"].endswith(f"/objets/{record_id}")
    for secret in never_shown(collection):
        assert secret not in page


@pytest.mark.parametrize("which", ["private", "radiated", "trashed"])
def test_an_unpublished_object_page_is_a_404_page(
    collection: Collection, visitor: httpx.Client, which: str
) -> None:
    answer = visitor.get(f"/objets/{getattr(collection, which)['id']}")
    assert answer.status_code == 404
    assert "Page introuvable" in answer.text
    assert visitor.get("/objets/not-a-uuid").status_code == 404
    assert visitor.get("/musees/NOPE").status_code == 404
    assert visitor.get("/themes/00000000-0000-4000-8000-000000000000").status_code == 404


def test_counts_on_the_home_page_match_the_theme_and_museum_pages(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    push_ok(museum_a.editor, [published(f"2020.{n}", designation="Coiffe de fête",
                                        themes=[COIFFES, TEXTILE]) for n in range(3)])
    home = visitor.get("/").text
    assert re.search(r"Textile</h3>\s*</a>\s*<p class=\"card-meta\">4 objets", home)
    theme = visitor.get(f"/themes/{TEXTILE}").text
    assert "<p>4 objets</p>" in theme
    assert theme.count('class="card"') == 4 + 1  # four objects and the Coiffes sub-theme
    museum = visitor.get("/musees/MA").text
    assert "4 objets publiés" in museum
    search = visitor.get("/recherche", params={"theme": TEXTILE}).text
    assert "4 objets trouvés" in search and search.count('class="card"') == 4


def test_facets_count_what_the_search_finds_and_filter_it(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    push_ok(museum_a.editor, [published("2020.9", designation="Assiette", date_earliest=1750)])
    page = visitor.get("/recherche").text
    assert "2 objets trouvés" in page
    assert re.search(r">XIXe siècle</a> <span class=\"count\">1</span>", page)
    assert re.search(r">XVIIIe siècle</a> <span class=\"count\">1</span>", page)
    filtered = visitor.get("/recherche", params={"siecle": "18"}).text
    assert "1 objet trouvé" in filtered and "Assiette" in filtered
    assert "Bonnet brodé" not in filtered


def test_search_pages_paginate_and_odd_input_never_errors(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    push_ok(museum_a.editor, [published(f"2021.{n}", designation="Coiffe") for n in range(30)])
    first = visitor.get("/recherche", params={"q": "coiffe"}).text
    assert "31 objets trouvés" in first and "Page 1 sur 2" in first
    second = visitor.get("/recherche", params={"q": "coiffe", "page": 2}).text
    assert second.count('class="card"') == 31 - 24
    for odd in ({"page": "0"}, {"page": "99999"}, {"siecle": "abc"}, {"theme": "x"},
                {"musee": "NOPE"}, {"q": "\"*("}, {"q": "coiffe\x00"}, {"musee": "MA\x00"},
                {"designation": "Coiffe\x00"}, {"q": "coiffe", "designation": "\x00"}):
        assert visitor.get("/recherche", params=odd).status_code in (200, 422), odd
    # A NUL character cannot be stored, so no museum, theme or object is named by one.
    for path in ("/musees/MA%00", "/themes/%00", "/objets/%00", "/api/public/v1/objects/%00",
                 "/iiif/collection/museum/MA%00"):
        assert visitor.get(path).status_code == 404, path
    for query in ({"q": "coiffe\x00"}, {"q": "coiffe", "museum": "MA\x00"}):
        refused = visitor.get("/api/public/v1/search", params=query)
        assert refused.status_code == 422 and "NUL" in refused.json()["error"], query


def test_a_kept_search_never_shows_a_record_once_a_push_unpublished_it(
    regional_server: RegionalServer, collection: Collection, museum_a: Museum,
    visitor: httpx.Client
) -> None:
    """The portal keeps a search's facets and results until its version changes (site.py).
    The unpublishing push must change it even when the latest push time does not move: here
    another museum's push carries a later time, as when two pushes commit in the other order
    than they started."""
    regional_server.add_museum("MB")
    with regional_server.database.write_session() as session:
        session.execute(update(MuseumRow).where(MuseumRow.code == "MB")
                        .values(published_at="2999-01-01T00:00:00.000+00:00"))
    record = collection.public
    for _ in range(2):  # the second answer is the kept one
        answer = visitor.get("/recherche", params={"q": "coiffe"})
        assert record["id"] in answer.text and "1 objet trouvé" in answer.text
    unpublished = {**record, "base_version": 1, "fields": {**record["fields"], "public": False}}
    assert push_ok(museum_a.editor, [unpublished])[0]["status"] == "ok"
    # Neither the browser's copy (its ETag) nor the portal's is the current one any more.
    assert visitor.get("/recherche", params={"q": "coiffe"},
                       headers={"If-None-Match": answer.headers["etag"]}).status_code == 200
    page = visitor.get("/recherche", params={"q": "coiffe"}).text
    assert record["id"] not in page and "Bonnet brodé" not in page
    assert "Aucun objet publié" in page
    assert record["id"] not in visitor.get("/recherche", params={"q": "coiffe", "page": 1}).text


def facet_links(page: str) -> dict[str, int]:
    """A search page's facet links (address -> the count shown beside it)."""
    return {html.unescape(href): int(count) for href, count in re.findall(
        r'<a href="(/recherche\?[^"]+)">[^<]*</a> <span class="count">(\d+)</span>', page)}


def found(page: str) -> int:
    return int(re.search(r"(\d+) objets? trouvés?", page).group(1))


def test_kept_counts_follow_every_push_and_match_what_each_facet_finds(
    collection: Collection, museum_a: Museum, museum_b: Museum, visitor: httpx.Client
) -> None:
    """The facets of all the objects and of a museum's are counts each push moves
    (portal_index.py), the others are counted: after pushes that publish, change what is
    counted or not, unpublish, radiate and delete, every count shown is what its filter finds."""
    dishes = [published(f"2040.{n}", designation="Assiette" if n % 2 else "Bol",
                        date_earliest=1700 + 50 * n, themes=[TEXTILE]) for n in range(6)]
    push_ok(museum_a.editor, dishes)
    other = published("B.1", designation="Assiette", date_earliest=1820)
    push_ok(museum_b.editor, [other])

    def counts_match(total: int, in_a: int) -> None:
        for path, expected in (("/recherche", total), ("/recherche?musee=MA", in_a),
                               ("/recherche?musee=MB", total - in_a)):
            page = visitor.get(path).text
            assert found(page) == expected, path
            links = facet_links(page)
            assert bool(links) == bool(expected), path
            for link, count in links.items():
                assert found(visitor.get(link).text) == count, (path, link)
        museums = {link: count for link, count in facet_links(visitor.get("/recherche").text)
                   .items() if "musee=" in link}
        assert sum(museums.values()) == total
        assert f"{in_a} objets publiés" in visitor.get("/musees/MA").text

    counts_match(8, 7)  # the collection's one public record, six dishes, one in MB
    changed = [
        {**dishes[0], "base_version": 1, "fields": {**dishes[0]["fields"], "public": False}},
        {**dishes[1], "base_version": 1, "fields": {**dishes[1]["fields"], **RADIATION}},
        {**dishes[2], "base_version": 1, "fields": {**dishes[2]["fields"],
                                                    "designation": "Cruche"}},
        {**dishes[3], "base_version": 1, "fields": {**dishes[3]["fields"],
                                                    "date_earliest": 1990}},
        {**dishes[4], "base_version": 1, "fields": {**dishes[4]["fields"], "title": "Bol fin"}},
        {**dishes[5], "base_version": 1, "deleted": True},
    ]
    assert [r["status"] for r in push_ok(museum_a.editor, changed)] == ["ok"] * 6
    counts_match(5, 4)
    shown = facet_links(visitor.get("/recherche").text)
    assert {link: count for link, count in shown.items() if "designation=" in link} == {
        "/recherche?designation=Assiette": 2, "/recherche?designation=Bol": 1,
        "/recherche?designation=Cruche": 1, "/recherche?designation=Coiffe+de+dentelle": 1}
    assert shown["/recherche?siecle=20"] == 1 and "/recherche?siecle=17" not in shown
    push_ok(museum_b.editor, [{**other, "base_version": 1,
                               "fields": {**other["fields"], "public": False}}])
    assert visitor.get("/musees/MB").status_code == 404
    assert not any("musee=MB" in link for link in facet_links(visitor.get("/recherche").text))
    counts_match(4, 4)


def faience(visitor: httpx.Client) -> str:
    return visitor.get("/recherche", params={"q": "faience"}).text


def facet_counts_match(visitor: httpx.Client, page: str, total: int, in_a: int
                       ) -> dict[str, int]:
    """A search's `page` finds `total` objects, `in_a` of them in museum MA and the others in
    MB, and each of its facet links finds the count shown beside it: the links."""
    assert found(page) == total
    links = facet_links(page)
    for link, count in links.items():
        assert found(visitor.get(link).text) == count, link
    museums = {link.rsplit("musee=", 1)[1]: count for link, count in links.items()
               if "musee=" in link}
    assert museums == {"MA": in_a, "MB": total - in_a}
    return links


def test_a_word_searchs_counts_follow_the_pushes_of_each_museum(
    museum_a: Museum, museum_b: Museum, visitor: httpx.Client
) -> None:
    """A search's counts are kept per museum (portal/searches.py) and only the pushing
    museum's are counted again: after each museum's pushes, every count shown for a word is
    what its link finds."""
    plates = [published(f"2050.{n}", designation="Assiette" if n % 2 else "Plat",
                        date_earliest=1700 + 60 * n, title=f"Faïence {n}") for n in range(4)]
    others = [published(f"B.5{n}", designation="Assiette", date_earliest=1850,
                        title=f"Faïence B{n}") for n in range(2)]
    push_ok(museum_a.editor, plates)
    push_ok(museum_b.editor, others)

    def faience_counts(total: int, in_a: int) -> dict[str, int]:
        return facet_counts_match(visitor, faience(visitor), total, in_a)

    faience_counts(6, 4)
    changed = [{**plates[0], "base_version": 1, "fields": {**plates[0]["fields"], "public": False}},
               {**plates[1], "base_version": 1, "fields": {**plates[1]["fields"],
                                                          "designation": "Cruche"}},
               published("2050.9", designation="Plat", title="Faïence neuve")]
    assert [r["status"] for r in push_ok(museum_a.editor, changed)] == ["ok"] * 3
    links = faience_counts(6, 4)
    assert [count for link, count in links.items() if "designation=Cruche" in link] == [1]
    push_ok(museum_b.editor, [{**others[0], "base_version": 1,
                               "fields": {**others[0]["fields"], **RADIATION}}])
    faience_counts(5, 4)


def test_a_museum_that_only_adds_objects_has_its_counts_moved_by_the_new_ones(
    regional_server: RegionalServer, museum_a: Museum, museum_b: Museum, visitor: httpx.Client
) -> None:
    """While a museum only adds objects, a word's counts kept for it move by the matches among
    its new rows (portal/searches.py); once a push replaces or withdraws some, it is counted
    again in full, then moves by its new rows again. Every count shown stays what its link
    finds."""
    regional_server.portal.refresh = 0  # network-wide pages show every push at once
    serial = iter(range(100))

    def faiences(count: int, designation: str = "Assiette") -> list[dict]:
        return [published(f"2055.{next(serial)}", designation=designation,
                          date_earliest=1700 + 10 * count, title="Faïence fine")
                for _ in range(count)]

    def counts_match(total: int, in_a: int) -> tuple[dict[str, int], list[str]]:
        """The word's page and links agree; the statements that counted its matches."""
        with statements_from_requests() as sent:
            page = faience(visitor)
        counting = [s for s in sent if "GROUPING" in s or "UNION ALL" in s]
        return facet_counts_match(visitor, page, total, in_a), counting

    first = faiences(3)
    push_ok(museum_a.editor, first)
    push_ok(museum_b.editor, faiences(1))
    counts_match(4, 3)
    push_ok(museum_a.editor, faiences(2, "Plat") + [published("2055.99", title="Bol uni")])
    _, counting = counts_match(6, 5)
    assert counting and all("change_seq >" in s for s in counting)
    push_ok(museum_a.editor, faiences(1))
    counts_match(7, 6)
    push_ok(museum_a.editor, [{**first[0], "base_version": 1,
                               "fields": {**first[0]["fields"], "designation": "Cruche"}},
                              *faiences(1)])
    _, counting = counts_match(8, 7)
    assert counting and not any("change_seq >" in s for s in counting)
    push_ok(museum_a.editor, [{**first[1], "base_version": 1,
                               "fields": {**first[1]["fields"], "public": False}}])
    counts_match(7, 6)
    push_ok(museum_a.editor, faiences(2, "Cruche"))
    links, _ = counts_match(9, 8)
    assert [count for link, count in links.items() if "designation=Cruche" in link] == [3]


def test_a_removal_between_the_versions_and_the_count_is_counted_in_full(
    regional_server: RegionalServer, museum_a: Museum, museum_b: Museum
) -> None:
    """The portal reads the versions, then counts the stale museums' new rows; a push that
    removes rows of that museum in between is seen by the counting statement itself, and the
    museum is counted again in full rather than moved by its new rows."""
    plates = [published(f"2056.{n}", designation="Assiette", title="Faïence fine")
              for n in range(3)]
    push_ok(museum_a.editor, plates)
    push_ok(museum_b.editor, [published("B.56", title="Faïence fine")])
    portal, query = regional_server.portal, SearchQuery("faience")
    with portal.read() as session:
        tree = theme_tree(session)
        kept = searches._mended(session, query, tree, portal_queries.versions(session), None)
    push_ok(museum_a.editor, [published("2056.9", title="Faïence neuve")])
    with portal.read() as session:
        versions = portal_queries.versions(session)
    push_ok(museum_a.editor, [{**plates[0], "base_version": 1,
                               "fields": {**plates[0]["fields"], "public": False}}])
    with portal.read() as session:
        mended = searches._mended(session, query, tree, versions, kept)
    assert mended[versions.codes["MA"]].counts["total"] == {"": 3}
    assert mended[versions.codes["MB"]] == kept[versions.codes["MB"]]


def test_a_push_changes_the_pages_of_its_own_museum_only(
    collection: Collection, museum_a: Museum, museum_b: Museum, visitor: httpx.Client
) -> None:
    """Another museum's object, collection and searches within it stay the browser's (and
    the portal's) copy while a museum pushes; its own pages and the searches of all change."""
    other = published("B.9", designation="Assiette")
    push_ok(museum_b.editor, [other])
    paths = [f"/objets/{collection.public['id']}", f"/objets/{other['id']}", "/musees/MA",
             "/musees/MB", "/recherche?musee=MB", "/recherche?q=assiette", "/"]
    tags = {path: visitor.get(path).headers["etag"] for path in paths}
    push_ok(museum_a.editor, [published("2060.1", designation="Assiette")])
    assert {path: visitor.get(path, headers={"If-None-Match": tag}).status_code
            for path, tag in tags.items()} == {
        paths[0]: 200, paths[1]: 304, "/musees/MA": 200, "/musees/MB": 304,
        "/recherche?musee=MB": 304, "/recherche?q=assiette": 200, "/": 200}
    push_ok(museum_b.editor, [{**other, "base_version": 1,
                               "fields": {**other["fields"], "public": False}}])
    assert visitor.get(f"/objets/{other['id']}").status_code == 404
    assert visitor.get(f"/objets/{other['id']}",
                       headers={"If-None-Match": tags[paths[1]]}).status_code == 404


def test_network_wide_pages_follow_pushes_within_the_refresh_but_withdrawals_at_once(
    regional_server: RegionalServer, collection: Collection, museum_a: Museum,
    visitor: httpx.Client
) -> None:
    """While museums push, the pages of the whole network are made again at most every few
    seconds (Site.network), the pushing museum's own pages at once; a record leaving the
    portal leaves every page at once."""
    regional_server.portal.refresh = 3600
    assert "oiseaux" not in visitor.get("/recherche").text
    first = published("2070.1", designation="Assiette", title="Assiette aux oiseaux")
    push_ok(museum_a.editor, [first])
    # The first change after a quiet spell (here, since the server started) shows at once.
    for path in ("/recherche?q=oiseaux", "/recherche"):
        assert "Assiette aux oiseaux" in visitor.get(path).text, path
    second = published("2070.2", designation="Assiette", title="Assiette aux oiseaux bleus")
    push_ok(museum_a.editor, [second])
    for path in ("/recherche?q=oiseaux", "/recherche"):  # as kept before the push
        page = visitor.get(path).text
        assert "Assiette aux oiseaux<" in page and "oiseaux bleus" not in page, path
    # Its own museum's pages and its object page show it at once.
    assert "oiseaux bleus" in visitor.get("/recherche",
                                          params={"q": "oiseaux", "musee": "MA"}).text
    assert visitor.get(f"/objets/{second['id']}").status_code == 200
    # A record made private leaves the network's pages at once, refresh or not.
    private = {**first, "base_version": 1, "fields": {**first["fields"], "public": False}}
    push_ok(museum_a.editor, [private])
    for path in ("/recherche?q=oiseaux", "/recherche"):
        assert "Assiette aux oiseaux<" not in visitor.get(path).text, path
    assert "oiseaux bleus" in visitor.get("/recherche", params={"q": "oiseaux"}).text
    # Once the refresh has passed, what was pushed meanwhile shows.
    third = published("2070.3", designation="Assiette", title="Assiette aux oiseaux verts")
    push_ok(museum_a.editor, [third])
    assert "oiseaux verts" not in visitor.get("/recherche", params={"q": "oiseaux"}).text
    regional_server.portal.refresh = 0.2
    wait_for(lambda: "oiseaux verts" in visitor.get("/recherche", params={"q": "oiseaux"}).text,
             "the refresh")


def test_visits_to_kept_pages_send_no_statement_and_another_process_s_writes_show_soon(
    regional_server: RegionalServer, collection: Collection, museum_a: Museum,
    visitor: httpx.Client, tmp_path: Path
) -> None:
    """The portal reads the versions of what it shows again only after a moment (Site.versions)
    or at once after a write of its own process: a crowd's visits to kept pages cost the
    database nothing, a push through this server shows at once, and what another process
    commits (an administrator's theme import) shows once the moment has passed."""
    regional_server.portal.versions_kept = 3600
    paths = ["/", "/recherche?q=coiffe", "/musees/MA", f"/themes/{TEXTILE}",
             f"/objets/{collection.public['id']}"]
    for path in paths:  # made and kept
        assert visitor.get(path).status_code == 200, path
    with statements_from_requests() as sent:
        for path in paths * 3:
            assert visitor.get(path).status_code == 200, path
    assert sent == []

    record = published("2080.1", designation="Assiette", title="Assiette aux hirondelles")
    push_ok(museum_a.editor, [record])
    assert visitor.get(f"/objets/{record['id']}").status_code == 200
    assert "hirondelles" in visitor.get("/recherche", params={"q": "hirondelles",
                                                              "musee": "MA"}).text
    push_ok(museum_a.editor, [{**record, "base_version": 1,
                               "fields": {**record["fields"], "public": False}}])
    assert visitor.get(f"/objets/{record['id']}").status_code == 404

    renamed = tmp_path / "themes.json"
    renamed.write_text(json.dumps({**THEMES, "themes": [{**THEMES["themes"][0], "children": [
        {**THEMES["themes"][0]["children"][0], "label_fr": "Coiffes normandes"}]}]}))
    config = regional_server.config
    imported = subprocess.run(
        [sys.executable, "-m", "catalogue_app.regional.cli", "--db", config.db_url,
         "--blobs", str(config.blobs), "themes", "import", str(renamed)],
        capture_output=True, text=True, timeout=120)
    assert imported.returncode == 0, imported.stderr
    regional_server.portal.versions_kept = 0.2
    wait_for(lambda: "Coiffes normandes" in visitor.get(f"/themes/{TEXTILE}").text,
             "another process's theme import", seconds=5)


@contextlib.contextmanager
def statements_from_requests() -> Iterator[list[str]]:
    """The SQL statements this process sends while the block runs, but the background
    threads' (the OAI keeper's, the derivative worker's: regional/background.py)."""
    sent: list[str] = []

    def note(conn, cursor, statement, *args) -> None:
        if threading.current_thread().name not in ("oai-keeper", "derivatives"):
            sent.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def test_the_theme_facet_and_cards_follow_a_new_theme_tree(
    regional_server: RegionalServer, collection: Collection, visitor: httpx.Client
) -> None:
    """Objects are counted under their root themes, named when pushed: a new tree (Coiffes
    moved out of Textile) names them again."""
    assert facet_links(visitor.get("/recherche").text)[f"/recherche?theme={TEXTILE}"] == 1
    with regional_server.database.write_session() as session:
        shared.import_themes(session, {**THEMES, "themes": [
            {**THEMES["themes"][0], "children": []},
            {**THEMES["themes"][0]["children"][0], "children": []}]}, "themes")
    links = facet_links(visitor.get("/recherche").text)
    assert links[f"/recherche?theme={COIFFES}"] == 1
    assert f"/recherche?theme={TEXTILE}" not in links
    for link, count in links.items():
        assert found(visitor.get(link).text) == count, link
    home = visitor.get("/").text
    assert re.search(r"Coiffes</h3>\s*</a>\s*<p class=\"card-meta\">1 objet", home)
    assert "Textile</h3>" not in home


def test_english_with_lang_en_and_links_keep_the_language(
    collection: Collection, visitor: httpx.Client
) -> None:
    page = visitor.get("/", params={"lang": "en"}).text
    assert '<html lang="en">' in page
    assert "Thematic collections" in page and "Collections thématiques" not in page
    assert f'href="/themes/{TEXTILE}?lang=en"' in page
    assert "Textiles" in page  # the theme's English label
    french = visitor.get("/").text
    assert '<html lang="fr">' in french and "Collections thématiques" in french
    assert 'href="/?lang=en"' in french


def test_pages_carry_validators_and_answer_304_until_a_push(
    collection: Collection, museum_a: Museum, visitor: httpx.Client
) -> None:
    first = visitor.get("/musees/MA")
    assert "max-age" in first.headers["cache-control"] and "last-modified" in first.headers
    assert first.headers["content-encoding"] == "gzip"
    tag = first.headers["etag"]
    assert visitor.get("/musees/MA", headers={"If-None-Match": tag}).status_code == 304
    push_ok(museum_a.editor, [published("2022.1", designation="Bonnet")])
    assert visitor.get("/musees/MA", headers={"If-None-Match": tag}).status_code == 200


def test_the_sync_api_is_never_compressed(
    regional_server: RegionalServer, museum_a: Museum
) -> None:
    push_ok(museum_a.editor, [published(f"2023.{n}", designation="x" * 200) for n in range(20)])
    answer = museum_a.editor.get("/api/v1/changes", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200 and "content-encoding" not in answer.headers


def test_a_museum_admin_writes_the_museum_presentation(
    regional_server: RegionalServer, collection: Collection, visitor: httpx.Client
) -> None:
    with regional_server.client(regional_server.token("MA", "chief", "admin")) as chief:
        answer = chief.put("/api/v1/museum/page", json={
            "town": "Étretat", "presentation": "Un musée de la mer.\n\nOuvert tous les jours."})
        assert answer.status_code == 200
    page = visitor.get("/musees/MA").text
    assert "Étretat" in page and "<p>Un musée de la mer.</p>" in page
    with regional_server.client(regional_server.token("MA", "clerk", "editor")) as clerk:
        assert clerk.put("/api/v1/museum/page", json={"town": "X"}).status_code == 403


def test_sitemaps_list_the_published_objects_and_robots_points_to_them(
    collection: Collection, visitor: httpx.Client
) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ElementTree.fromstring(visitor.get("/sitemap.xml").content)
    files = [httpx.URL(loc.text).path for loc in index.findall("s:sitemap/s:loc", ns)]
    assert files == ["/sitemap-pages.xml", "/sitemap-objets-1.xml"]
    objects = ElementTree.fromstring(visitor.get("/sitemap-objets-1.xml").content)
    listed = [loc.text for loc in objects.findall("s:url/s:loc", ns)]
    assert [httpx.URL(u).path for u in listed] == [f"/objets/{collection.public['id']}"]
    pages = visitor.get("/sitemap-pages.xml").text
    assert "/musees/MA" in pages and f"/themes/{COIFFES}" in pages
    assert visitor.get("/sitemap-objets-2.xml").status_code == 404
    robots = visitor.get("/robots.txt").text
    assert "Sitemap: http" in robots and "/sitemap.xml" in robots


def test_the_games_draw_only_published_illustrated_objects(
    collection: Collection, museum_a: Museum, visitor: httpx.Client, tmp_path
) -> None:
    assert "pas encore publié assez" in visitor.get("/jeux/quel-objet").text
    push_illustrated(museum_a, tmp_path, 6)
    wait_for(lambda: "Objet" in visitor.get("/jeux/frise").text, "illustrated objects")
    guess = visitor.get("/jeux/quel-objet")
    assert guess.headers["cache-control"] == "no-store"
    object_id = re.search(r'name="objet" value="([^"]+)"', guess.text).group(1)
    choices = re.findall(r'name="choix" value="([^"]+)"', guess.text)
    assert len(set(choices)) == 4
    right = visitor.get(f"/api/public/v1/objects/{object_id}").json()["fields"]["designation"]
    won = visitor.get("/jeux/quel-objet", params=[("objet", object_id), ("reponse", right),
                                                  ("score", "0"), ("tours", "0")]
                      + [("choix", c) for c in choices]).text
    assert "Bravo" in won and "Score : 1 sur 1" in won
    timeline = visitor.get("/jeux/frise").text
    ids = re.findall(r'name="objets" value="([^"]+)"', timeline)
    years = {i: visitor.get(f"/api/public/v1/objects/{i}").json()["fields"]["date_earliest"]
             for i in ids}
    ranks = [sorted(years.values()).index(years[i]) + 1 for i in ids]
    checked = visitor.get("/jeux/frise", params=[("objets", i) for i in ids]
                          + [("rang", str(r)) for r in ranks]).text
    assert "Bravo" in checked
    for secret in never_shown(collection):
        assert secret not in guess.text + timeline


def test_a_theme_card_keeps_its_image_only_while_that_object_is_published(
    regional_server: RegionalServer, museum_a: Museum, visitor: httpx.Client, tmp_path
) -> None:
    """The home page is made again after every push and its theme cards keep their images
    (portal_queries.root_cards): never one of an object since unpublished."""
    with regional_server.database.write_session() as session:
        shared.import_themes(session, THEMES, "themes")
    records = push_illustrated(museum_a, tmp_path, 2)
    push_ok(museum_a.editor, [{**r, "base_version": 1, "fields": {**r["fields"],
                                                                  "themes": [TEXTILE]}}
                              for r in records])

    def card_image() -> str | None:
        home = visitor.get("/").text
        cards = home[home.index('class="cards themes"'):]
        found = re.search(r'<img src="/images/([^/]+)/', cards[:cards.index("</ul>")])
        return found and found.group(1)

    wait_for(lambda: card_image() is not None, "the theme card's image")
    shown = next(r for r in records if r["id"] == card_image())
    other = next(r for r in records if r is not shown)
    push_ok(museum_a.editor, [published("2070.1", designation="Bol")])  # a push: home made again
    assert card_image() == shown["id"]
    push_ok(museum_a.editor, [{**shown, "base_version": 2,
                               "fields": {**shown["fields"], "themes": [TEXTILE],
                                          "public": False}}])
    assert card_image() == other["id"]
    assert shown["id"] not in visitor.get("/").text
