"""Images > Details for new images: a photographer's template, given to every image attached
at this desk from then on (the file's own metadata fills what it leaves empty)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from catalogue_app.images.attach import TEMPLATE_FIELDS
from catalogue_app.settings import IMAGE_TEMPLATE, Preferences
from ui.images.licence_field import LicenceField


class ImageTemplateDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageTemplateDialog")
        self.setWindowTitle(self.tr("Details for new images"))
        self._preferences = preferences
        template = preferences.get(IMAGE_TEMPLATE)
        explanation = QLabel(self.tr(
            "Given to every image attached from now on. Leave a field empty to keep what the "
            "camera recorded."))
        explanation.setWordWrap(True)
        labels = {"photographer": self.tr("Photographer"), "date_taken": self.tr("Date"),
                  "licence": self.tr("Licence"), "credit": self.tr("Credit")}
        self.editors: dict[str, QLineEdit | LicenceField] = {}
        form = QFormLayout(self)
        form.addRow(explanation)
        for name in TEMPLATE_FIELDS:
            self.editors[name] = LicenceField() if name == "licence" else QLineEdit()
            self.editors[name].setText(str(template.get(name) or ""))
            form.addRow(labels[name], self.editors[name])
        self.publishable = QCheckBox(self.tr("Rights cleared for the public portal"))
        self.publishable.setChecked(bool(template.get("publishable")))
        form.addRow(self.tr("Publishable"), self.publishable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        template = {name: editor.text().strip() for name, editor in self.editors.items()}
        template["publishable"] = self.publishable.isChecked()
        self._preferences.set(IMAGE_TEMPLATE, template)
        super().accept()
