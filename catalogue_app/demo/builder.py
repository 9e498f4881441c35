"""The demo catalogue a new user sees on first run: a few hundred plausible objects of an
imaginary Normandy museum, spread over the themes, most with a photograph or two, those of the
exhibition rooms and of reserves A and B placed in the hierarchy of locations (the others keep
their typed location, for Locations > Place typed locations to show)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from sqlalchemy import insert
from sqlalchemy.orm import Session

from catalogue_app.catalogue import Catalogue
from catalogue_app.clock import now_iso
from catalogue_app.demo.generator import demo_image, generate_records
from catalogue_app.images.store import ImageStore
from catalogue_app.locations.moving import free_texts, place_free_text
from catalogue_app.locations.tree import add_location
from catalogue_app.records.derive import sort_key
from catalogue_app.records.store import insert_records
from db.local.models import Image

DEMO_SIZE = 320
DEMO_USER = "demo"
DEMO_IMAGE_SIZE = (1200, 900)


def create_demo_catalogue(catalogue: Catalogue, count: int = DEMO_SIZE,
                          progress: Callable[[int, int], None] | None = None) -> int:
    """Fill an empty catalogue with demo objects and images; return the number of records."""
    catalogue.set_museum(
        "DEMO", "Musée de démonstration", owner="propriété de la commune", town="Bayeux",
        presentation="Un musée imaginaire de Normandie : costumes, faïences, outils agricoles"
                     " et photographies d'un siècle de vie rurale.")
    records = list(generate_records(count, seed=2007))
    store = ImageStore(catalogue.images_dir)
    images = []
    now = now_iso()
    for n, record in enumerate(records):
        record["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"demo:{record['inventory_number']}"))
        for index in range(n % 3):  # none, one or two images: a realistic mix
            data = demo_image(record, index, DEMO_IMAGE_SIZE)
            images.append(_image_row(record["id"], record["inventory_number"], index,
                                     store.add_bytes(data), len(data), now))
        if progress:
            progress(n + 1, len(records))
    with catalogue.writing() as session:
        insert_records(session, records, DEMO_USER)
        if images:
            session.execute(insert(Image), images)
        _place(session)
    return len(records)


_SHELF = re.compile(r"Réserve ([AB]), travée (\d+), étagère (\d+)")
_ROOM = re.compile(r"Salle (\d+)")


def _place(session: Session) -> None:
    """Locations for the typed texts of the exhibition rooms and of reserves A and B, and
    their objects placed there (as a museum does once it has its hierarchy)."""
    for text in sorted((text for text, _count in free_texts(session)), key=sort_key):
        if shelf := _SHELF.fullmatch(text):
            reserve, bay, level = shelf.groups()
            path = f"Réserve {reserve} > Travée {bay} > Étagère {level}"
            code, kind = f"R{reserve}-{bay}-{level}", "shelf"
        elif room := _ROOM.fullmatch(text):
            path, code, kind = f"Musée > Salle {room.group(1)}", f"S{room.group(1)}", "room"
        else:
            continue
        location_id = add_location(session, path, code=code, kind=kind)
        place_free_text(session, text, location_id, DEMO_USER)


def _image_row(record_id: str, number: str, index: int, sha256: str, size: int,
               now: str) -> dict:
    width, height = DEMO_IMAGE_SIZE
    return dict(record_id=record_id, sha256=sha256, file_name=f"{number}_{index + 1}.jpg",
                media_type="image/jpeg", byte_size=size, width=width, height=height,
                view_type="general" if index == 0 else "detail", position=index,
                is_primary=index == 0, publishable=False, attached_at=now,
                photographer="Service photographique du musée")
