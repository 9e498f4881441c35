"""Field editors of the object form. Each offers value(), set_value(value) and a `changed`
signal, so the form loads, reads, undoes and autosaves every field the same way; plain Qt
widgets get the same three through editor_value / set_editor_value / changed_signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.records.measurements import KINDS, LENGTH_UNITS, WEIGHT_UNITS
from catalogue_app.records.multivalue import split_values
from ui.stacked_rows import stacked_rows

AUTHOR_ROLES = ("author", "maker", "collector", "commissioner")


def role_label(role: str | None) -> str:
    labels = {
        "author": QCoreApplication.translate("FieldEditors", "author"),
        "maker": QCoreApplication.translate("FieldEditors", "maker"),
        "collector": QCoreApplication.translate("FieldEditors", "collector"),
        "commissioner": QCoreApplication.translate("FieldEditors", "commissioner"),
    }
    return labels.get(role or "", role or "")


def kind_label(kind: str) -> str:
    return {
        "height": QCoreApplication.translate("FieldEditors", "height"),
        "width": QCoreApplication.translate("FieldEditors", "width"),
        "length": QCoreApplication.translate("FieldEditors", "length"),
        "depth": QCoreApplication.translate("FieldEditors", "depth"),
        "thickness": QCoreApplication.translate("FieldEditors", "thickness"),
        "diameter": QCoreApplication.translate("FieldEditors", "diameter"),
        "circumference": QCoreApplication.translate("FieldEditors", "circumference"),
        "weight": QCoreApplication.translate("FieldEditors", "weight"),
    }[kind]


# --- plain widgets ----------------------------------------------------------------------------
def editor_value(editor: QWidget) -> Any:
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if type(editor) is QLineEdit:
        return editor.text()
    return editor.value()


def set_editor_value(editor: QWidget, value: Any) -> None:
    if isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif type(editor) is QLineEdit:
        editor.setText(value or "")
    else:
        editor.set_value(value)


def changed_signal(editor: QWidget) -> SignalInstance:
    if isinstance(editor, QCheckBox):
        return editor.toggled
    if type(editor) is QLineEdit:
        return editor.textChanged
    return editor.changed


class LongTextEdit(QPlainTextEdit):
    """Multi-line text kept exactly as entered: Qt's plain text turns non-breaking spaces into
    spaces and CR LF into LF, so the raw document text is read instead, and text the curator
    did not touch is given back as it was loaded."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)
        self._loaded, self._shown = "", ""
        self.textChanged.connect(self.changed)

    def value(self) -> str:
        text = self.document().toRawText().replace("\u2029", "\n")
        return self._loaded if text == self._shown else text

    def set_value(self, value: str | None) -> None:
        self._loaded = value or ""
        self.setPlainText(self._loaded)
        self._shown = self.document().toRawText().replace("\u2029", "\n")


class YearEdit(QLineEdit):
    """A year (negative before Christ) or nothing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"-?\d{0,4}"), self))
        self.setMaximumWidth(80)
        self.textChanged.connect(self.changed)

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text not in ("", "-") else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))


# --- lists ----------------------------------------------------------------------------------
class ListEditor(QWidget):
    """Several values: type one (or several separated by ;) and press Enter to add it; in the
    list, Delete removes a value, Alt+Up/Down moves it, Enter or F2 takes it back to edit.
    Text typed but not yet added counts as values, so nothing typed is ever lost."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("type a value, Enter to add (several: a ; b)"))
        self.entry.returnPressed.connect(self._add_entry)
        self.entry.textChanged.connect(self.changed)
        self.list = QListWidget()
        self.list.setMaximumHeight(86)
        self.list.installEventFilter(self)
        self.entry_row = QHBoxLayout()
        self.entry_row.setContentsMargins(0, 0, 0, 0)
        self.entry_row.addWidget(self.entry, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.entry_row)
        layout.addWidget(self.list)
        self.setFocusProxy(self.entry)
        self._forwarding = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys sent to the editor itself (by a script or an accessibility tool) go to the entry;
        keys the entry ignored come back here and carry on to the parents."""
        if self._forwarding:
            event.ignore()
            return
        self._forwarding = True
        try:
            QApplication.sendEvent(self.entry, event)
        finally:
            self._forwarding = False

    # values as the form sees them
    def value(self) -> list[Any]:
        items = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        return items + self._pending()

    def set_value(self, values: list[Any] | None) -> None:
        self.blockSignals(True)
        self.entry.clear()
        self.list.clear()
        for value in values or []:
            self._append_item(value)
        self.blockSignals(False)
        self.changed.emit()

    # what subclasses change: how a value is shown, read from and put back in the entry
    def _pending(self) -> list[Any]:
        return [v.strip() for v in split_values(self.entry.text())]

    def _item_text(self, value: Any) -> str:
        return value

    def _put_in_entry(self, value: Any) -> None:
        self.entry.setText(value.replace("\\", "\\\\").replace(";", "\\;"))

    def commit_pending(self) -> None:
        """Move what was typed into the list (the value does not change)."""
        pending = self._pending()
        if pending:
            self.entry.blockSignals(True)
            self.entry.clear()
            self.entry.blockSignals(False)
            for value in pending:
                self._append_item(value)

    def _append_item(self, value: Any) -> None:
        item = QListWidgetItem(self._item_text(value))
        item.setData(Qt.ItemDataRole.UserRole, value)
        self.list.addItem(item)

    def _add_entry(self) -> None:
        self.commit_pending()
        self.changed.emit()

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            return self._list_key(event)
        return super().eventFilter(watched, event)

    def _list_key(self, event: QKeyEvent) -> bool:
        row = self.list.currentRow()
        if row < 0:
            return False
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.list.takeItem(row)
        elif alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            target = row - 1 if key == Qt.Key.Key_Up else row + 1
            if not 0 <= target < self.list.count():
                return True
            self.list.insertItem(target, self.list.takeItem(row))
            self.list.setCurrentRow(target)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.commit_pending()
            value = self.list.takeItem(row).data(Qt.ItemDataRole.UserRole)
            self.entry.blockSignals(True)
            self._put_in_entry(value)
            self.entry.blockSignals(False)
            self.entry.setFocus()
        else:
            return False
        self.changed.emit()
        return True


class AuthorsEditor(ListEditor):
    """Authors, each with an optional role (author, maker, collector, commissioner)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry.setPlaceholderText(self.tr("name, Enter to add"))
        self.role = QComboBox()
        self.role.addItem(self.tr("(no role)"), None)
        for role in AUTHOR_ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setAccessibleName(self.tr("Role"))
        self.role.currentIndexChanged.connect(self._role_changed)
        self.entry_row.addWidget(self.role)

    def _pending(self) -> list[Any]:
        name = self.entry.text().strip()
        return [{"name": name, "role": self.role.currentData()}] if name else []

    def _item_text(self, value: Any) -> str:
        role = role_label(value.get("role"))
        return f"{value['name']} — {role}" if role else value["name"]

    def _put_in_entry(self, value: Any) -> None:
        self.entry.setText(value["name"])
        self.role.setCurrentIndex(max(0, self.role.findData(value.get("role"))))

    def commit_pending(self) -> None:
        super().commit_pending()
        self.role.blockSignals(True)
        self.role.setCurrentIndex(0)
        self.role.blockSignals(False)

    def _role_changed(self) -> None:
        if self.entry.text().strip():
            self.changed.emit()


