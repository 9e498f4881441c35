"""What the portal keeps between requests (catalogue_app/regional/portal/site.py): one value per
name and portal version, made once however many requests want it at the same moment."""

from __future__ import annotations

import threading

from catalogue_app.regional.portal import site

REQUESTS = 8


def a_site() -> site.Site:
    return site.Site(None, None, "http://localhost:8000", None)  # kept() reads neither


def test_a_value_is_made_once_per_version_and_again_for_a_new_one() -> None:
    portal = a_site()
    made: list[str] = []

    def make(version: str) -> str:
        made.append(version)
        return f"counts of {version}"

    assert portal.kept("facets", "v1", lambda: make("v1")) == "counts of v1"
    assert portal.kept("facets", "v1", lambda: make("v1")) == "counts of v1"
    assert portal.kept("facets", "v2", lambda: make("v2")) == "counts of v2"
    assert made == ["v1", "v2"]


def test_requests_that_want_a_value_being_made_wait_for_it() -> None:
    """After a push every visitor of a page wants its new value at once: one request makes it,
    the others wait for it instead of counting the same matches again."""
    portal = a_site()
    arrived = threading.Semaphore(0)
    everyone = threading.Event()
    made: list[int] = []
    answers: list[str] = []

    def make() -> str:
        made.append(1)
        everyone.wait(30)
        return "counts"

    def visit() -> None:
        arrived.release()
        answers.append(portal.kept("facets", "v1", make))

    visitors = [threading.Thread(target=visit) for _ in range(REQUESTS)]
    for visitor in visitors:
        visitor.start()
    for _ in range(REQUESTS):
        arrived.acquire(timeout=30)
    everyone.set()
    for visitor in visitors:
        visitor.join(30)
    assert answers == ["counts"] * REQUESTS
    assert len(made) == 1


def test_the_least_recently_used_values_make_room(monkeypatch) -> None:
    monkeypatch.setattr(site, "KEPT_VALUES", 2)
    portal = a_site()
    made: list[str] = []

    def keep(name: str) -> None:
        portal.kept(name, "v1", lambda: made.append(name))

    keep("a")
    keep("b")
    keep("a")  # used again: "b" is now the least recent
    keep("c")
    keep("a")
    keep("b")
    assert made == ["a", "b", "c", "b"]


def test_a_revised_value_is_mended_from_what_was_kept() -> None:
    """A search's counts per museum: each request mends the kept value (the museums that
    pushed since), never starting again from nothing."""
    portal = a_site()
    seen: list[dict | None] = []

    def mend(kept: dict | None) -> dict:
        seen.append(kept)
        return {**(kept or {}), len(seen): "counted"}

    assert portal.revised("counts", mend) == {1: "counted"}
    assert portal.revised("counts", mend) == {1: "counted", 2: "counted"}
    assert seen == [None, {1: "counted"}]


def test_revised_counts_are_weighed_and_the_least_recently_used_make_room(monkeypatch) -> None:
    """A broad search's counts per museum weigh up to ~1 MB, a narrow one's a few kB: the
    counts kept are limited by how many they hold, not by how many searches."""
    monkeypatch.setattr(site, "REVISED_WEIGHT", 100)
    portal = a_site()
    seen: list[str] = []

    def counts(search: str, designations: int) -> None:
        def mend(kept: dict | None) -> dict:
            seen.append(f"{search} {'mended' if kept else 'counted'}")
            return {museum: ("v1", {"designation": [(str(d), 1) for d in range(designations)]})
                    for museum in (1, 2)}
        portal.revised(f"counts|{search}", mend, weigh=lambda parts: sum(
            1 + len(counted["designation"]) for _, counted in parts.values()))

    for search in ("coiffe", "bonnet", "dentelle"):
        counts(search, 10)  # 22 counts each
    counts("coiffe", 10)
    counts("assiette", 30)  # 62: bonnet and dentelle, the least recent, make room
    counts("coiffe", 10)
    counts("bonnet", 10)
    assert seen == ["coiffe counted", "bonnet counted", "dentelle counted", "coiffe mended",
                    "assiette counted", "coiffe mended", "bonnet counted"]
