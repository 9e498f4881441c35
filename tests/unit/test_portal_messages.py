"""The portal speaks French by default and English on request: every string of its templates
has a current French translation, compiled, and numbers and centuries read as each language
writes them."""

from __future__ import annotations

import importlib.util

import pytest
from babel.numbers import format_decimal

from catalogue_app.regional.portal import i18n
from tests.support import REPO


def test_every_portal_string_has_a_current_french_translation_compiled(capsys) -> None:
    spec = importlib.util.spec_from_file_location(
        "portal_messages", REPO / "scripts" / "portal_messages.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert tool.main(["--check"]) == 0, capsys.readouterr().err
    assert len(tool.extracted()) > 50


def test_the_french_catalogue_is_what_the_portal_reads() -> None:
    french = i18n.translations("fr")
    assert french.gettext("Thematic collections") == "Collections thématiques"
    assert french.ngettext("%(num)s object", "%(num)s objects", 2) == "%(num)s objets"
    assert i18n.translations("en").gettext("Thematic collections") == "Thematic collections"


@pytest.mark.parametrize(("century", "fr", "en"), [
    (19, "XIXe siècle", "19th century"), (1, "Ier siècle", "1st century"),
    (21, "XXIe siècle", "21st century"), (12, "XIIe siècle", "12th century"),
    (0, "Ier siècle av. J.-C.", "1st century BC"), (-2, "IIIe siècle av. J.-C.", "3rd century BC"),
])
def test_centuries_read_as_each_language_writes_them(century: int, fr: str, en: str) -> None:
    assert i18n.century(century, "fr") == fr
    assert i18n.century(century, "en") == en


def test_numbers_are_grouped_as_each_language_groups_them() -> None:
    assert i18n.number(70000, "fr") == "70\u202f000"
    assert i18n.number(70000, "en") == "70,000"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_numbers_are_written_as_babel_writes_them(lang: str) -> None:
    for value in (0, 7, 999, 1000, 12_345, 999_999, 1_234_567, -4321):
        assert i18n.number(value, lang) == format_decimal(value, locale=i18n.LOCALES[lang])
