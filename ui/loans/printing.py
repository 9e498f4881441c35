"""Print a condition report: the PDF is written off the GUI thread (previews may have to be
made from large originals first), then said in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from catalogue_app.errors import CatalogueError
from ui import messages
from ui.operations import Job, run_in_background

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def print_condition_report(window: MainWindow, record_id: str | None,
                           report: dict[str, Any]) -> Job | None:
    if record_id is None:
        return None
    number = window.form.values().get("inventory_number", "")
    name = f"constat-{number}-{report.get('date', '')}.pdf".replace("/", "-").replace(" ", "_")
    chosen, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("ConditionReportPrinting",
                                           "Print the condition report"),
        name, QCoreApplication.translate("ConditionReportPrinting", "PDF files (*.pdf)"))
    if not chosen:
        return None
    return write_condition_report(window, record_id, report["id"], Path(chosen))


def write_condition_report(window: MainWindow, record_id: str, report_id: str,
                           out: Path) -> Job:
    from catalogue_app.documents.condition_report import print_condition_report as write
    from ui.documents.pdf import render_pdf

    def failed(exc: Exception) -> None:
        text = str(exc) if isinstance(exc, CatalogueError | OSError) else repr(exc)
        messages.show_error(window, QCoreApplication.translate(
            "ConditionReportPrinting", "Condition report not printed"), text)

    return run_in_background(
        lambda _job: write(window.catalogue, record_id, report_id, out, render_pdf),
        on_success=lambda pages: window.show_status(
            QCoreApplication.translate(
                "ConditionReportPrinting",
                "Wrote the condition report to {file} ({pages} page(s)).").format(
                file=out, pages=pages), 8000),
        on_failure=failed, parent=window)
