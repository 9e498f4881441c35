"""Keep the French words of the public portal in step with its templates and scripts.

    .venv/bin/python scripts/portal_messages.py          update portal_fr.po, compile portal_fr.mo
    .venv/bin/python scripts/portal_messages.py --check  exit 1 if either is out of date

The English message ids are extracted with Babel from resources/portal/templates (Jinja2's
extractor) and the portal's scripts (`_()` in resources/portal/static/*.js); new ids enter the
.po untranslated, changed ones keep their old French marked fuzzy, vanished ones are dropped.
The .mo is committed so the server needs no build step; tests/unit/test_portal_messages.py
fails while a string has no current French."""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PORTAL = REPO / "resources" / "portal"
PO_FILE = REPO / "resources" / "translations" / "portal_fr.po"
MO_FILE = PO_FILE.with_suffix(".mo")
_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_METHODS = [("templates/**.html", "jinja2"), ("static/*.js", "javascript")]
_OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}


def extracted() -> dict[str | tuple[str, str], None]:
    """Every message id (a plural is a (singular, plural) pair), in a stable order."""
    found: dict[str | tuple[str, str], None] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        PORTAL, _METHODS, options_map=_OPTIONS, keywords={"_": None, "gettext": None,
                                                          "ngettext": (1, 2)},
    ):
        found[message if isinstance(message, str) else tuple(message)] = None
    return dict(sorted(found.items(), key=lambda item: str(item[0])))


def read_catalog(path: Path = PO_FILE) -> Catalog:
    if not path.exists():
        return _new_catalog()
    with path.open("rb") as file:
        return read_po(file, locale="fr", domain="portal")


def _new_catalog() -> Catalog:
    return Catalog(locale="fr", domain="portal", project="catalogue-app", creation_date=_DATE,
                   revision_date=_DATE, fuzzy=False,
                   header_comment="# French words of the public portal.\n"
                                  "# Kept in step by scripts/portal_messages.py.")


def updated_catalog(old: Catalog) -> Catalog:
    new = _new_catalog()
    for message_id in extracted():
        before = old.get(message_id)
        if before is not None:
            new.add(message_id, before.string, flags=before.flags)
        else:
            singular = message_id[0] if isinstance(message_id, tuple) else message_id
            similar = next((m for m in old if m.id and (m.id[0] if isinstance(m.id, tuple)
                                                         else m.id) == singular), None)
            if similar is not None:  # the plural changed: keep the French, to confirm
                new.add(message_id, similar.string, flags={"fuzzy"})
            else:
                new.add(message_id, ("", "") if isinstance(message_id, tuple) else "")
    return new


def _bytes(writer, catalog: Catalog, **options) -> bytes:
    out = io.BytesIO()
    writer(out, catalog, **options)
    return out.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(str(message.id))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if the .po or the .mo is out of date")
    args = parser.parse_args(argv)
    catalog = updated_catalog(read_catalog())
    po = _bytes(write_po, catalog, width=100, no_location=True)
    mo = _bytes(write_mo, catalog, use_fuzzy=False)
    stale = [path for path, data in ((PO_FILE, po), (MO_FILE, mo))
             if not path.exists() or path.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(REPO)} is out of date: run scripts/portal_messages.py",
                  file=sys.stderr)
    else:
        PO_FILE.write_bytes(po)
        MO_FILE.write_bytes(mo)
    missing = untranslated(catalog)
    for message_id in missing:
        print(f"no current French translation: {message_id}", file=sys.stderr)
    return 1 if (args.check and stale) or missing else 0


if __name__ == "__main__":
    sys.exit(main())
