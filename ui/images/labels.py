"""Words for images shown to the user: view types and a short description of a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from catalogue_app.images.view_types import VIEW_LABELS

if TYPE_CHECKING:
    from catalogue_app.images.gallery import ImageInfo


def view_type_labels() -> dict[str, str]:
    return {code: label().text() for code, label in VIEW_LABELS.items()}


def describe_image(image: ImageInfo) -> str:
    """File, size and what the camera recorded, one fact per line; the file's note last."""
    lines = [image.file_name]
    size = f"{image.byte_size / 1_000_000:.1f} MB"
    if image.width and image.height:
        size = f"{image.width} × {image.height} px, {size}"
    lines.append(size)
    meta = image.metadata
    if camera := " — ".join(str(meta[k]) for k in ("camera", "lens") if meta.get(k)):
        lines.append(camera)
    exposure = [
        f"{meta['exposure_time']} s" if meta.get("exposure_time") else "",
        f"f/{meta['f_number']:g}" if meta.get("f_number") else "",
        f"ISO {meta['iso']}" if meta.get("iso") else "",
        f"{meta['focal_length_mm']:g} mm" if meta.get("focal_length_mm") else "",
    ]
    if any(exposure):
        lines.append(", ".join(part for part in exposure if part))
    if "gps_latitude" in meta and "gps_longitude" in meta:
        lines.append(
            QCoreApplication.translate("images", "GPS {lat:.5f}, {lon:.5f}").format(
                lat=meta["gps_latitude"], lon=meta["gps_longitude"]
            )
        )
    if meta.get("copyright"):
        lines.append(str(meta["copyright"]))
    if image.note:
        lines.append(QCoreApplication.translate("images", "Note: {note}").format(note=image.note))
    return "\n".join(lines)
