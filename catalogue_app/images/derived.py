"""Derived pictures under cache/: thumbnails (about 256 px, made at import) and previews (about
2048 px, made when first shown). Both are rebuilt from the original whenever missing, so the
whole cache/ folder may be deleted at any time."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PIL import Image

from catalogue_app.images.decode import DEFAULT_MAX_PIXELS, render
from catalogue_app.images.store import ImageStore

THUMBNAIL_SIZE = 256
PREVIEW_SIZE = 2048
_KINDS = {"thumbs": THUMBNAIL_SIZE, "previews": PREVIEW_SIZE}


def derived_path(cache_dir: Path, kind: str, sha256: str) -> Path:
    """cache/<kind>/ab/<sha256>.jpg, kind being 'thumbs' or 'previews'."""
    if kind not in _KINDS:
        raise ValueError(f"unknown derived picture kind {kind!r}")
    return Path(cache_dir) / kind / sha256[:2] / f"{sha256}.jpg"


def save_derived(picture: Image.Image, path: Path) -> None:
    """Write a JPEG atomically: a reader never sees half a thumbnail."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".part-", suffix=".jpg")
    try:
        with os.fdopen(fd, "wb") as out:
            picture.save(out, "JPEG", quality=85 if picture.width > THUMBNAIL_SIZE else 80)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def ensure_derived(store: ImageStore, cache_dir: Path, kind: str, sha256: str, file_name: str,
                   max_pixels: int = DEFAULT_MAX_PIXELS) -> Path | None:
    """The derived picture's path, made from the original if missing; None when the original
    itself is missing from the store (check --fixity reports that)."""
    path = derived_path(cache_dir, kind, sha256)
    if path.is_file():
        return path
    original = store.path_for(sha256)
    if not original.is_file():
        return None
    save_derived(render(original, file_name, _KINDS[kind], max_pixels).picture, path)
    return path
