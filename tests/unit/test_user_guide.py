"""The French user guide (docs/guide): every chapter reachable from its contents, every link and
picture there, every picture made by scripts/screenshots.sh from a dialog the app can show."""

from __future__ import annotations

import re
import shlex

from tests.support import REPO

GUIDE = REPO / "docs" / "guide"
LINK = re.compile(r"!?\[[^\]]*\]\(([^)#]+)\)")


def _targets(page) -> list[str]:
    return LINK.findall(page.read_text(encoding="utf-8"))


def test_every_link_and_picture_of_the_guide_is_there_and_every_chapter_is_linked():
    pages = sorted(GUIDE.glob("*.md"))
    assert len(pages) >= 10
    linked = set()
    for page in pages:
        for target in _targets(page):
            if "://" in target:
                continue
            assert (GUIDE / target).is_file(), f"{page.name} links to missing {target}"
            linked.add(target)
    chapters = {page.name for page in pages} - {"README.md"}
    assert chapters <= linked, f"chapters no page links to: {chapters - linked}"
    pictures = {f"images/{p.name}" for p in (GUIDE / "images").glob("*.png")}
    assert pictures == {t for t in linked if t.startswith("images/")}, "unused pictures"


def test_the_guides_pictures_come_from_dialogs_the_app_can_show():
    from ui.screenshot import DIALOGS

    script = (REPO / "scripts" / "screenshots.sh").read_text(encoding="utf-8")
    names = shlex.split(re.search(r"for name in (.*?); do", script, re.DOTALL).group(1)
                        .replace("\\\n", " "))
    assert names and set(names) <= set(DIALOGS)
    pictures = {p.stem for p in (GUIDE / "images").glob("*.png")}
    assert pictures == {*names, "fenetre"}
