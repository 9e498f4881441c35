"""French ships with the app: every interface string has a French translation in the committed
catalogue, the compiled .qm matches it, and choosing French shows a French window."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.language import TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted((ROOT / "ui").rglob("*.py"))
TS_FILE = TRANSLATIONS_DIR / "catalogue_fr.ts"
QM_FILE = TRANSLATIONS_DIR / "catalogue_fr.qm"
QT_TOOLS = Path(sys.executable).parent
HOW_TO_FIX = "run scripts/update_translations.sh, translate the new entries, run it again"

Message = tuple[str, str, str]  # context, source, disambiguation comment


def messages(ts_file: Path, *, translated_only: bool = False) -> set[Message]:
    found = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translated_only and (translation.get("type") in ("unfinished", "obsolete",
                                                                 "vanished")
                                    or not (translation.text or "").strip()):
                continue
            found.add((name, message.findtext("source"), message.findtext("comment") or ""))
    return found


def listing(found: set[Message]) -> str:
    return "\n".join(f"  {context}: {source!r}" + (f" ({comment})" if comment else "")
                     for context, source, comment in sorted(found))


def test_every_interface_string_has_a_french_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([QT_TOOLS / "pyside6-lupdate", "-silent", *UI_SOURCES, "-ts", fresh],
                   check=True, capture_output=True)
    in_code = messages(fresh)
    assert len(in_code) > 100, "lupdate found almost no strings: is the ui/ path right?"
    untranslated = in_code - messages(TS_FILE, translated_only=True)
    stale = messages(TS_FILE) - in_code
    assert not untranslated, (f"strings without a French translation ({HOW_TO_FIX}):\n"
                              + listing(untranslated))
    assert not stale, f"catalogue_fr.ts holds strings the code no longer uses ({HOW_TO_FIX}):\n" \
        + listing(stale)


def unreadable_translate_calls(source_file: Path) -> list[str]:
    """tr()/translate() calls whose text lupdate cannot extract: a variable instead of a
    literal (the string never reaches the .ts), or translate aliased as a bare tr() (lupdate
    files it under the wrong context, so the French is never found at run time)."""
    found = []
    calls = [node for node in ast.walk(ast.parse(source_file.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call)]
    for node in sorted(calls, key=lambda call: call.lineno):
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        literal_count = {"tr": 1, "translate": 2}.get(name)
        if literal_count is None:
            continue
        texts = node.args[:literal_count]
        readable = len(texts) == literal_count and all(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in texts)
        if not readable or isinstance(node.func, ast.Name) and name == "tr":
            found.append(f"  {source_file.relative_to(ROOT)}:{node.lineno}: "
                         f"{ast.unparse(node)[:80]}")
    return found


def test_every_translated_call_passes_literal_text_lupdate_can_extract() -> None:
    found = [line for source in UI_SOURCES for line in unreadable_translate_calls(source)]
    assert not found, ("strings lupdate cannot extract stay in English in French; write "
                       "QCoreApplication.translate(\"Context\", \"text\") or self.tr(\"text\") "
                       "with literal text at each call (QT_TRANSLATE_NOOP for tables):\n"
                       + "\n".join(found))


def test_the_shipped_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    subprocess.run([QT_TOOLS / "pyside6-lrelease", "-silent", TS_FILE, "-qm", compiled],
                   check=True, capture_output=True)
    assert compiled.read_bytes() == QM_FILE.read_bytes(), \
        "catalogue_fr.qm is out of date: run scripts/update_translations.sh"


def test_choosing_french_shows_the_window_in_french(qtbot, catalogue, french) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(catalogue)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fiche", "É&dition", "&Images", "É&changes", "&Emplacements",
                     "Ré&colement", "&Synchronisation", "A&ffichage", "&Aide"]
    assert window.new_action.text() == "&Nouvelle fiche"
    assert window.form.section("physical").title() == "Description matérielle"
    assert window.count_label.text() == "0 fiches"
