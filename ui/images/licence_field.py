"""An image's licence: an editable list of the licences aggregators accept
(catalogue_app.exchange.rights), so that an image gets one in a click, while any other words
can still be typed (a museum's own terms, an old licence). Words the list cannot map are
flagged, as the LIDO export flags them: they go out as written, with no licence address."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QVBoxLayout, QWidget

from catalogue_app.exchange.rights import licence, offered_labels


class LicenceField(QWidget):
    """Reads like a QLineEdit (text, setText, placeholder, editingFinished), for the forms
    that edit the licence beside other text fields."""

    editingFinished = Signal()  # typed words confirmed, or a licence picked from the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typed words stay one's own
        self.combo.addItems(offered_labels())
        self.combo.setEditText("")
        self.combo.setToolTip(self.tr(
            "Pick a licence from the list, or type your own terms (they are kept as written)."))
        completer = self.combo.completer()
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "nc" finds every NC licence
        self.combo.lineEdit().editingFinished.connect(self.editingFinished)
        self.combo.activated.connect(lambda _index: self.editingFinished.emit())
        self.combo.editTextChanged.connect(self._show_flag)
        self.flag = QLabel(self.tr("⚠ Not on the list: exported as written, with no address"))
        self.flag.setToolTip(self.tr(
            "Aggregators (Europeana, IIIF viewers) read a licence by its address (Creative "
            "Commons, rightsstatements.org): words not on the list go out as written, with "
            "none."))
        self.flag.setObjectName("licenceFlag")
        self.flag.setWordWrap(True)
        self.flag.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.flag)

    def text(self) -> str:
        return self.combo.currentText()

    def setText(self, text: str) -> None:
        self.combo.setEditText(text)

    def placeholderText(self) -> str:
        return self.combo.lineEdit().placeholderText()

    def setPlaceholderText(self, text: str) -> None:
        self.combo.lineEdit().setPlaceholderText(text)

    def flagged(self) -> bool:
        """Whether the words shown cannot be mapped to a licence of the list."""
        text = self.text().strip()
        return bool(text) and licence(text).uri is None

    def _show_flag(self, _text: str) -> None:
        self.flag.setVisible(self.flagged())
