"""Image files for the image tests, good and broken, all made here with Pillow (or by hand where
Pillow refuses to write something so wrong)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

# EXIF tag numbers
MAKE, MODEL, ORIENTATION, DATETIME, ARTIST = 0x010F, 0x0110, 0x0112, 0x0132, 0x013B
COPYRIGHT, EXIF_IFD, GPS_IFD, DATETIME_ORIGINAL, LENS_MODEL = 0x8298, 0x8769, 0x8825, 0x9003, 0xA434


def photo(path: Path, size: tuple[int, int] = (640, 480), *, colour=(180, 120, 60),
          orientation: int | None = None, artist: str = "", gps: tuple[float, float] | None = None,
          fmt: str | None = None, **save) -> Path:
    """A photograph-like picture (a gradient, so that JPEG has work to do) with EXIF."""
    gradient = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", [gradient.point(lambda v, c=c: (v + c) % 256) for c in colour])
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[DATETIME] = "Nikon", "Nikon D850", "2024:03:05 14:22:01"
    exif.get_ifd(EXIF_IFD).update({DATETIME_ORIGINAL: "2024:03:05 14:22:01",
                                   LENS_MODEL: "60mm f/2.8 Macro"})
    if orientation:
        exif[ORIENTATION] = orientation
    if artist:
        exif[ARTIST], exif[COPYRIGHT] = artist, f"© {artist}"
    if gps:
        exif.get_ifd(GPS_IFD).update({
            1: "N" if gps[0] >= 0 else "S", 2: _dms(abs(gps[0])),
            3: "E" if gps[1] >= 0 else "W", 4: _dms(abs(gps[1]))})
    image.save(path, fmt, exif=exif, **save)
    return path


def _dms(value: float) -> tuple[float, float, float]:
    degrees, minutes = int(value), int(value * 60) % 60
    return float(degrees), float(minutes), round((value * 3600) % 60, 2)


def truncated_jpeg(path: Path) -> Path:
    data = io.BytesIO()
    photo(data, (800, 600), fmt="JPEG", quality=90)
    path.write_bytes(data.getvalue()[: len(data.getvalue()) // 2])
    return path


def text_named_jpeg(path: Path) -> Path:
    path.write_text("Inventaire 2004 : notes du photographe, à classer.\n", encoding="utf-8")
    return path


def bomb_png(path: Path, width: int = 60_000, height: int = 60_000) -> Path:
    """A PNG of a few hundred bytes declaring width x height pixels (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    body = compressor.compress(row * 64) + compressor.flush()  # far fewer rows than declared
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


def jpeg_with_corrupt_exif(path: Path) -> Path:
    """A good picture whose EXIF block has an entry pointing far beyond its end, and a good
    Artist entry."""
    artist = b"Alice Martin\x00"
    entries = [(MAKE, 2, 40, 0x7FFFFFF0), (ARTIST, 2, len(artist), 8 + 2 + 2 * 12 + 4)]
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHII", tag, kind, count, offset) for tag, kind, count, offset in entries)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + artist
    image = Image.new("RGB", (320, 240), (90, 140, 200))
    image.save(path, "JPEG", exif=b"Exif\x00\x00" + tiff)
    return path


def tiff(path: Path, *, mode: str = "RGB", size=(300, 200), compression: str | None = None,
         pages: int = 1) -> Path:
    colour = {"RGB": (40, 160, 90), "CMYK": (10, 200, 30, 0), "L": 128}.get(mode, 30_000)
    frames = [Image.new(mode, size, colour) for _ in range(pages)]
    frames[0].save(path, "TIFF", compression=compression, save_all=pages > 1,
                   append_images=frames[1:])
    return path
