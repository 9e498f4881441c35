"""The person's preferences on this computer, whatever catalogue is open: one small JSON file
in the platformdirs config folder, written whole
through a temporary file so that a crash never leaves half of it."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from catalogue_app.settings.registry import Setting, Store

log = logging.getLogger(__name__)
FILE_NAME = "preferences.json"


def preferences_file() -> Path:
    from platformdirs import user_config_dir  # not needed by most headless commands

    return Path(user_config_dir("catalogue-app", appauthor=False)) / FILE_NAME


class Preferences:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or preferences_file()

    def get(self, setting: Setting) -> Any:
        value = self._values().get(_checked_store(setting).name)
        if value is None or not isinstance(value, setting.type):
            return setting.default_value()
        return value

    def set(self, setting: Setting, value: Any) -> None:
        """Store value; None or the default remove it, so a later default applies."""
        values = self._values()
        if setting.checked(value) is None or value == setting.default_value():
            values.pop(_checked_store(setting).name, None)
        else:
            values[_checked_store(setting).name] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(values, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, self.path)

    def _values(self) -> dict[str, Any]:
        try:
            values = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):  # unreadable: the defaults work, and the log says why
            log.warning("cannot read the preferences in %s; using the defaults", self.path,
                        exc_info=True)
            return {}
        return values if isinstance(values, dict) else {}


def _checked_store(setting: Setting) -> Setting:
    if setting.store is not Store.PREFERENCES:
        raise ValueError(f"setting {setting.name} is kept in the catalogue, not the preferences")
    return setting
