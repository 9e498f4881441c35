"""Questions the form puts to the curator, in one place (tests replace these functions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from catalogue_app.records.drafts import DraftInfo


def ask_restore_draft(parent: QWidget | None, draft: DraftInfo) -> bool:
    """True to bring back the unsaved edits found in a draft, False to throw them away."""
    what = (
        QCoreApplication.translate("prompts", "record {number}").format(
            number=draft.inventory_number
        )
        if draft.record_id
        else QCoreApplication.translate("prompts", "a new record")
    )
    text = QCoreApplication.translate(
        "prompts",
        "Unsaved changes to {what} were kept on {when} (by {user}), when the "
        "application was closed without saving (perhaps after a crash).\n\n"
        "Restore them in the form? Choosing No throws them away.",
    ).format(what=what, when=draft.saved_at[:19].replace("T", " "), user=draft.user)
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("prompts", "Restore unsaved changes"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
