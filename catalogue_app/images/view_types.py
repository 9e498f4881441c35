"""An image's view types, what each is called (the image strip, the viewer, printed documents)
and the one refusal of another (attached or edited): apart from gallery.py so the window can
name them before it loads SQLAlchemy."""

from __future__ import annotations

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare

VIEW_LABELS = {code: declare(f"images.view.{code}", english) for code, english in (
    ("general", "General view"), ("detail", "Detail"), ("verso", "Verso"),
    ("raking", "Raking light"), ("uv", "Ultraviolet"), ("ir", "Infrared"), ("xray", "X-ray"),
    ("other", "Other"))}
VIEW_TYPES = tuple(VIEW_LABELS)
UNKNOWN_VIEW_TYPE = declare(
    "images.unknown_view_type",
    "Unknown view type {view_type!r}; use one of: {choices}.")


def checked_view_type(view_type: str) -> str:
    """The view type given to an image (attached, or edited in the strip); CatalogueError
    naming the choices unless it is one of them."""
    if view_type not in VIEW_TYPES:
        raise CatalogueError(UNKNOWN_VIEW_TYPE, view_type=view_type, choices=list(VIEW_TYPES))
    return view_type
