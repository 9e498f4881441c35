"""`catalogue-base export joconde OUT --museum CODE`: one museum's records that the Joconde
channel publishes (catalogue_app.publication.joconde), in the desk's Joconde/POP format, written
by the desk's own writer: the notices POP knows in OUT, the new ones (no Joconde reference yet)
beside it. Records are read 500 at a time, so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app import publication
from catalogue_app.exchange.export import write_joconde_delivery
from catalogue_app.exchange.joconde import JocondeReport
from catalogue_app.exchange.record_values import list_values
from catalogue_app.regional.errors import NotFound
from catalogue_app.regional.theme_tree import ThemeTree, theme_tree
from db.regional.models import Museum, Record

BATCH = 500


def export_joconde(session: Session, museum_code: str, out: Path) -> JocondeReport:
    """Write the museum's Joconde export to `out` and its new notices beside it (whole or not
    at all)."""
    museum = session.scalar(select(Museum).where(Museum.code == museum_code))
    if museum is None:
        raise NotFound(f"the regional base has no museum {museum_code!r}")
    holder = {"code": museum.code, "name": museum.name, "owner": museum.owner,
              "town": museum.town}
    records = _published(session, museum.id, holder, theme_tree(session))
    return write_joconde_delivery(records, out, holder)


def _published(session: Session, museum_id: int, holder: dict[str, str], tree: ThemeTree
               ) -> Iterator[dict[str, Any]]:
    last = ""
    while True:
        batch = session.execute(
            select(Record.id, Record.fields, Record.deleted)
            .where(Record.museum_id == museum_id, Record.id > last)
            .order_by(Record.id).limit(BATCH)
        ).all()
        if not batch:
            return
        for record_id, fields, deleted in batch:
            document = publication.joconde(fields, deleted)
            if document is not None:
                yield {**document, "id": record_id, "museum": holder,
                       "themes": [tree.french_path(t) for t in list_values(document, "themes")
                                  if t in tree.nodes]}
        last = batch[-1].id
