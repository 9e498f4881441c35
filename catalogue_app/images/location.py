"""Moving the image store to another volume (scientific photography runs to hundreds of GB).

Every original is copied and re-hashed first; the catalogue is switched to the new place in one
transaction only once all are there; the old copies are removed last. Interrupted at any point,
the catalogue still names a complete store."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.images.store import ImageStore
from catalogue_app.messages import declare
from catalogue_app.settings import IMAGES_DIR, in_catalogue

ALREADY_THERE = declare("images.store_already_there", "The images are already stored in {folder}.")
NOT_EMPTY = declare(
    "images.store_target_not_empty",
    "{folder} is not an empty folder; choose a new or empty one.")
CANNOT_CREATE = declare("images.store_cannot_create", "Cannot create {folder}: {reason}.")
HASH_MISMATCH = declare(
    "images.store_hash_mismatch",
    "The original {path} no longer matches its hash; run `check --fixity` and restore it "
    "before moving.")
CANNOT_COPY = declare(
    "images.store_cannot_copy",
    "Cannot copy {path} to {folder}: {reason}. Nothing was moved.")


def move_image_store(catalogue: Catalogue, destination: Path | str,
                     progress: Callable[[int, int], None] | None = None) -> int:
    """Move every original to destination (a new or empty folder); return how many moved."""
    source = catalogue.images_dir
    destination = Path(destination).expanduser().absolute()
    if destination.resolve() == source.resolve():
        raise CatalogueError(ALREADY_THERE, folder=destination)
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise CatalogueError(NOT_EMPTY, folder=destination)
    try:
        destination.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogueError(CANNOT_CREATE, folder=destination, reason=exc.strerror or exc) \
            from exc
    originals = ImageStore(source).originals()
    target = ImageStore(destination)
    for done, path in enumerate(originals, start=1):
        try:
            target.add_file(path, path.name)
        except ValueError as exc:
            raise CatalogueError(HASH_MISMATCH, path=path) from exc
        except OSError as exc:
            raise CatalogueError(CANNOT_COPY, path=path, folder=destination,
                                 reason=exc.strerror or exc) from exc
        if progress:
            progress(done, len(originals))
    at_home = destination == catalogue.directory.absolute() / "images"
    with catalogue.writing() as session:
        in_catalogue.write(session, IMAGES_DIR, None if at_home else str(destination))
    _remove_originals(source, originals)
    return len(originals)


def _remove_originals(root: Path, originals: list[Path]) -> None:
    """Delete the old copies and the folders they leave empty (never anything else)."""
    for path in originals:
        path.unlink(missing_ok=True)
    for folder, _, _ in sorted(os.walk(root), key=lambda entry: -len(entry[0])):
        if Path(folder) != root and not any(Path(folder).iterdir()):
            Path(folder).rmdir()
