"""Public derivatives of publishable images, made in the background (design.md §8, §12).

When a push publishes an image the portal has no derivatives of, a worker thread of the server
decodes the original once (orientation applied, huge scans decoded at reduced size) and stores
three JPEGs in the blob store, under `derivatives/`: `thumb` (lists, facets, games), `web` (the
object page) and `zoom` (loaded by OpenSeadragon only when a visitor zooms). They are new
pictures encoded from pixels, so no EXIF, GPS or other metadata of the original goes with them;
the original itself is never served to the public. Each server process runs a worker; what one
made, the others skip."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

from PIL import Image
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from catalogue_app.images.decode import render
from catalogue_app.regional.background import Background
from catalogue_app.regional.blobs import BlobStore
from catalogue_app.regional.timestamps import utc_now
from db.regional.engine import Database
from db.regional.models import ImageDerivative, PublicImage

SIZES = {"thumb": 300, "web": 1200, "zoom": 4096}
QUALITY = {"thumb": 78, "web": 82, "zoom": 85}
BATCH = 8
IDLE_SECONDS = 5.0  # another process's pushes are noticed this often
log = logging.getLogger(__name__)


def pending(session: Session, limit: int = BATCH) -> list[tuple[str, str]]:
    """(sha256, extension) of published images that have no derivatives yet."""
    made = select(ImageDerivative.sha256).where(ImageDerivative.sha256 == PublicImage.sha256)
    rows = session.execute(
        select(PublicImage.sha256, PublicImage.extension).where(~made.exists())
        .order_by(PublicImage.sha256).limit(limit * 4)
    )
    return list(dict(rows.all()).items())[:limit]


def encode(original: Image.Image, kind: str) -> bytes:
    picture = original.copy()
    box = SIZES[kind]
    picture.thumbnail((box, box), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=QUALITY[kind], optimize=True, progressive=kind != "thumb")
    return out.getvalue()


def make(blobs: BlobStore, sha256: str, extension: str) -> ImageDerivative:
    """Make and store the derivatives of one original; the row saying what was made."""
    with blobs.original_file(sha256) as path:  # from an S3 store: a temporary copy
        rendered = render(path, f"original{extension}", SIZES["zoom"]) if path else None
    if rendered is None or rendered.placeholder:
        return ImageDerivative(sha256=sha256, state="failed", made_at=utc_now())
    picture = rendered.picture.convert("RGB")
    for kind in SIZES:
        blobs.store_derivative(sha256, kind, encode(picture, kind))
    return ImageDerivative(sha256=sha256, state="ready", width=picture.width,
                           height=picture.height, made_at=utc_now())


class DerivativeWorker(Background):
    """A daemon thread making derivatives until stopped; `wake` after a push. `made` is
    called after each batch handled (the OAI keeper links the images made)."""

    def __init__(self, database: Database, blobs: BlobStore,
                 made: Callable[[], None] = lambda: None) -> None:
        self.database = database
        self.blobs = blobs
        self.made = made
        super().__init__("derivatives", self._run)

    def run_once(self) -> int:
        """Make the derivatives of a few pending images; how many were handled."""
        with self.database.read_session() as session:
            work = pending(session)
        for sha256, extension in work:
            if self.stopping:
                break
            try:
                made = make(self.blobs, sha256, extension)
            except Exception:  # one bad file must not stop the others
                log.exception("derivatives of image %s could not be made", sha256)
                made = ImageDerivative(sha256=sha256, state="failed", made_at=utc_now())
            self._record(made)
        return len(work)

    def _record(self, made: ImageDerivative) -> None:
        try:
            with self.database.write_session() as session:
                if session.get(ImageDerivative, made.sha256) is None:
                    session.add(made)
        except IntegrityError:
            pass  # another server process recorded the same image first

    def _run(self) -> None:
        while not self.stopping:
            try:
                handled = self.run_once()
            except Exception:
                log.exception("the derivative worker met an error; it retries")
                handled = 0
            if handled:
                self.made()
            else:
                self.idle(IDLE_SECONDS)
                self.forget_wakes()
