"""The Exchange menu of the main window: import a spreadsheet, export CSV / LIDO / Joconde,
print object sheets and the registers as PDF. Exports cover the selected records when several
are selected, otherwise the records the list shows (the whole catalogue or the current search);
they run in the background with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from catalogue_app.catalogue import Changes
from catalogue_app.errors import CatalogueError
from ui import messages
from ui.operations import Job, run_in_background

if TYPE_CHECKING:
    from ui.main_window import MainWindow

MANY_SHEETS = 200  # above this, printing every sheet in the list is asked for, not assumed


class ExchangeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(self.tr("E&xchange"))
        self.import_action = self._add(self.tr("&Import a spreadsheet…"), self.import_file)
        self.menu.addSeparator()
        self.export_actions = {
            format: self._add(text, lambda _checked=False, f=format: self.export(f))
            for format, text in (("csv", self.tr("Export as &CSV…")),
                                 ("lido", self.tr("Export as &LIDO XML…")),
                                 ("joconde", self.tr("Export for &Joconde/POP…")))}
        self.menu.addSeparator()
        self.sheets_action = self._add(self.tr("&Object sheets (PDF)…"), self.print_sheets)
        self.register_action = self._add(self.tr("Inventory &register (PDF)…"),
                                         lambda: self.print_register(deposits=False))
        self.deposits_action = self._add(self.tr("&Deposits register (PDF)…"),
                                         lambda: self.print_register(deposits=True))

    def _add(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def scope(self) -> list[str]:
        """The selected records when several are selected, else every record in the list."""
        selected = self.window.selected_ids()
        if len(selected) > 1:
            return selected
        model = self.window.model
        return [model.id_at(row) for row in range(model.rowCount())]

    # --- import -------------------------------------------------------------------------
    # The import, export and PDF machinery loads when first used, not at start-up.
    def import_file(self) -> None:
        from ui.exchange.import_wizard import ImportWizard

        wizard = ImportWizard(self.window.catalogue, self.window.preferences, self.window)
        wizard.exec()
        if wizard.import_page.done is not None and wizard.import_page.done.imported:
            self.window.apply(Changes.everything())  # thousands of rows, maybe updates too

    # --- export -------------------------------------------------------------------------
    def export(self, format: str) -> None:
        from catalogue_app.exchange.export import export_catalogue

        suffix, kind = {"csv": (".csv", self.tr("CSV files (*.csv)")),
                        "lido": (".xml", self.tr("LIDO XML (*.xml)")),
                        "joconde": (".csv", self.tr("Joconde CSV (*.csv)"))}[format]
        out = self._ask_file(f"catalogue-{format}{suffix}", kind)
        if out is None:
            return
        ids = self.scope()
        self._run(self.tr("Exporting {n} records…").format(n=len(ids)), len(ids),
                  lambda job: export_catalogue(
                      self.window.catalogue, format, out, ids=ids,
                      progress=lambda done, total: job.progress(done, total),
                      cancelled=lambda: job.cancelled),
                  out)

    def print_sheets(self) -> None:
        from catalogue_app.documents.object_sheets import print_object_sheets
        from ui.documents.pdf import render_pdf

        ids = self.window.selected_ids() or self.scope()
        if len(ids) > MANY_SHEETS and not messages.confirm(
                self.window, self.tr("Object sheets"),
                self.tr("Print {n} object sheets (one page or more each)?").format(n=len(ids))):
            return
        out = self._ask_file("object-sheets.pdf", self.tr("PDF files (*.pdf)"))
        if out is not None:
            self._run(self.tr("Writing {n} object sheets…").format(n=len(ids)), 0,
                      lambda _job: print_object_sheets(self.window.catalogue, ids, out,
                                                      render_pdf), out)

    def print_register(self, deposits: bool) -> None:
        from catalogue_app.documents.register import print_register
        from ui.documents.pdf import render_pdf

        name = "deposits-register.pdf" if deposits else "inventory-register.pdf"
        out = self._ask_file(name, self.tr("PDF files (*.pdf)"))
        if out is not None:
            self._run(self.tr("Writing the register…"), 0,
                      lambda _job: print_register(self.window.catalogue, out, render_pdf,
                                                 deposits), out)

    def _ask_file(self, name: str, kind: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export"), name, kind)
        return Path(chosen) if chosen else None

    def _run(self, label: str, total: int, work: Callable[[Job], int], out: Path) -> Job:
        progress = QProgressDialog(label, self.tr("Cancel"), 0, total, self.window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def succeeded(count: int) -> None:
            progress.close()
            self.window.statusBar().showMessage(
                self.tr("Wrote {n} records to {file}.").format(n=count, file=out), 8000)

        def failed(exc: Exception) -> None:
            from catalogue_app.exchange.export import ExportCancelled

            progress.close()
            if not isinstance(exc, ExportCancelled):
                text = str(exc) if isinstance(exc, CatalogueError | OSError) else repr(exc)
                messages.show_error(self.window, self.tr("Export failed"), text)

        job = run_in_background(work, on_success=succeeded, on_failure=failed,
                                on_progress=lambda done, _total, _text:
                                progress.setValue(done), parent=self)
        progress.canceled.connect(job.cancel)
        return job