# --- measurement rows -----------------------------------------------------------------------
class _MeasurementRow(QWidget):
    def __init__(self, owner: MeasurementRowsEditor) -> None:
        super().__init__()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setAccessibleName(self.tr("Kind of measurement"))
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setAccessibleName(self.tr("Value"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Unit"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("note (e.g. with the base)"))
        self.note.setAccessibleName(self.tr("Note"))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setAccessibleName(self.tr("Remove this measurement"))
        stacked_rows([self.kind, self.amount, self.unit, self.remove], [self.note],
                     stretch=[self.note], parent=self)
        self._fill_units("height")
        self.kind.currentIndexChanged.connect(lambda: self._fill_units(self.kind.currentData()))
        for signal in (
            self.kind.currentIndexChanged,
            self.amount.valueChanged,
            self.unit.currentIndexChanged,
            self.note.textChanged,
        ):
            signal.connect(owner.changed)
        self.remove.clicked.connect(lambda: owner.remove_row(self))

    def _fill_units(self, kind: str) -> None:
        units = WEIGHT_UNITS if kind == "weight" else LENGTH_UNITS
        current = self.unit.currentText()
        if [self.unit.itemText(i) for i in range(self.unit.count())] == list(units):
            return
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItems(units)
        self.unit.setCurrentText(
            current if current in units else ("g" if kind == "weight" else "cm")
        )
        self.unit.blockSignals(False)

    def value(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "value": self.amount.value(),
            "unit": self.unit.currentText(),
            "note": self.note.text(),
        }

    def set_value(self, row: dict[str, Any]) -> None:
        widgets = (self.kind, self.amount, self.unit, self.note)
        for widget in widgets:
            widget.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row["kind"])))
        self._fill_units(row["kind"])
        self.amount.setValue(float(row["value"]))
        self.unit.setCurrentText(row["unit"])
        self.note.setText(row.get("note") or "")
        for widget in widgets:
            widget.blockSignals(False)


class MeasurementRowsEditor(QWidget):
    """Structured measurements (kind, value, unit) beside the text they come from."""

    changed = Signal()
    writeTextRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_MeasurementRow] = []
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("measurementStatus")
        self.add_button = QPushButton(self.tr("Add a measurement"))
        self.to_text_button = QPushButton(self.tr("Write the text from these rows"))
        self.add_button.clicked.connect(self._add_clicked)
        self.to_text_button.clicked.connect(self.writeTextRequested)
        buttons = stacked_rows([self.add_button], [self.to_text_button])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_layout)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def value(self) -> list[dict[str, Any]]:
        return [row.value() for row in self._rows]

    def set_value(self, rows: list[dict[str, Any]] | None) -> None:
        rows = rows or []
        while len(self._rows) > len(rows):
            self._drop(self._rows[-1])
        while len(self._rows) < len(rows):
            self._append()
        for widget, row in zip(self._rows, rows, strict=True):
            widget.set_value(row)
        self.changed.emit()

    def remove_row(self, row: _MeasurementRow) -> None:
        index = self._rows.index(row)
        self._drop(row)
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].kind.setFocus()
        else:
            self.add_button.setFocus()
        self.changed.emit()

    def _add_clicked(self) -> None:
        self._append().kind.setFocus()
        self.changed.emit()

    def _append(self) -> _MeasurementRow:
        row = _MeasurementRow(self)
        # A new row's widgets come last in creation order: put them before the Add button.
        chain = [
            self.add_button.previousInFocusChain(),
            row.kind,
            row.amount,
            row.unit,
            row.note,
            row.remove,
            self.add_button,
        ]
        self._rows.append(row)
        self.rows_layout.addWidget(row)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        return row

    def _drop(self, row: _MeasurementRow) -> None:
        self._rows.remove(row)
        row.setParent(None)
        row.deleteLater()
