"""The Catalogue's verbs on records: each owns its transaction and says what it changed.

Mixed into Catalogue (facade.py), whose reading(), writing() and user they use."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from catalogue_app.catalogue.changes import Changes

# Fields of a record the form shows but whose entries only their own verbs make.
OWN_VERBS = ("movements", "loans", "condition_reports", "recolement_checks")


class RecordVerbs:
    # --- reading ------------------------------------------------------------------------
    def load(self, record_id: str) -> dict[str, Any]:
        """The record as the form shows it; RecordError when it does not exist (purged)."""
        from catalogue_app.records.store import load_record

        with self.reading() as session:
            return load_record(session, record_id)

    def record_id_of(self, number: str) -> str:
        """The id of the record with this inventory number; RecordError when none has it."""
        from catalogue_app.records.reading import record_id_of

        with self.reading() as session:
            return record_id_of(session, number)

    def trashed(self) -> list[dict[str, str]]:
        from catalogue_app.records.lifecycle import trashed_records

        with self.reading() as session:
            return trashed_records(session)

    def history(self, record_id: str) -> list:
        from catalogue_app.records.history import record_history

        with self.reading() as session:
            return record_history(session, record_id)

    def check_number(self, number: str, record_id: str | None):
        """The museum pattern's warnings, and an error when another record has the number."""
        from catalogue_app.records.number_checks import check_number

        with self.reading() as session:
            return check_number(session, number, record_id)

    def next_number(self, lot: str) -> str:
        from catalogue_app.records.number_checks import next_number_in_lot

        with self.reading() as session:
            return next_number_in_lot(session, lot)

    # --- saving ---------------------------------------------------------------------------
    def save(self, values: dict[str, Any]) -> Changes:
        """Create the record (no id) or update it, and drop the form's draft of it."""
        from catalogue_app.records import drafts, store

        # Movements, loans and condition reports are made by their own verbs (a move,
        # loan_verbs.py), never typed: a form opened before one was added (here, or by a sync,
        # or a draft kept through a crash) must not take it back.
        values = {name: value for name, value in values.items() if name not in OWN_VERBS}
        record_id = values.get("id")
        with self.writing() as session:
            drafts.discard_draft(session, record_id)
            if record_id:
                store.update_record(session, record_id, values, self.user)
                return Changes.of(changed=[record_id], focus=record_id)
            record_id = store.create_record(session, values, self.user)
        return Changes.of(added=[record_id], focus=record_id)

    def restore_value(self, record_id: str, history_entry_id: int) -> Changes:
        """Give a field back the value it had before the change of that history entry."""
        from catalogue_app.records.history import restore_value

        with self.writing() as session:
            restore_value(session, record_id, history_entry_id, self.user)
        return Changes.of(changed=[record_id])

    # --- the record's legal life ------------------------------------------------------------
    def trash(self, record_ids: Sequence[str]) -> Changes:
        """All or none: a record in the register refuses, and nothing goes to the trash."""
        from catalogue_app.records.lifecycle import trash_record

        with self.writing() as session:
            for record_id in record_ids:
                trash_record(session, record_id, self.user)
        return Changes.of(removed=record_ids)

    def restore(self, record_ids: Sequence[str]) -> Changes:
        from catalogue_app.records.lifecycle import restore_record

        with self.writing() as session:
            for record_id in record_ids:
                restore_record(session, record_id, self.user)
        return Changes.of(added=record_ids)

    def purge(self) -> Changes:
        """Empty the trash (tombstones tell the regional base); result: how many went."""
        from catalogue_app.records.lifecycle import empty_trash, trashed_records

        with self.writing() as session:
            ids = [row["id"] for row in trashed_records(session)]
            empty_trash(session, self.user)
        return Changes.of(removed=ids, result=len(ids))

    def radiate(self, record_id: str, case: str, date: str, decision: str) -> Changes:
        """Radiation (deaccession): needs the legal case, the date and the decision."""
        from catalogue_app.records.lifecycle import radiate_record

        with self.writing() as session:
            radiate_record(session, record_id, case, date, decision, self.user)
        return Changes.of(changed=[record_id])

    def rectify(self, record_id: str, field: str, value: str, reason: str) -> Changes:
        """The one way to change a locked column of an inscribed record."""
        from catalogue_app.records.lifecycle import rectify_record

        with self.writing() as session:
            rectify_record(session, record_id, field, value, reason, self.user)
        return Changes.of(changed=[record_id])

    # --- batch edit -----------------------------------------------------------------------------
    def preview_batch(self, record_ids: Sequence[str], field: str, operation: str,
                      value: str | bool = "") -> list:
        from catalogue_app.records.batch_edit import preview

        with self.reading() as session:
            return preview(session, record_ids, field, operation, value)

    def batch_edit(self, record_ids: Sequence[str], field: str, operation: str,
                   value: str | bool) -> Changes:
        """One field of many records at once; result: the BatchEdit that undo_batch takes."""
        from catalogue_app.records.batch_edit import apply_batch

        with self.writing() as session:
            batch = apply_batch(session, record_ids, field, operation, value, self.user)
        return Changes.of(changed=[c.record_id for c in batch.changes], result=batch)

    def undo_batch(self, batch) -> Changes:
        """Result: the numbers left as they are because they were edited after the batch."""
        from catalogue_app.records.batch_edit import revert_batch

        with self.writing() as session:
            kept = revert_batch(session, batch, self.user)
        return Changes.of(changed=[c.record_id for c in batch.changes], result=kept)

    # --- drafts (the form's unsaved edits, kept through a crash) --------------------------------
    def keep_draft(self, record_id: str | None, values: dict[str, Any]) -> None:
        from catalogue_app.records.drafts import save_draft

        with self.writing() as session:
            save_draft(session, record_id, values, self.user)

    def draft(self, record_id: str | None):
        from catalogue_app.records.drafts import load_draft

        with self.reading() as session:
            return load_draft(session, record_id)

    def drafts_left(self) -> list:
        """Drafts left behind by a crash or a kill, newest first."""
        from catalogue_app.records.drafts import list_drafts

        with self.reading() as session:
            return list_drafts(session)

    def discard_draft(self, record_id: str | None) -> None:
        from catalogue_app.records.drafts import discard_draft

        with self.writing() as session:
            discard_draft(session, record_id)
