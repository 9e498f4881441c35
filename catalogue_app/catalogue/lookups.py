"""What the window reads from the Catalogue besides records: the list's ids and rows, the
filter panel's designations, the sync status and its conflicts.

Mixed into Catalogue (facade.py), whose plain(), reading() and writing() they use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from catalogue_app.catalogue.changes import Changes
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.search.listing import ListRow, count_in_view, list_rows, record_ids


@dataclass(frozen=True)
class SyncStatus:
    last_sync_at: str | None
    pending: int  # changes waiting to be sent
    conflicts: int
    set_aside: int = 0  # records from the regional base this desk could not store


class Lookups:
    def list_ids(self, wanted: ListFilter, sort: str | None = None, descending: bool = False,
                 limit: int | None = None) -> tuple[int, list[str]]:
        """(how many records match, their ids in order: the first limit of them)."""
        if not wanted.narrows:  # the window's first page: read without loading SQLAlchemy
            with self.plain() as connection:
                ids = record_ids(connection, sort or "inventory_number", descending,
                                 limit=limit)
                total = (len(ids) if limit is None or len(ids) < limit
                         else count_in_view(connection))
            return total, ids
        from catalogue_app.search.service import list_ids

        with self.reading() as session:
            return list_ids(session, wanted, sort, descending, limit=limit)

    def list_rows(self, ids: Sequence[str]) -> dict[str, ListRow]:
        with self.plain() as connection:
            return list_rows(connection, ids)

    def primary_images(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Each record's primary image, (SHA-256, file name), for those that have one: the
        grid's thumbnails, read a screenful at a time."""
        found: dict[str, tuple[str, str]] = {}
        ids = list(ids)
        with self.plain() as connection:
            for start in range(0, len(ids), 500):  # SQLite's limit on parameters
                chunk = ids[start:start + 500]
                found.update((record_id, (sha256, file_name)) for record_id, sha256, file_name
                             in connection.execute(
                                 "SELECT record_id, sha256, file_name FROM images "
                                 "WHERE is_primary AND record_id IN "
                                 f"({','.join('?' * len(chunk))})", chunk))
        return found

    def designation_counts(self) -> list[tuple[str, int]]:
        from catalogue_app.search.service import designation_counts

        with self.reading() as session:
            return designation_counts(session)

    def sync_status(self) -> SyncStatus:
        from catalogue_app.settings import LAST_SYNC_AT, SET_ASIDE, in_catalogue
        from catalogue_app.sync.conflicts import conflict_count
        from catalogue_app.sync.outbox import pending_count

        with self.reading() as session:
            return SyncStatus(in_catalogue.read(session, LAST_SYNC_AT),
                              pending_count(session), conflict_count(session),
                              len(in_catalogue.read(session, SET_ASIDE)))

    def set_aside_records(self) -> list:
        """The records from the regional base set aside here, with why (sync/set_aside.py)."""
        from catalogue_app.sync.set_aside import listed

        with self.reading() as session:
            return listed(session)

    def conflicts(self) -> list:
        from catalogue_app.sync.conflicts import list_conflicts

        with self.reading() as session:
            return list_conflicts(session)

    def resolve_conflict(self, record_id: str, choice: str | Mapping[str, str]) -> Changes:
        """Keep this desk's side, the server's, or a side per field."""
        from catalogue_app.sync.conflicts import resolve

        with self.writing() as session:
            resolve(session, record_id, choice)
        return Changes.of(changed=[record_id])
