"""The PDF documents of a catalogue: object sheets of chosen records and the registers."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from catalogue_app.catalogue import Catalogue
from catalogue_app.exchange.catalogue_records import export_records, register_record_ids
from catalogue_app.images.derived import ensure_derived
from catalogue_app.images.store import ImageStore
from ui.exchange.pdf import write_inventory_register, write_object_sheets
from ui.language import field_label


def object_sheets_pdf(catalogue: Catalogue, ids: Sequence[str], out: Path) -> int:
    store = ImageStore(catalogue.images_dir)

    def primary_picture(record: Mapping[str, Any]) -> Path | None:
        images = record.get("images") or []
        image = next((i for i in images if i.get("is_primary")), images[0] if images else None)
        if image is None:
            return None
        try:
            return ensure_derived(
                store, catalogue.cache_dir, "previews", image["sha256"], image["file_name"]
            )
        except OSError:  # an unreadable original: the sheet is still printed, without it
            return None

    with catalogue.reading() as session:
        return write_object_sheets(export_records(session, ids), out, primary_picture, field_label)


def register_pdf(catalogue: Catalogue, out: Path, deposits: bool = False) -> int:
    museum = catalogue.museum()
    name = (
        QCoreApplication.translate("documents", "Deposits register")
        if deposits
        else QCoreApplication.translate("documents", "Inventory register")
    )
    title = f"{name} — {museum.name} ({museum.code})" if museum.code else name
    with catalogue.reading() as session:
        ids = register_record_ids(session, deposits)
        return write_inventory_register(lambda: export_records(session, ids), out, title)


@contextmanager
def headless_application() -> Iterator[None]:
    """A Qt application for drawing documents from the command line, without a display."""
    if QGuiApplication.instance() is not None:
        yield
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # draws files only: never needs a display
    application = QGuiApplication(["catalogue-app"])
    try:
        yield
    finally:
        application.shutdown()
