"""Every format design.md §4 promises, and every broken file the issue lists, gives a thumbnail
(or a placeholder) and a note a curator understands; nothing raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat, TiffImagePlugin

from catalogue_app.images import scan_bands
from catalogue_app.images.decode import register_extra_formats, render
from catalogue_app.images.derived import derived_path, ensure_derived
from catalogue_app.images.metadata import read_metadata
from catalogue_app.images.store import ImageStore
from tests.image_samples import (
    bomb_png,
    jpeg_with_corrupt_exif,
    photo,
    text_named_jpeg,
    tiff,
    truncated_jpeg,
)

register_extra_formats()


def thumbnail(path: Path, max_pixels: int = 600_000_000):
    return render(path, path.name, 256, max_pixels)


@pytest.mark.parametrize("name, make, media_type", [
    ("a.jpg", lambda p: photo(p), "image/jpeg"),
    ("a.png", lambda p: photo(p), "image/png"),
    ("a.webp", lambda p: photo(p), "image/webp"),
    ("a.heic", lambda p: photo(p), "image/heic"),
    ("lzw.tif", lambda p: tiff(p, compression="tiff_lzw"), "image/tiff"),
    ("zip.tif", lambda p: tiff(p, compression="tiff_adobe_deflate"), "image/tiff"),
])
def test_supported_formats_give_a_real_thumbnail(tmp_path, name, make, media_type):
    rendered = thumbnail(make(tmp_path / name))
    assert not rendered.placeholder and rendered.notes == []
    assert rendered.media_type == media_type
    assert max(rendered.picture.size) == 256 and rendered.picture.mode == "RGB"


def test_cmyk_tiff_is_shown_in_its_colours(tmp_path):
    rendered = thumbnail(tiff(tmp_path / "cmyk.tif", mode="CMYK", compression="tiff_lzw"))
    red, green, blue = rendered.picture.getpixel((10, 10))
    assert red > 200 and green < 100 and blue > 200  # mostly magenta ink, not inverted


def test_sixteen_bit_tiff_is_scaled_to_eight_bits_not_clipped(tmp_path):
    rendered = thumbnail(tiff(tmp_path / "xray.tif", mode="I;16"))  # 30000 of 65535
    assert rendered.picture.getpixel((10, 10)) == (117, 117, 117)


def scan(path: Path, mode: str, *, strips: bool, monkeypatch) -> Path:
    """An uncompressed gradient scan, in one strip (Pillow's writer) or many (libtiff's)."""
    grey = Image.linear_gradient("L").resize((3000, 2000))
    if mode == "RGB":
        picture = Image.merge("RGB", (grey, grey.transpose(Image.Transpose.ROTATE_180),
                                      grey.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    else:
        picture = grey.convert("I").point(lambda value: value * 257).convert("I;16")
    with monkeypatch.context() as patch:
        patch.setattr(TiffImagePlugin, "WRITE_LIBTIFF", strips)
        picture.save(path, "TIFF", compression="raw")
    return path


@pytest.mark.parametrize("mode", ["RGB", "I;16"])
@pytest.mark.parametrize("strips", [False, True])
def test_a_large_uncompressed_scan_is_reduced_a_band_at_a_time_like_a_whole_decode(
        tmp_path, monkeypatch, mode, strips):
    path = scan(tmp_path / "xray.tif", mode, strips=strips, monkeypatch=monkeypatch)
    whole = thumbnail(path).picture
    monkeypatch.setattr(scan_bands, "LARGE_BYTES", 1_000_000)  # the scan is large now,
    monkeypatch.setattr(scan_bands, "BAND_BYTES", 50_000)  # and read in many bands
    with Image.open(path) as opened:
        assert scan_bands.suits(opened) and (len(opened.tile) > 1) == strips
    banded = thumbnail(path)
    assert banded.notes == [] and banded.picture.size == whole.size
    difference = ImageStat.Stat(ImageChops.difference(banded.picture, whole)).mean
    assert max(difference) < 2  # out of 255: the same picture


def test_a_truncated_scan_shows_what_could_be_read(tmp_path, monkeypatch):
    path = scan(tmp_path / "cut.tif", "RGB", strips=False, monkeypatch=monkeypatch)
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 2])
    monkeypatch.setattr(scan_bands, "LARGE_BYTES", 1_000_000)
    monkeypatch.setattr(scan_bands, "BAND_BYTES", 50_000)
    rendered = thumbnail(path)
    assert not rendered.placeholder
    assert [str(n) for n in rendered.notes] == [
        "the file is truncated: only the part that could be read is shown"]
    width, height = rendered.picture.size
    assert rendered.picture.getpixel((width // 2, height - 1)) == (0, 0, 0)  # never read


def test_multipage_tiff_shows_its_first_page_and_says_so(tmp_path):
    rendered = thumbnail(tiff(tmp_path / "pages.tif", pages=3))
    assert [str(n) for n in rendered.notes] == ["3 pages: the first page is shown"]
    assert not rendered.placeholder


def test_orientation_is_applied_to_the_thumbnail(tmp_path):
    rendered = thumbnail(photo(tmp_path / "turned.jpg", (400, 200), orientation=6))
    assert rendered.picture.size == (128, 256)


def test_truncated_jpeg_shows_what_could_be_read(tmp_path):
    rendered = thumbnail(truncated_jpeg(tmp_path / "cut.jpg"))
    assert not rendered.placeholder
    assert [str(n) for n in rendered.notes] == [
        "the file is truncated: only the part that could be read is shown"]


def test_text_renamed_jpg_gets_a_placeholder_and_a_note(tmp_path):
    rendered = thumbnail(text_named_jpeg(tmp_path / "notes.jpg"))
    assert rendered.placeholder and rendered.picture.size == (256, 256)
    assert "not a picture" in str(rendered.notes[0])


def test_decompression_bomb_is_not_decoded(tmp_path):
    rendered = thumbnail(bomb_png(tmp_path / "bomb.png"))
    assert rendered.placeholder
    assert (rendered.width, rendered.height) == (60_000, 60_000)
    assert "beyond the limit of 600 megapixels" in str(rendered.notes[0])


def test_the_pixel_limit_is_configurable(tmp_path):
    big = photo(tmp_path / "big.jpg", (2000, 1500))
    assert thumbnail(big, max_pixels=1_000_000).placeholder
    assert not thumbnail(big, max_pixels=4_000_000).placeholder


@pytest.mark.parametrize("name, kind", [("scan.pdf", "a PDF document"),
                                        ("IMG_0042.CR2", "a camera RAW file"),
                                        ("IMG_0042.nef", "a camera RAW file")])
def test_raw_and_pdf_files_are_kept_with_a_placeholder(tmp_path, name, kind):
    path = tmp_path / name
    if name.endswith(".pdf"):
        Image.new("RGB", (60, 60)).save(path)
    else:
        path.write_bytes(b"II*\x00" + bytes(range(256)) * 20)
    rendered = thumbnail(path)
    assert rendered.placeholder and str(rendered.notes[0]).startswith(kind)


def test_corrupt_exif_offsets_give_partial_metadata_and_a_note(tmp_path):
    path = jpeg_with_corrupt_exif(tmp_path / "odd.jpg")
    summary, notes = read_metadata(path)
    assert summary == {"artist": "Alice Martin"}
    assert [str(n) for n in notes] == [
        "the EXIF metadata is damaged; only part of it could be read"]
    assert not thumbnail(path).placeholder


@pytest.mark.parametrize("name", ["a.jpg", "a.png", "a.webp", "a.heic"])
def test_camera_metadata_is_read_from_every_container(tmp_path, name):
    path = photo(tmp_path / name, gps=(-33.8568, 151.2153))
    summary, notes = read_metadata(path)
    assert notes == []
    assert summary["date_taken"] == "2024-03-05T14:22:01"
    assert summary["camera"] == "Nikon D850"
    assert summary["gps_latitude"] == pytest.approx(-33.8568, abs=1e-4)
    assert summary["gps_longitude"] == pytest.approx(151.2153, abs=1e-4)


def test_xmp_and_iptc_credits_are_read(tmp_path):
    xmp = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
           'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">'
           '<rdf:Description photoshop:Credit="Musée de Normandie">'
           '<dc:creator><rdf:Seq><rdf:li>Élise Marchand</rdf:li></rdf:Seq></dc:creator>'
           '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0</rdf:li></rdf:Alt>'
           '</dc:rights></rdf:Description></rdf:RDF></x:xmpmeta>')
    path = tmp_path / "credited.jpg"
    Image.new("RGB", (64, 64)).save(path, xmp=xmp.encode("utf-8"))
    summary, _ = read_metadata(path)
    assert summary == {"artist": "Élise Marchand", "copyright": "CC BY 4.0",
                       "credit": "Musée de Normandie"}


def test_missing_thumbnails_and_previews_are_rebuilt_from_the_original(tmp_path):
    store = ImageStore(tmp_path / "images")
    sha256 = store.add_bytes(photo(tmp_path / "a.jpg", (3000, 2000)).read_bytes())
    cache = tmp_path / "cache"
    preview = ensure_derived(store, cache, "previews", sha256, "a.jpg")
    assert preview == derived_path(cache, "previews", sha256)
    with Image.open(preview) as image:
        assert image.size == (2048, 1365)
    preview.unlink()
    assert ensure_derived(store, cache, "previews", sha256, "a.jpg").is_file()
    assert ensure_derived(store, cache, "thumbs", "0" * 64, "gone.jpg") is None
