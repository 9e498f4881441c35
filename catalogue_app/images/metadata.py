"""What the camera and the photographer's software wrote into a file: EXIF (with exifread),
XMP and IPTC (with Pillow), summed up as the few facts a curator uses.

Summary keys (only those found): date_taken (ISO 8601), camera, lens, exposure_time, f_number,
iso, focal_length_mm, gps_latitude / gps_longitude (decimal degrees, south and west negative),
artist, copyright, credit, description. Damaged metadata gives what could be read and a note."""

from __future__ import annotations

import io
import logging
import os
import re
import warnings
import xml.etree.ElementTree as ElementTree
from fractions import Fraction
from pathlib import Path
from typing import Any

import exifread
from PIL import Image, IptcImagePlugin

from catalogue_app.messages import Message, declare

METADATA_UNREADABLE = declare(
    "images.metadata_unreadable",
    "the {label} metadata could not be read")
EXIF_DAMAGED = declare(
    "images.exif_damaged",
    "the EXIF metadata is damaged; only part of it could be read")

_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


def read_metadata(path: Path) -> tuple[dict[str, Any], list[Message]]:
    """(summary, notes) for the file at path. Never raises for what the file contains."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about odd blocks; damage becomes a note
        try:
            image = Image.open(path)
        except OSError:  # not a picture Pillow opens: EXIF may still be there (camera RAW)
            return _read(path, None)
        with image:
            return _read(path, image)


def _read(path: Path, image: Image.Image | None) -> tuple[dict[str, Any], list[Message]]:
    summary: dict[str, Any] = {}
    notes: list[Message] = []
    for label, source in (("IPTC", _from_iptc), ("XMP", _from_xmp)):  # EXIF, read last, wins
        if image is not None:
            try:
                summary.update(source(image))
            except Exception:  # damaged block: the other sources still count
                notes.append(METADATA_UNREADABLE(label=label))
    exif, problems = _exif_tags(path, image)
    summary.update(_from_exif(exif))
    if problems:
        notes.append(EXIF_DAMAGED())
    return summary, notes


def _exif_tags(path: Path, image: Image.Image | None) -> tuple[dict[str, Any], bool]:
    """exifread's tags and whether the block is damaged. The EXIF block Pillow found is read
    alone (whatever the container: JPEG, PNG, WebP, HEIF); TIFF and RAW files are read whole.
    exifread skips what it cannot reach silently, so a value lying beyond the end of the data
    (a corrupt offset) is what marks damage."""
    block = image.info.get("exif") if image is not None else None
    if isinstance(block, bytes) and block:
        source = io.BytesIO(block.removeprefix(b"Exif\x00\x00"))
        size = len(source.getvalue())
    else:
        source, size = open(path, "rb"), os.path.getsize(path)  # noqa: SIM115 (closed below)
    logger = logging.getLogger("exifread")
    quiet, logger.disabled = logger.disabled, True  # it logs damage as warnings, then carries on
    try:
        with source:
            tags = exifread.process_file(source, details=False, extract_thumbnail=False)
    except Exception:
        return {}, True
    finally:
        logger.disabled = quiet
    damaged = any(getattr(tag, "field_offset", 0) + getattr(tag, "field_length", 0) > size
                  for tag in tags.values())
    return tags, damaged


def _from_exif(tags: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}

    def text(name: str) -> str:
        tag = tags.get(name)
        return str(tag.values).strip().strip("\x00").strip() if tag is not None else ""

    def number(name: str) -> float | None:
        tag = tags.get(name)
        try:
            return float(Fraction(str(tag.values[0]))) if tag is not None else None
        except (ValueError, ZeroDivisionError, IndexError, TypeError):
            return None

    for key in ("EXIF DateTimeOriginal", "EXIF DateTimeDigitized", "Image DateTime"):
        if date := _iso_date(text(key)):
            found["date_taken"] = date
            break
    make, model = text("Image Make"), text("Image Model")
    if make or model:
        found["camera"] = (model if model.lower().startswith(make.lower())
                           else f"{make} {model}".strip())
    if lens := text("EXIF LensModel"):
        found["lens"] = lens
    if tags.get("EXIF ExposureTime") is not None:
        found["exposure_time"] = str(tags["EXIF ExposureTime"].values[0])
    for key, name in (("EXIF FNumber", "f_number"), ("EXIF ISOSpeedRatings", "iso"),
                      ("EXIF FocalLength", "focal_length_mm")):
        if (value := number(key)) is not None:
            found[name] = int(value) if name == "iso" else round(value, 2)
    for axis, negative in (("Latitude", "S"), ("Longitude", "W")):
        if (degrees := _gps_degrees(tags.get(f"GPS GPS{axis}"))) is not None:
            sign = -1 if text(f"GPS GPS{axis}Ref").upper().startswith(negative) else 1
            found[f"gps_{axis.lower()}"] = round(sign * degrees, 7)
    for key, name in (("Image Artist", "artist"), ("Image Copyright", "copyright"),
                      ("Image ImageDescription", "description")):
        if value := text(key):
            found[name] = value
    return found


def _gps_degrees(tag: Any) -> float | None:
    try:
        d, m, s = (float(Fraction(str(v))) for v in tag.values[:3])
    except (AttributeError, ValueError, ZeroDivisionError, TypeError):
        return None
    return d + m / 60 + s / 3600


def _iso_date(value: str) -> str:
    match = _EXIF_DATE.match(value)
    if not match or match.group(1) == "0000":
        return ""
    y, mo, d, h, mi, s = match.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}"


def _from_iptc(image: Image.Image) -> dict[str, Any]:
    info = IptcImagePlugin.getiptcinfo(image) or {}
    found: dict[str, Any] = {}
    for key, name in (((2, 80), "artist"), ((2, 116), "copyright"), ((2, 110), "credit"),
                      ((2, 120), "description")):
        value = info.get(key)
        if isinstance(value, list):
            value = value[0]
        if value:
            found[name] = value.decode("utf-8", "replace").strip()
    return found


def _from_xmp(image: Image.Image) -> dict[str, Any]:
    packet = _xmp_packet(image)
    if not packet:
        return {}
    root = ElementTree.fromstring(packet.strip(b"\x00 \n"))
    found: dict[str, Any] = {}
    for path, name in (("dc:creator", "artist"), ("dc:rights", "copyright"),
                       ("photoshop:Credit", "credit"), ("dc:description", "description"),
                       ("photoshop:DateCreated", "date_taken"), ("xmp:CreateDate", "date_taken")):
        if name in found:
            continue
        if value := _xmp_value(root, path):
            found[name] = value
    return found


def _xmp_packet(image: Image.Image) -> bytes:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if packet is None and hasattr(image, "tag_v2"):
        packet = image.tag_v2.get(700)  # TIFF's XMP tag
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    return packet or b""


def _xmp_value(root: ElementTree.Element, path: str) -> str:
    """A property written as an element (plain, rdf:Seq/Alt/Bag of rdf:li) or an attribute."""
    prefix, local = path.split(":")
    qualified = f"{{{_NS[prefix]}}}{local}"
    for description in root.iter(f"{{{_NS['rdf']}}}Description"):
        if qualified in description.attrib:
            return description.attrib[qualified].strip()
        element = description.find(path, _NS)
        if element is not None:
            items = [li.text.strip() for li in element.iter(f"{{{_NS['rdf']}}}li") if li.text]
            return "; ".join(items) if items else (element.text or "").strip()
    return ""
