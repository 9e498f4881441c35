"""Record actions around the form, added to the main window's menus: duplicate as template,
batch edit (and its undo), rectification and deaccession of an inscribed record (which is
never deleted), the trash, form undo/redo, and the offer of drafts left behind by a crash when
the window opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from catalogue_app.catalogue import Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.records.inventory_numbers import lot_of
from catalogue_app.records.templates import template_from
from ui import messages
from ui.form.radiation_dialog import RadiationDialog
from ui.form.trash_dialog import TrashDialog

if TYPE_CHECKING:
    from catalogue_app.records.batch_edit import BatchEdit
    from ui.main_window import MainWindow


class RecordActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.catalogue, self.form = window.catalogue, window.form
        self._last_batch: BatchEdit | None = None
        record_menu, edit_menu = window.record_menu, window.edit_menu
        # Beside New/Save/Delete, before the separator that leads to Settings and Quit.
        self._record_anchor = next((a for a in record_menu.actions() if a.isSeparator()), None)
        self.duplicate_action = self._action(self.tr("D&uplicate as template"),
                                             self.duplicate_as_template, "Ctrl+D", record_menu)
        self.batch_action = self._action(self.tr("&Batch edit the selection…"), self.batch_edit,
                                         "Ctrl+Shift+B", record_menu)
        self.rectify_action = self._action(self.tr("Rect&ify…"), self.rectify, None,
                                           record_menu)
        self.deaccession_action = self._action(self.tr("De&accession…"), self.deaccession,
                                               None, record_menu)
        self.trash_action = self._action(self.tr("Show the tras&h…"), self.show_trash,
                                         None, record_menu)
        edit_menu.addSeparator()
        edit_menu.addAction(self.form.undo_action)
        edit_menu.addAction(self.form.redo_action)
        edit_menu.addAction(self.form.add_term_action)
        self.undo_batch_action = self._action(self.tr("Undo the last &batch edit"),
                                              self.undo_batch, None, edit_menu)
        self.undo_batch_action.setEnabled(False)
        self.form.recordChanged.connect(lambda record_id: window.apply(Changes.of(
            changed=[record_id])))
        self.form.statusMessage.connect(window.show_status)
        self.form.recordLoaded.connect(self._register_actions)
        window.record_menu.setToolTipsVisible(True)
        self._register_actions()
        window.firstPainted.connect(self.offer_drafts_left_behind)

    def _action(self, text: str, slot, shortcut: str | None, menu) -> QAction:
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        if menu is self.window.record_menu and self._record_anchor is not None:
            menu.insertAction(self._record_anchor, act)
        else:
            menu.addAction(act)
        self.window.addAction(act)
        return act

    # --- drafts left behind -------------------------------------------------------------
    def offer_drafts_left_behind(self) -> None:
        """After a crash or a kill: open the newest draft's record, whose form offers it back."""
        left = self.catalogue.drafts_left()
        if not left:
            return
        record_id = left[0].record_id
        if record_id is None:
            self.form.load(None)
            return
        try:
            record = self.catalogue.load(record_id)
        except CatalogueError:  # purged meanwhile: nothing to apply the edits to
            self.catalogue.discard_draft(record_id)
            return
        if self.window.model.row_of(record_id) >= 0:
            self.window.select(record_id)  # loads the form through the list, as a click would
        if self.form.record_id() != record_id:
            self.form.load(record)

    # --- duplicate --------------------------------------------------------------------------
    def duplicate_as_template(self) -> None:
        if not self.window.may_leave_form():
            return
        source = self.form.values()
        self.window.table.clearSelection()
        self.form.load_template(template_from(source), lot_of(source["inventory_number"]))
        self.window.show_status(self.tr(
            "New record copied from {number}: give it its own inventory number.").format(
            number=source["inventory_number"] or self.tr("the form")))

    # --- batch edit -------------------------------------------------------------------------
    def batch_edit(self) -> None:
        ids = self.window.selected_ids()
        if not ids:
            messages.show_error(self.window, self.tr("Nothing to edit"), self.tr(
                "Select the records to change in the list first (Shift or Ctrl with the arrows "
                "or the mouse)."))
            return
        if not self.window.may_leave_form():
            return
        from ui.form.batch_edit_dialog import BatchEditDialog

        dialog = BatchEditDialog(self.catalogue, ids, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        field, operation, value = dialog.choice()
        try:
            changes = self.catalogue.batch_edit(ids, field, operation, value)
        except CatalogueError as exc:
            messages.show_error(self.window, self.tr("Nothing changed"), str(exc))
            return
        self._last_batch = changes.result
        self.undo_batch_action.setEnabled(bool(changes.changed))
        self.window.apply(changes)
        self.window.show_status(self.tr(
            "{n} records changed. Edit > Undo the last batch edit takes it back.").format(
            n=len(changes.changed)), 8000)

    def undo_batch(self) -> None:
        if self._last_batch is None or not self.window.may_leave_form():
            return
        changes = self.catalogue.undo_batch(self._last_batch)
        self._last_batch = None
        self.undo_batch_action.setEnabled(False)
        self.window.apply(changes)
        if kept := changes.result:
            messages.show_error(self.window, self.tr("Batch edit partly undone"), self.tr(
                "These records were edited again after the batch and were left as they are: "
                "{numbers}.").format(numbers=", ".join(kept)))

    # --- register -----------------------------------------------------------------------------
    def deaccession(self) -> None:
        record_id = self.form.record_id()
        if record_id is None:
            messages.show_error(self.window, self.tr("No record"), self.tr(
                "Open the record to deaccession first."))
            return
        if not self.window.may_leave_form():
            return
        record = self.form.values()
        if not record["inscribed"]:
            messages.show_error(self.window, self.tr("Not in the register"), self.tr(
                "Record {number} has no register date: it is not in the inventory register, "
                "so it cannot be deaccessioned. Delete it instead (it goes to the trash)."
            ).format(number=record["inventory_number"]))
            return
        if record.get("status") == "deaccessioned":
            messages.show_error(self.window, self.tr("Already deaccessioned"), self.tr(
                "Record {number} was deaccessioned on {date}.").format(
                number=record["inventory_number"], date=record["deaccession_date"]))
            return
        dialog = RadiationDialog(record["inventory_number"], self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            changes = self.catalogue.radiate(record_id, *dialog.values())
        except CatalogueError as exc:
            messages.show_error(self.window, self.tr("Not deaccessioned"), str(exc))
            return
        self.window.apply(changes)

    def _register_actions(self, _record_id: str | None = None) -> None:
        """An inscribed record is rectified, never deleted: the actions say so."""
        record = self.form.values()
        inscribed = bool(record.get("inscribed")) and bool(record.get("id"))
        self.rectify_action.setEnabled(inscribed)
        delete = self.window.delete_action
        delete.setEnabled(not inscribed)
        why = self.tr("Record {number} is inscribed in the register: it can never be deleted, "
                      "only deaccessioned (Record > Deaccession…).").format(
            number=record.get("inventory_number", "")) if inscribed else ""
        delete.setToolTip(why or delete.text().replace("&", ""))
        delete.setStatusTip(why)

    def rectify(self) -> None:
        record_id = self.form.record_id()
        if record_id is None or not self.window.may_leave_form():
            return
        from ui.form.rectify_dialog import RectifyDialog

        dialog = RectifyDialog(self.form.values(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            changes = self.catalogue.rectify(record_id, *dialog.values())
        except CatalogueError as exc:
            messages.show_error(self.window, self.tr("Not rectified"), str(exc))
            return
        self.window.apply(changes)

    def show_trash(self) -> None:
        dialog = TrashDialog(self.catalogue, self.window)
        dialog.changed.connect(self.window.apply)
        dialog.exec()
