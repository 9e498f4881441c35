"""Settings kept in the catalogue's file: CATALOGUE ones in its settings table, SYNC ones in
its sync_meta table, read and written inside the caller's transaction."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

from catalogue_app.settings.registry import Setting, Store
from db.local.models import Setting as SettingRow
from db.local.models import SyncMeta

log = logging.getLogger(__name__)
_TABLES = {Store.CATALOGUE: SettingRow, Store.SYNC: SyncMeta}


def read(session: Session, setting: Setting) -> Any:
    row = session.get(_table(setting), setting.name)
    if row is None:
        return setting.default_value()
    try:
        return setting.decode(row.value)
    except ValueError:  # edited by hand or by a broken version: the default still works
        log.warning("setting %s has an unreadable value %r; using its default",
                    setting.name, row.value)
        return setting.default_value()


def write(session: Session, setting: Setting, value: Any) -> None:
    """Store value; None or the default remove the row, so a later default applies."""
    table = _table(setting)
    row = session.get(table, setting.name)
    if setting.checked(value) is None or value == setting.default_value():
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(table(key=setting.name, value=setting.encode(value)))
    else:
        row.value = setting.encode(value)


def _table(setting: Setting) -> type[SettingRow] | type[SyncMeta]:
    if setting.store not in _TABLES:
        raise ValueError(f"setting {setting.name} is not kept in the catalogue")
    return _TABLES[setting.store]
