#!/usr/bin/env bash
# Refresh resources/translations/catalogue_fr.ts from the tr() strings in ui/, then compile it
# to the .qm the app loads. Translate new entries (Qt Linguist: pyside6-linguist) in between.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(find ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete "${sources[@]}" -ts resources/translations/catalogue_fr.ts
.venv/bin/pyside6-lrelease resources/translations/catalogue_fr.ts \
    -qm resources/translations/catalogue_fr.qm
