"""What the core tells a user: a stable code, its parameters, and words in the user's language.

A message is declared once, beside the code that gives it, with its English words:

    NUMBER_TAKEN = declare("record.number_taken", "Inventory number {number} is already used.")
    raise RecordError(NUMBER_TAKEN, number=number)

A parameter is a value, a part of the sentence (a Message), a field's label, or a list of values
that each language quotes its way: pass the list (codes=["a", "b"]), never a joined string.

The code never changes once shipped (scripts, the sync protocol and tests rely on it); the words
may. French words live in resources/translations/messages_fr.po (msgctxt = code, msgid = the
English words), compiled to messages_fr.mo by scripts/messages.py; a test checks that every
declared message has a current French translation with the same parameters.

The language is the process's: the window sets the user's choice, the command line takes the
CATALOGUE_APP_LANG environment variable or the system locale (French or English)."""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

LANGUAGES = ("fr", "en")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_declared: dict[str, MessageKind] = {}
_language: str | None = None


@runtime_checkable
class Localised(Protocol):
    """A parameter said in the message's language: a part of the sentence (a Message), a
    field's label (catalogue_app.records.fields.FieldLabel)."""

    def text(self, language: str | None = None) -> str: ...


@dataclass(frozen=True)
class MessageKind:
    """One thing the core can say: its code and English words, with {named} parameters."""

    code: str
    english: str

    def __call__(self, **params: Any) -> Message:
        return Message(self, params)


@dataclass(frozen=True)
class Message:
    kind: MessageKind
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.kind.code

    def text(self, language: str | None = None) -> str:
        """The message in the given language (default: the process's)."""
        language = language or current_language()
        template = _template(self.kind, language)
        return template.format_map(_Params({
            name: _said(value, language) for name, value in self.params.items()}))

    def __str__(self) -> str:
        return self.text()


def _said(value: Any, language: str) -> Any:
    """A parameter as the message's language says it: a part of the sentence or a field's label
    in that language; a list of values (codes, inventory numbers) each quoted as the language
    quotes a value, « a », « b » in French and 'a', 'b' in English (as {value!r} does)."""
    if isinstance(value, Localised):
        return value.text(language)
    if isinstance(value, list | tuple):
        quote = "« {} »".format if language == "fr" else repr
        return ", ".join(quote(str(item)) for item in value)
    return value


class _Params(dict):
    """Parameters for str.format_map: a missing one shows as its name rather than failing,
    so a translation that lags behind its English never hides the message itself."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def declare(code: str, english: str) -> MessageKind:
    """Declare a message kind (at import time, beside the code that uses it)."""
    known = _declared.get(code)
    if known is not None and known.english != english:
        raise ValueError(f"message code {code!r} declared twice with different words")
    kind = MessageKind(code, english)
    _declared[code] = kind
    return kind


def declared() -> dict[str, MessageKind]:
    """Every message kind declared by the modules imported so far, by code."""
    return dict(_declared)


def declare_everything() -> dict[str, MessageKind]:
    """Every message kind the application declares: imports each module of the core and of
    db first (for scripts/messages.py and its test)."""
    import importlib
    import pkgutil

    import catalogue_app
    import db

    for package in (catalogue_app, db):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".migrations" in module.name or module.name.endswith("__main__"):
                continue  # Alembic scripts run only inside Alembic; __main__ starts the app
            importlib.import_module(module.name)
    return declared()


def current_language() -> str:
    global _language
    if _language is None:
        _language = _language_from_environment()
    return _language


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {LANGUAGES}")
    _language = language


def _language_from_environment() -> str:
    chosen = os.environ.get("CATALOGUE_APP_LANG", "")
    if chosen in LANGUAGES:
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    system = locale.getlocale()[0] or ""
    return "fr" if system.lower().startswith("fr") else "en"


def _template(kind: MessageKind, language: str) -> str:
    if language == "en":
        return kind.english
    translated = _catalogue(language).pgettext(kind.code, kind.english)
    return translated


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    path = TRANSLATIONS_DIR / f"messages_{language}.mo"
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except FileNotFoundError:
        return gettext.NullTranslations()
