"""First run with --demo: build the demo catalogue in the background, with progress."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog

from catalogue_app.catalogue import Catalogue
from catalogue_app.demo.builder import create_demo_catalogue
from ui import messages
from ui.operations import run_in_background


def create_demo_with_progress(catalogue: Catalogue) -> None:
    dialog = QProgressDialog()
    dialog.setWindowTitle(dialog.tr("Demo catalogue"))
    dialog.setLabelText(dialog.tr("Creating the demo catalogue with sample objects and images…"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()

    def failed(exc: Exception) -> None:
        messages.show_error(None, dialog.tr("Demo catalogue"),
                            dialog.tr("The demo catalogue could not be created: {error}")
                            .format(error=exc))
        loop.quit()

    run_in_background(
        lambda job: create_demo_catalogue(catalogue, progress=lambda d, t: job.progress(d, t)),
        on_progress=lambda done, total, _text: (dialog.setMaximum(total), dialog.setValue(done)),
        on_success=lambda _count: loop.quit(), on_failure=failed, parent=dialog)
    loop.exec()
    dialog.close()
