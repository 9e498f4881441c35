"""Every setting the desk keeps is declared once, here: its name, type, default and store.

Three stores, chosen by whom the value belongs to:
- CATALOGUE travels with the catalogue file (its settings table): the museum's inventory
  number pattern, where the image store was moved, the image size limit;
- SYNC is the catalogue's sync bookkeeping (its sync_meta table): server, cursor, last sync;
- PREFERENCES belong to the person at this computer, whatever catalogue is open (a JSON file
  in the platformdirs config folder): language, the name written in the history.
Sync tokens are secrets: they stay in the keyring (catalogue_app/sync/tokens.py)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any


class Store(Enum):
    CATALOGUE = "catalogue"
    SYNC = "sync"
    PREFERENCES = "preferences"


@dataclass(frozen=True)
class Setting:
    name: str
    store: Store
    type: type  # str, int, bool or dict; a value of another type is a programming error
    default: Any = None
    # For a default only known when asked (the account's name), instead of default.
    default_from: Callable[[], Any] | None = None

    def default_value(self) -> Any:
        if self.default_from is not None:
            return self.default_from()
        return copy.deepcopy(self.default)  # a caller may change the dict it was given

    def checked(self, value: Any) -> Any:
        """The value to store; None or the default mean "no value of its own"."""
        if value is not None and not isinstance(value, self.type):
            raise TypeError(f"setting {self.name} takes a {self.type.__name__}, "
                            f"not {type(value).__name__}")
        return value

    def encode(self, value: Any) -> str:
        """As text, for the catalogue's key/value tables."""
        return json.dumps(value) if self.type is dict else str(value)

    def decode(self, text: str) -> Any:
        if self.type is dict:
            return json.loads(text)
        if self.type is int:
            return int(text)
        if self.type is bool:
            return text == "True"
        return text


SETTINGS: dict[str, Setting] = {}


def declare(name: str, store: Store, type_: type, default: Any = None, *,
            default_from: Callable[[], Any] | None = None) -> Setting:
    if name in SETTINGS:
        raise ValueError(f"setting {name} is declared twice")
    setting = Setting(name, store, type_, default, default_from)
    SETTINGS[name] = setting
    return setting
