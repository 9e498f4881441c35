"""Every message the core gives a user has current French words (catalogue_app.messages,
scripts/messages.py): none missing, none left fuzzy after its English changed, the same
{placeholders} in both languages, and the compiled .mo the app reads says what the .po says."""

from __future__ import annotations

import importlib.util
import string

import pytest

from catalogue_app.messages import declare_everything
from tests.support import REPO


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("messages_tool", REPO / "scripts" / "messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_declared_message_has_a_current_french_translation(tool):
    translated = tool.entries(tool.read_catalog())
    problems = []
    for code, kind in sorted(declare_everything().items()):
        english, french, fuzzy = translated.get(code, ("", "", False))
        if not french:
            problems.append(f"{code}: no French (run scripts/messages.py, then translate)")
        elif english != kind.english or fuzzy:
            problems.append(f"{code}: the English changed since it was translated")
        elif _placeholders(french) != _placeholders(kind.english):
            problems.append(f"{code}: placeholders {sorted(_placeholders(french))} in French, "
                            f"{sorted(_placeholders(kind.english))} in English")
    assert not problems, "\n".join(problems)


def test_no_translation_is_kept_for_a_code_nobody_declares(tool):
    obsolete = set(tool.entries(tool.read_catalog())) - set(declare_everything())
    assert not obsolete, f"run scripts/messages.py to drop {sorted(obsolete)}"


def test_the_compiled_catalogue_says_what_the_po_says(tool):
    catalog = tool.read_catalog()
    assert tool.compiled_entries() == tool.expected_compiled(catalog), \
        "messages_fr.mo is stale: run scripts/messages.py"


def test_a_message_reads_in_french_and_in_english():
    from catalogue_app.documents.object_sheets import OBJECT_SHEETS
    from catalogue_app.documents.record_text import DEACCESSIONED_ON

    assert OBJECT_SHEETS().text("fr") == "Fiches d'objet"
    assert OBJECT_SHEETS().text("en") == "Object sheets"
    assert DEACCESSIONED_ON(date="2020-03-01", reason="vol").text("fr") == \
        "Radié le 2020-03-01 : vol"
