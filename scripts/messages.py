"""Keep the French words of the core's messages in step with the code (catalogue_app.messages).

    .venv/bin/python scripts/messages.py          update messages_fr.po, compile messages_fr.mo
    .venv/bin/python scripts/messages.py --check  exit 1 if either is out of date

Every module of catalogue_app and db is imported, so every declare() runs; then the .po gains
the new codes (empty, to translate), an entry whose English changed keeps its old French
marked fuzzy (the .mo leaves fuzzy entries out: the English shows until someone confirms),
and codes no module declares any more are dropped. The .mo is committed, like the Qt .qm, so
the app needs no build step; tests/unit/test_messages.py fails while anything is missing."""

from __future__ import annotations

import argparse
import gettext
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue_app.messages import TRANSLATIONS_DIR, declare_everything  # noqa: E402

LANGUAGE = "fr"
PO_FILE = TRANSLATIONS_DIR / f"messages_{LANGUAGE}.po"
MO_FILE = TRANSLATIONS_DIR / f"messages_{LANGUAGE}.mo"
# Fixed, so that the files change only when a message does.
_DATE = datetime(2026, 1, 1, tzinfo=UTC)


def read_catalog(path: Path = PO_FILE) -> Catalog:
    if not path.exists():
        return _new_catalog()
    with path.open("rb") as file:
        return read_po(file, locale=LANGUAGE, domain="messages")


def _new_catalog() -> Catalog:
    return Catalog(locale=LANGUAGE, domain="messages", project="catalogue-app",
                   creation_date=_DATE, revision_date=_DATE, fuzzy=False,
                   header_comment="# French words of the core's messages (msgctxt: the code).\n"
                                  "# Kept in step by scripts/messages.py.")


def updated_catalog(old: Catalog) -> Catalog:
    """The catalogue for every declared message, keeping what was translated."""
    known = {message.context: message for message in old if message.id and message.context}
    new = _new_catalog()
    for code, kind in sorted(declare_everything().items()):
        before = known.get(code)
        if before is None:
            new.add(kind.english, "", context=code)
        elif before.id == kind.english:
            new.add(kind.english, before.string, context=code, flags=before.flags,
                    previous_id=before.previous_id)
        else:  # the English changed: the French is probably stale, a translator confirms it
            new.add(kind.english, before.string, context=code, flags={"fuzzy"},
                    previous_id=before.id)
    return new


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, no_location=True, include_previous=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def entries(catalog: Catalog) -> dict[str, tuple[str, str, bool]]:
    """code -> (English, French, fuzzy): what a catalogue says, whatever wrote it."""
    return {m.context: (m.id, m.string, m.fuzzy) for m in catalog if m.id and m.context}


def compiled_entries(path: Path = MO_FILE) -> dict[str, tuple[str, str]]:
    """code -> (English, French) as the app reads them from the compiled .mo."""
    with path.open("rb") as file:
        translations = gettext.GNUTranslations(file)
    found = {}
    for key, french in translations._catalog.items():  # the parsed .mo, as gettext holds it
        if isinstance(key, str) and "\x04" in key:
            code, english = key.split("\x04", 1)
            found[code] = (english, french)
    return found


def expected_compiled(catalog: Catalog) -> dict[str, tuple[str, str]]:
    return {code: (english, french) for code, (english, french, fuzzy)
            in entries(catalog).items() if french and not fuzzy}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if the .po or the .mo is out of date")
    args = parser.parse_args(argv)
    current = read_catalog()
    catalog = updated_catalog(current)
    stale = []
    if not PO_FILE.exists() or entries(current) != entries(catalog):
        stale.append(PO_FILE)
    if not MO_FILE.exists() or compiled_entries() != expected_compiled(catalog):
        stale.append(MO_FILE)
    untranslated = [m.context for m in catalog if m.id and (not m.string or m.fuzzy)]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(REPO)} is out of date: run scripts/messages.py",
                  file=sys.stderr)
    else:
        PO_FILE.write_bytes(po_bytes(catalog))
        MO_FILE.write_bytes(mo_bytes(catalog))
    for code in untranslated:
        print(f"{code}: no current French translation", file=sys.stderr)
    return 1 if (args.check and stale) or untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
