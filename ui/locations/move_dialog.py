"""Move objects: those selected in the list, and any number typed or scanned in the box (each
Enter adds one, the box is ready for the next at once); where to (a path typed or picked, a
code, or a location's label scanned into the same box), why, when, and a note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.records.fields import FIELDS_BY_NAME
from ui.form.register_editors import ChoiceEditor
from ui.labelled_form import add_labelled_rows, error_label, ok_cancel
from ui.locations.location_picker import LocationPicker

ID_ROLE = Qt.ItemDataRole.UserRole


class MoveDialog(QDialog):
    """Closes once `move` took the objects, place, reason, date and note; a refusal is said
    in the dialog, which stays as it was."""

    def __init__(self, catalogue: Catalogue, record_ids: list[str],
                 move: Callable[[list[str], str, str, str, str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self._move = catalogue, move
        self.setWindowTitle(self.tr("Move objects"))
        self.number = QLineEdit()
        self.number.setObjectName("moveNumber")
        self.number.setPlaceholderText(self.tr("Type or scan an inventory number, then Enter"))
        self.number.returnPressed.connect(self.add_typed)
        self.objects = QListWidget()
        self.objects.setObjectName("moveObjects")
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.objects)
        remove.activated.connect(self.remove_current)
        self.heard = QLabel()  # what the last number typed gave
        self.heard.setObjectName("moveHeard")
        self.heard.setWordWrap(True)
        self.to = LocationPicker(catalogue)
        self.to.setObjectName("moveTo")
        self.to.setCurrentIndex(-1)
        self.reason = ChoiceEditor(FIELDS_BY_NAME["movements"])
        self.reason.setObjectName("moveReason")
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("moveDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.note = QLineEdit()
        self.note.setObjectName("moveNote")
        self.problem = error_label()
        self.problem.setObjectName("moveProblem")
        self.buttons = ok_cancel(self, self.tr("&Move"))
        layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        add_labelled_rows(layout, (
            (self.tr("&Number"), self.number), (self.tr("Objects"), self.objects),
            ("", self.heard), (self.tr("&To"), self.to), (self.tr("&Reason"), self.reason),
            (self.tr("&Date"), self.date), (self.tr("N&ote"), self.note)))
        layout.addRow(self.problem)
        layout.addRow(self.buttons)
        for record_id in record_ids:
            self._add(record_id)
        self._count()
        self.resize(620, 560)
        self.number.setFocus()

    def keyPressEvent(self, event) -> None:
        """Enter in the number box adds a number (a scanner ends each with one): it never
        presses the dialog's default button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.number.hasFocus():
            return
        super().keyPressEvent(event)

    def record_ids(self) -> list[str]:
        return [self.objects.item(row).data(ID_ROLE) for row in range(self.objects.count())]

    def add_typed(self) -> None:
        """The number typed or scanned joins the list; a location's label sets where to."""
        text = self.number.text().strip()
        self.number.clear()
        if not text:
            return
        try:
            record_id = self.catalogue.record_id_of(text)
        except CatalogueError as not_a_number:
            try:
                self.to.set_location(self.catalogue.location_id_of(text))
            except CatalogueError:
                self.heard.setText(str(not_a_number))
                self.heard.setStyleSheet("color: #a00000")
            else:
                self.heard.setText(self.tr("Destination: {path}").format(
                    path=self.to.currentText()))
                self.heard.setStyleSheet("")
            return
        if record_id in self.record_ids():
            self.heard.setText(self.tr("{number} is already in the list.").format(number=text))
        else:
            self.heard.setText(self.tr("Added: {line}").format(line=self._add(record_id)))
        self.heard.setStyleSheet("")
        self._count()

    def _add(self, record_id: str) -> str:
        record = self.catalogue.load(record_id)
        line = " — ".join(t for t in (record["inventory_number"], record["designation"],
                                      record["current_location"]) if t)
        item = QListWidgetItem(line)
        item.setData(ID_ROLE, record_id)
        self.objects.addItem(item)
        self.objects.scrollToItem(item)
        return line

    def remove_current(self) -> None:
        self.objects.takeItem(self.objects.currentRow())
        self._count()

    def _count(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Move {n} object(s)").format(n=self.objects.count()))

    def accept(self) -> None:
        ids, location_id = self.record_ids(), self.to.location_id()
        if not ids:
            self.problem.setText(self.tr("Add the objects to move first."))
            return
        if location_id is None:
            self.problem.setText(self.to.problem() or self.tr("Say where the objects go."))
            return
        try:
            self._move(ids, location_id, self.reason.value(),
                       self.date.date().toString(Qt.DateFormat.ISODate), self.note.text())
        except CatalogueError as exc:
            self.problem.setText(str(exc))
            return
        super().accept()
