"""What documents about records print the same way: facts as label and value side by side (a
record's fields, a report's date and author), and an image as its preview."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from catalogue_app.catalogue import Catalogue
from catalogue_app.documents.model import Column, Row, Table
from catalogue_app.images.derived import ensure_derived
from catalogue_app.images.store import ImageStore


def label_table(facts: Iterable[tuple[str, str]], *, continued: str = "",
                weights: tuple[float, float] = (3, 7)) -> Table:
    """One line a fact, the label in a quieter tone; no headings nor grid, since it reads as a
    list rather than a table. `continued` as Table's, `weights` the two columns' shares."""
    rows = tuple(Row(fact, label_first=True) for fact in facts)
    return Table((Column("", weights[0]), Column("", weights[1])), lambda: rows,
                 show_headings=False, grid=False, continued=continued)


def preview(catalogue: Catalogue, store: ImageStore, image: Mapping[str, Any]) -> Path | None:
    """The image's preview, made if missing; None when its original is missing or unreadable,
    so that the document is still printed (each says so in its own way, or not at all)."""
    try:
        return ensure_derived(store, catalogue.cache_dir, "previews", image["sha256"],
                              image["file_name"])
    except OSError:
        return None
