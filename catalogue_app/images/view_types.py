"""An image's view types and what each is called (the image strip, the viewer, printed
documents): apart from gallery.py so the window can name them before it loads SQLAlchemy."""

from __future__ import annotations

from catalogue_app.messages import declare

VIEW_LABELS = {code: declare(f"images.view.{code}", english) for code, english in (
    ("general", "General view"), ("detail", "Detail"), ("verso", "Verso"),
    ("raking", "Raking light"), ("uv", "Ultraviolet"), ("ir", "Infrared"), ("xray", "X-ray"),
    ("other", "Other"))}
VIEW_TYPES = tuple(VIEW_LABELS)
