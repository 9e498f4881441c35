"""Mnemonics for the form's labels (Alt+letter jumps to a field), given at run time because
labels are translated: each takes a letter of its own, avoiding those of the menu bar, whose
Alt+letter must keep working."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

from catalogue_app.folding import fold

_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonic_of(text: str) -> str | None:
    match = _MNEMONIC.search(text)
    return fold(match[1]) if match else None


def assign_mnemonics(widgets: list[QWidget], reserved: set[str | None]) -> None:
    """Give each label or button (in this order of priority) a free letter, initials first."""
    used = set(reserved) | {mnemonic_of(w.text()) for w in widgets}
    for label in widgets:
        text = label.text()
        if "&" in text:
            continue
        initials = [m.start() for m in re.finditer(r"\b\w", text)]
        for position in initials + list(range(len(text))):
            letter = fold(text[position])
            if letter.isascii() and letter.isalpha() and letter not in used:
                used.add(letter)
                label.setText(text[:position] + "&" + text[position:])
                break
