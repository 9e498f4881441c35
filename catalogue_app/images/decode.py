"""Turn any file a photographer attaches into an RGB picture of a given size, or say why not.

Decoding is defensive: a file Pillow cannot read, a truncated one, one declaring an absurd size
(a decompression bomb) or a kind we keep without showing (camera RAW, PDF) gives a placeholder
picture and a note for the curator instead of an exception. The declared size is checked
against our own limit before anything is decoded, so a bomb costs nothing."""

from __future__ import annotations

import mimetypes
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFile, ImageFont, UnidentifiedImageError

from catalogue_app.images import scan_bands
from catalogue_app.messages import Message, declare
from catalogue_app.settings import IMAGE_MAX_PIXELS

KEPT_PDF = declare(
    "images.kept_pdf",
    "a PDF document: the original is kept; no preview is made from it")
KEPT_RAW = declare(
    "images.kept_raw",
    "a camera RAW file: the original is kept; no preview is made from it")
NOT_A_PICTURE = declare(
    "images.not_a_picture",
    "not a picture this application can read (wrong extension or damaged file); the original "
    "is kept")
TOO_MANY_PIXELS = declare(
    "images.too_many_pixels",
    "declares {width} × {height} pixels, beyond the limit of {megapixels} megapixels: not "
    "decoded, shown as a placeholder")
PAGES = declare("images.pages", "{pages} pages: the first page is shown")
NOT_DECODED = declare(
    "images.not_decoded",
    "the picture could not be decoded ({reason}); the original is kept")
TRUNCATED = declare(
    "images.truncated",
    "the file is truncated: only the part that could be read is shown")

# Large enough for 200+ megapixel X-ray and panorama scans; beyond it, a file is not decoded.
DEFAULT_MAX_PIXELS = IMAGE_MAX_PIXELS.default

# Kept with the object but never decoded: camera RAW (DNG too, although TIFF-based: its first
# image is a tiny embedded preview, misleading as a picture of the object) and PDF.
_KEPT_UNDECODED = {
    ".pdf": ("application/pdf", "PDF"),
    **{ext: ("image/x-raw", "RAW") for ext in (
        ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".dng", ".orf",
        ".rw2", ".raf", ".pef", ".srw", ".3fr", ".iiq", ".erf", ".mos", ".mrw", ".x3f")},
}

_ORIENTATION = 0x0112  # EXIF tag: how to turn the stored picture to view it upright
_TURNS = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
          4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
          6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
          8: Image.Transpose.ROTATE_90}

Image.MAX_IMAGE_PIXELS = None  # our own limit (max_pixels) is checked before decoding


def register_extra_formats() -> None:
    """HEIC/HEIF through pillow-heif (idempotent)."""
    from pillow_heif import register_heif_opener

    register_heif_opener()


@dataclass
class Rendered:
    """A picture fitting the requested box (or a placeholder), and what the file is."""

    picture: Image.Image
    media_type: str
    width: int | None = None  # of the original, as declared
    height: int | None = None
    notes: list[Message] = field(default_factory=list)
    placeholder: bool = False


def render(path: Path, file_name: str, box: int, max_pixels: int = DEFAULT_MAX_PIXELS) -> Rendered:
    """The image in path (its name as the user knows it: file_name) scaled to fit box x box,
    orientation applied; never raises for what the file contains."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about odd EXIF; metadata notes it
        return _render(path, file_name, box, max_pixels)


def _render(path: Path, file_name: str, box: int, max_pixels: int) -> Rendered:
    extension = Path(file_name).suffix.lower()
    if extension in _KEPT_UNDECODED:
        media_type, label = _KEPT_UNDECODED[extension]
        kept = KEPT_PDF if label == "PDF" else KEPT_RAW
        return Rendered(placeholder_picture(label, box), media_type, notes=[kept()],
                        placeholder=True)
    guessed = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    try:
        image = Image.open(path)
    except UnidentifiedImageError:
        return Rendered(placeholder_picture("?", box), guessed, notes=[NOT_A_PICTURE()],
                        placeholder=True)
    with image:
        media_type = image.get_format_mimetype() or guessed
        width, height = image.size
        notes: list[Message] = []
        if width * height > max_pixels:
            notes.append(TOO_MANY_PIXELS(width=width, height=height,
                                         megapixels=max_pixels // 1_000_000))
            return Rendered(placeholder_picture("?", box), media_type, width, height, notes,
                            placeholder=True)
        pages = getattr(image, "n_frames", 1)
        if pages > 1 and image.format != "MPO":  # MPO: a camera's JPEG with extra views
            notes.append(PAGES(pages=pages))
        try:
            return Rendered(_fit(image, box, notes), media_type, width, height, notes)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
            notes.append(NOT_DECODED(reason=_reason(exc)))
            return Rendered(placeholder_picture("?", box), media_type, width, height, notes,
                            placeholder=True)


def placeholder_picture(label: str, box: int) -> Image.Image:
    """A neutral square with a short label (file kind), standing in for an undecodable file."""
    picture = Image.new("RGB", (box, box), (218, 218, 214))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, box - 1, box - 1), outline=(150, 150, 146), width=max(1, box // 64))
    font = ImageFont.load_default(size=max(12, box // 5))
    draw.text((box / 2, box / 2), label, fill=(110, 110, 106), font=font, anchor="mm")
    return picture


def _fit(image: Image.Image, box: int, notes: list[Message]) -> Image.Image:
    # Draft lets the JPEG decoder scale by 1/2..1/8 while decoding: a 24-megapixel photograph
    # becomes a thumbnail at a fraction of the cost, and a huge JPEG never sits whole in
    # memory; an uncompressed TIFF scan is reduced a band at a time for the same reason.
    image.draft("RGB", (box, box))
    if scan_bands.suits(image):
        picture, complete = scan_bands.reduced(image, box)
        if not complete:
            notes.append(TRUNCATED())
    else:
        _load(image, notes)
        picture = image
    try:
        orientation = image.getexif().get(_ORIENTATION, 1)
    except Exception:  # orientation tag unreadable: show the picture as stored
        orientation = 1
        notes.append("the orientation tag could not be read; shown as stored")
    picture = _to_rgb(picture)
    # Scale first, turn after: turning a thumbnail costs nothing, turning a scan a copy of it.
    picture.thumbnail((box, box), Image.Resampling.LANCZOS, reducing_gap=3.0)
    turn = _TURNS.get(orientation)
    return picture.transpose(turn) if turn is not None else picture


def _load(image: Image.Image, notes: list[Message]) -> None:
    try:
        image.load()
    except OSError as exc:
        if "truncated" not in str(exc):
            raise
        with _tolerate_truncation():
            image.load()
        notes.append(TRUNCATED())


@contextmanager
def _tolerate_truncation():
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False


def _to_rgb(image: Image.Image) -> Image.Image:
    """8-bit RGB for display: 16-bit and float scaled down (not clipped), CMYK converted,
    transparency laid over white."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        high = image.getextrema()[1] or 1
        scale = 255 / high if image.mode in ("I", "F") else 1 / 256
        image = image.convert("I" if image.mode != "F" else "F").point(
            lambda value: value * scale).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        backdrop = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(backdrop, image).convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
