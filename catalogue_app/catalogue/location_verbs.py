"""The Catalogue's verbs on locations and movements (catalogue_app.locations).

Mixed into Catalogue (facade.py), whose reading(), writing() and user they use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from catalogue_app.catalogue.changes import Changes


class LocationVerbs:
    # --- the hierarchy ------------------------------------------------------------------------
    def places(self) -> list:
        """Every location (catalogue_app.locations.tree.Place), parents before children."""
        from catalogue_app.locations.tree import places

        with self.reading() as session:
            return places(session)

    def location_id_of(self, text: str) -> str:
        """The id of the location this text names: a path, a code or an id (what a label's QR
        code says); CatalogueError saying which part of the path is unknown."""
        from catalogue_app.locations.tree import find_labelled

        with self.reading() as session:
            return find_labelled(session, text)

    def location_path(self, location_id: str) -> str:
        from catalogue_app.locations.tree import path_of

        with self.reading() as session:
            return path_of(session, location_id)

    def places_below(self, location_id: str) -> list[str]:
        """The place and every place under it, by id."""
        from catalogue_app.locations.tree import below

        with self.reading() as session:
            return below(session, location_id)

    def add_location(self, path: str, code: str = "", kind: str = "") -> Changes:
        """Add the place at this path (and those above it that are missing); result: its id."""
        from catalogue_app.locations.tree import add_location

        with self.writing() as session:
            location_id = add_location(session, path, code=code, kind=kind)
        return Changes(locations=True, result=location_id)

    def add_location_in(self, parent_id: str | None, name: str, code: str = "",
                        kind: str = "") -> Changes:
        """Add a place inside another (None: at the top); result: its id."""
        from catalogue_app.locations.tree import add_child

        with self.writing() as session:
            location_id = add_child(session, parent_id, name, code=code, kind=kind)
        return Changes(locations=True, result=location_id)

    def update_location(self, location_id: str, *, name: str, parent_id: str | None,
                        code: str = "", kind: str = "") -> Changes:
        """Rename, move, recode a place; the records in it get its new path."""
        from catalogue_app.locations.moving import write_paths
        from catalogue_app.locations.tree import update_location

        with self.writing() as session:
            update_location(session, location_id, name=name, parent_id=parent_id, code=code,
                            kind=kind)
            changed = write_paths(session, location_id, self.user)
        return Changes.of(changed=changed, locations=True)

    def delete_location(self, location_id: str) -> Changes:
        """Delete an empty place."""
        from catalogue_app.locations.tree import delete_location

        with self.writing() as session:
            delete_location(session, location_id)
        return Changes(locations=True)

    def location_counts(self) -> dict[str, int]:
        """How many objects are in each place itself (not under it), by id."""
        from catalogue_app.locations.tree import record_counts

        with self.reading() as session:
            return record_counts(session)

    def free_locations(self) -> list[tuple[str, int]]:
        """Free-text locations of records not yet in the hierarchy, with their counts."""
        from catalogue_app.locations.moving import free_texts

        with self.reading() as session:
            return free_texts(session)

    def place_free_location(self, text: str, location_id: str) -> Changes:
        """Place every record whose free-text location reads exactly `text` (and is not yet in
        the hierarchy) in that location, the text kept verbatim as where it came from."""
        from catalogue_app.locations.moving import place_free_text

        with self.writing() as session:
            moved = place_free_text(session, text, location_id, self.user)
        return Changes.of(changed=moved)

    def records_in(self, location_id: str) -> list[str]:
        """The records now in this place or anywhere under it, in inventory order."""
        from catalogue_app.locations.tree import records_in

        with self.reading() as session:
            return records_in(session, location_id)

    # --- movements ----------------------------------------------------------------------------
    def movements(self, record_id: str) -> list[dict[str, Any]]:
        """The record's movements, oldest first (the last by date says where it is)."""
        from catalogue_app.locations.moving import movements_of

        with self.reading() as session:
            return movements_of(session, record_id)

    def move(self, record_ids: Sequence[str], to_location: str, reason: str = "other",
             date: str | None = None, note: str = "") -> Changes:
        """Move the records to the location (an id) on `date` (today by default), all or none."""
        from catalogue_app.locations.moving import move_records

        with self.writing() as session:
            moved = move_records(session, record_ids, to_location, self.user, reason=reason,
                                 date=date, note=note)
        return Changes.of(changed=moved)
