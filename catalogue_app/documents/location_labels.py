"""Labels for the museum's locations: one per place, its code (or name) in large type, its
path and kind, and a QR code a scanner reads back into the app (the code when the place has
one, else its id: both stay the same when a place is renamed, and a scanner types them
without the accents a keyboard layout may lose)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from catalogue_app.documents.model import PAGE_NUMBER, Document, Label, LabelSheet, Renderer
from catalogue_app.documents.qr import qr_modules
from catalogue_app.messages import current_language, declare

LABELS_TITLE = declare("documents.location_labels", "Location labels")


def label_text(place) -> str:
    """What a place's QR code says (catalogue_app.locations.tree.find_labelled reads it)."""
    return place.code or place.id


def location_labels(places: Sequence, kind_labels: dict[str, str], language: str) -> Document:
    labels = []
    for place in places:
        title = place.code or place.name
        lines = (title, place.path if place.path != title else "", kind_labels.get(place.kind, ""))
        labels.append(Label(lines, qr_modules(label_text(place))))
    return Document(LABELS_TITLE().text(language), [LabelSheet(tuple(labels))],
                    footer=PAGE_NUMBER().text(language))


def print_location_labels(catalogue, location_ids: Sequence[str], out: Path,
                          render: Renderer) -> int:
    """Write the labels of these places (every place when none is given), in the order of
    the hierarchy; return how many."""
    from catalogue_app.locations.kinds import KINDS

    language = current_language()
    wanted = set(location_ids)
    places = [p for p in catalogue.places() if not wanted or p.id in wanted]
    kinds = {k.code: (k.label_fr if language == "fr" else k.label_en) for k in KINDS}
    render(location_labels(places, kinds, language), out)
    return len(places)
