"""Very large uncompressed TIFF scans (200+ megapixel X-rays and panoramas) made small without
decoding them whole: a band of rows at a time is read, decoded and reduced, so that a worker
holds a few tens of megabytes instead of the whole picture (a 200-megapixel 16-bit scan takes
400 MB decoded, and twice that again once converted for display).

Only what Pillow itself would decode strip by strip from the file qualifies: uncompressed,
one plane, full-width strips in order. Anything else goes through the ordinary decoder."""

from __future__ import annotations

from PIL import Image, TiffImagePlugin

LARGE_BYTES = 128 << 20  # scans larger than this are read a band at a time (smaller ones,
# such as a 24-megapixel TIFF, decode whole a little faster and fit in memory)
BAND_BYTES = 32 << 20  # how much of the file is decoded at a time
_COMPRESSION, _PLANAR_CONFIGURATION, _BITS, _SAMPLES = 259, 284, 258, 277
_REDUCIBLE = {"L", "LA", "RGB", "RGBA", "RGBX", "CMYK", "I", "F", "YCbCr"}
_SIXTEEN_BITS = {"I;16", "I;16L", "I;16B", "I;16N"}  # reduced as 32-bit, then brought back


def suits(image: Image.Image) -> bool:
    """Whether this opened (not loaded) image is a large scan that can be read a band at a
    time."""
    if not isinstance(image, TiffImagePlugin.TiffImageFile) or not image.tile:
        return False
    tags = image.tag_v2
    if tags.get(_COMPRESSION, 1) != 1 or tags.get(_PLANAR_CONFIGURATION, 1) != 1:
        return False
    if image.mode not in _REDUCIBLE | _SIXTEEN_BITS \
            or image.size[0] * image.size[1] * _bits_per_pixel(image) // 8 <= LARGE_BYTES:
        return False
    width, next_row = image.size[0], 0
    for tile in image.tile:
        left, top, right, _bottom = tile.extents
        if tile.codec_name != "raw" or (left, right, top) != (0, width, next_row) \
                or tile.args[1:] != (0, 1):  # packed rows, top to bottom
            return False
        next_row = tile.extents[3]
    return next_row == image.size[1]


def reduced(image: TiffImagePlugin.TiffImageFile, box: int) -> tuple[Image.Image, bool]:
    """The picture reduced by a whole factor to about three times box (the final resampling
    to box is the caller's), in image's mode, read from its file a band at a time; and
    whether the file held all of it (a truncated scan is shown black where it ends)."""
    width, height = image.size
    factor = max(1, max(width, height) // (3 * box))
    row_bytes = -(-width * _bits_per_pixel(image) // 8)
    band_rows = max(factor, BAND_BYTES // row_bytes // factor * factor)
    canvas = Image.new(_reduced_mode(image), (-(-width // factor), -(-height // factor)))
    band = memoryview(bytearray(band_rows * row_bytes))  # rows read, not yet decoded
    filled = top = 0  # bytes of band filled; the image row band starts at
    complete = True
    with open(image.filename, "rb") as source:
        for tile in image.tile:
            source.seek(tile.offset)
            rows_left = tile.extents[3] - tile.extents[1]
            while rows_left:
                rows = min(rows_left, band_rows - filled // row_bytes)
                complete &= _read_into(source, band[filled:filled + rows * row_bytes])
                filled, rows_left = filled + rows * row_bytes, rows_left - rows
                if filled == len(band) or top + filled // row_bytes == height:
                    count = filled // row_bytes
                    canvas.paste(_decoded(image, width, count, band[:filled]).reduce(factor),
                                 (0, top // factor))
                    filled, top = 0, top + count
    return (canvas.convert("I;16") if image.mode in _SIXTEEN_BITS else canvas), complete


def _read_into(source, buffer: memoryview) -> bool:
    """Fill buffer from the file, with zeros past its end; whether the file filled it."""
    got = source.readinto(buffer)
    buffer[got:] = bytes(len(buffer) - got)
    return got == len(buffer)


def _reduced_mode(image: Image.Image) -> str:
    return "I" if image.mode in _SIXTEEN_BITS else image.mode


def _decoded(image: Image.Image, width: int, rows: int, data: memoryview) -> Image.Image:
    band = Image.frombuffer(image.mode, (width, rows), data, "raw", image.tile[0].args[0], 0, 1)
    return band.convert("I") if image.mode in _SIXTEEN_BITS else band


def _bits_per_pixel(image: TiffImagePlugin.TiffImageFile) -> int:
    bits = image.tag_v2.get(_BITS, (1,))
    bits = bits if isinstance(bits, tuple) else (bits,)
    samples = image.tag_v2.get(_SAMPLES, 1)
    return bits[0] * samples
