"""The récolement window, made to be fast at the shelf with a keyboard or a barcode scanner:

    type or scan a number, Enter      the record opens with its primary image
    Enter (or F)                       found, as it is, where the record says
    N                                  not found
    1 2 3 4                            its state: good, fair, poor, to restore
    Tab                                conformity, differences, marking, location, note, photo
    Ctrl+Enter (or Enter in a field)   found, with what the fields say
    Escape                             back to the number, nothing recorded

After each check the number box is empty and has the focus again, for the next object."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QImage, QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.images.attach import AttachRequest
from catalogue_app.images.derived import derived_path, ensure_derived
from catalogue_app.images.store import ImageStore
from catalogue_app.recolement.checks import Observation
from catalogue_app.recolement.progress import Progress, Tally
from catalogue_app.records.fields import CONDITION_STATES
from ui import messages
from ui.language import choice_label
from ui.operations import run_in_background
from ui.recolement.campaign_dialog import CampaignDialog

PICTURE_SIZE = 360  # pixels: the object recognisable at arm's length from the screen
_STATE_KEYS = {Qt.Key.Key_1: "good", Qt.Key.Key_2: "fair", Qt.Key.Key_3: "poor",
               Qt.Key.Key_4: "to_restore"}


class DecisionBar(QFrame):
    """Holds the focus while a record is open: one key says what was seen."""

    found = Signal()
    notFound = Signal()
    stateChosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#decisionBar:focus { border: 2px solid #1a73e8; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F):
            self.found.emit()
        elif key == Qt.Key.Key_N:
            self.notFound.emit()
        elif key in _STATE_KEYS:
            self.stateChosen.emit(_STATE_KEYS[key])
        elif key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class RecolementWindow(QWidget):
    def __init__(self, catalogue: Catalogue, apply: Callable[[Changes], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("recolementWindow")
        self.catalogue = catalogue
        self._apply = apply  # the main window shows what a check changed
        self.record: dict[str, Any] | None = None  # the record open, None between objects
        self._photos: list[str] = []
        self._last_location = ""  # where the last object checked is: its progress is shown
        self._progress_asked = self._progress_shown = 0  # counts asked for and shown
        self.setWindowTitle(self.tr("Récolement"))
        self.resize(1100, 700)

        self.campaign_box = QComboBox()
        self.campaign_box.setObjectName("campaignBox")
        self.campaign_box.currentIndexChanged.connect(lambda _i: self.refresh_progress())
        new_campaign = QPushButton(self.tr("&New campaign…"))
        new_campaign.clicked.connect(self.new_campaign)
        self.close_button = QPushButton(self.tr("C&lose the campaign…"))
        self.close_button.clicked.connect(self.close_campaign)
        report = QPushButton(self.tr("&Procès-verbal…"))
        report.clicked.connect(self.print_report)
        unlisted = QPushButton(self.tr("Object &without a number…"))
        unlisted.setShortcut(QKeySequence("Ctrl+U"))
        unlisted.clicked.connect(lambda: self.add_unlisted_find(self.number_box.text().strip()))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Campaign:")))
        top.addWidget(self.campaign_box, 1)
        for button in (new_campaign, self.close_button, report, unlisted):
            top.addWidget(button)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")

        self.number_box = QLineEdit()
        self.number_box.setObjectName("numberBox")
        self.number_box.setPlaceholderText(self.tr("Inventory number: type or scan it, then "
                                                   "Enter"))
        big = QFont(self.number_box.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.number_box.setFont(big)
        self.number_box.returnPressed.connect(self.open_number)
        self.message = QLabel()
        self.message.setObjectName("lastCheck")
        self.message.setWordWrap(True)

        self.title = QLabel()
        self.title.setObjectName("recordTitle")
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self.title.setFont(title_font)
        self.title.setWordWrap(True)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.picture = QLabel()
        self.picture.setObjectName("primaryImage")
        self.picture.setFixedSize(PICTURE_SIZE, PICTURE_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setStyleSheet("background: #eeeeee; color: #666666;")

        self.decision = DecisionBar()
        self.decision.label.setText(self.tr(
            "<b>Enter</b> or <b>F</b>: found — <b>N</b>: not found — <b>1</b> to <b>4</b>: "
            "state — <b>Tab</b>: details — <b>Escape</b>: another number"))
        self.decision.found.connect(self.record_found)
        self.decision.notFound.connect(self.record_not_found)
        self.decision.stateChosen.connect(self._choose_state)
        self.decision.cancelled.connect(self.next_object)

        self.conformity = self._tristate(self.tr("Conforms to the inventory entry"),
                                         self.tr("Differs from the inventory entry"))
        self.conformity.setObjectName("conformity")
        self.differences = QLineEdit()
        self.differences.setObjectName("differences")
        self.state = QComboBox()
        self.state.setObjectName("state")
        for choice in CONDITION_STATES:
            self.state.addItem(choice_label(choice) or self.tr("(not said)"), choice.code)
        self.marking = self._tristate(self.tr("Number marked on the object"),
                                      self.tr("Not marked"))
        self.marking.setObjectName("marking")
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self.location.setToolTip(self.tr("Where the object is; change it if it is not where "
                                         "the record says (a movement is recorded)"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        for field in (self.differences, self.location, self.note):
            field.returnPressed.connect(self.record_found)
        self.photo_button = QPushButton(self.tr("Add a p&hoto…"))
        self.photo_button.clicked.connect(self.choose_photo)
        self.photos_label = QLabel()
        photos = QHBoxLayout()
        photos.addWidget(self.photo_button)
        photos.addWidget(self.photos_label, 1)
        details = QFormLayout()
        details.addRow(self.tr("Conformity:"), self.conformity)
        details.addRow(self.tr("Differences:"), self.differences)
        details.addRow(self.tr("State:"), self.state)
        details.addRow(self.tr("Marking:"), self.marking)
        details.addRow(self.tr("Location:"), self.location)
        details.addRow(self.tr("Note:"), self.note)
        details.addRow(self.tr("Photos:"), photos)
        self.found_button = QPushButton(self.tr("Found (F)"))
        self.found_button.setObjectName("foundButton")
        self.found_button.clicked.connect(self.record_found)
        self.not_found_button = QPushButton(self.tr("Not found (N)"))
        self.not_found_button.setObjectName("notFoundButton")
        self.not_found_button.clicked.connect(self.record_not_found)
        decide = QHBoxLayout()
        decide.addWidget(self.found_button)
        decide.addWidget(self.not_found_button)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.record_found)

        self.record_panel = QWidget()
        right = QVBoxLayout(self.record_panel)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.title)
        right.addWidget(self.where)
        right.addWidget(self.decision)
        right.addLayout(details)
        right.addLayout(decide)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.record_panel, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.number_box)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.reload_campaigns()
        self.next_object()

    def _tristate(self, yes: str, no: str) -> QComboBox:
        """Yes, no, or not said (None), as a check keeps conformity and marking."""
        box = QComboBox()
        for text, value in ((self.tr("(not said)"), None), (yes, True), (no, False)):
            box.addItem(text, value)
        return box

    # --- campaigns ------------------------------------------------------------------------
    @property
    def campaign_id(self) -> str | None:
        return self.campaign_box.currentData()

    def reload_campaigns(self, select: str | None = None) -> None:
        self.campaign_box.blockSignals(True)
        self.campaign_box.clear()
        for campaign in self.catalogue.campaigns():
            closed = self.tr(" (closed)") if campaign.closed_at else ""
            self.campaign_box.addItem(campaign.name + closed, campaign.id)
        if select is not None:
            self.campaign_box.setCurrentIndex(self.campaign_box.findData(select))
        self.campaign_box.blockSignals(False)
        self.refresh_progress()

    def new_campaign(self) -> None:
        dialog = CampaignDialog(self.catalogue, self)
        if dialog.exec():
            self.reload_campaigns(select=dialog.campaign.id)
            self.number_box.setFocus()

    def refresh_progress(self) -> None:
        """Count the campaign again, off the GUI thread (a few hundred milliseconds on a large
        catalogue): the number box is ready for the next object meanwhile."""
        has_campaign = self.campaign_id is not None
        self.number_box.setEnabled(has_campaign)
        self.close_button.setEnabled(has_campaign)
        self._progress_asked += 1
        if not has_campaign:
            self._progress_shown = self._progress_asked
            self.progress_label.setText(self.tr("Start a campaign to check objects "
                                                "(New campaign…)."))
            return
        asked, campaign_id, catalogue = self._progress_asked, self.campaign_id, self.catalogue
        run_in_background(lambda _job: catalogue.campaign_progress(campaign_id),
                          on_success=lambda progress: self._show_progress(asked, progress),
                          parent=self)

    @property
    def progress_pending(self) -> bool:
        return self._progress_shown != self._progress_asked

    def _show_progress(self, asked: int, progress: Progress) -> None:
        if asked != self._progress_asked:
            return  # a later count is on its way
        self._progress_shown = asked
        lines = [self._tally_text(progress)]
        here = progress.by_location.get(self._last_location)
        if self._last_location and here is not None:
            lines.append(self.tr("Here ({location}): {tally}").format(
                location=self._last_location, tally=self._tally_text(here)))
        self.progress_label.setText("\n".join(lines))

    def _tally_text(self, tally: Tally) -> str:
        return self.tr("{checked} of {total} checked — {found} found, {missing} not found, "
                       "{left} left").format(checked=tally.checked, total=tally.total,
                                             found=tally.found, missing=tally.missing,
                                             left=tally.not_checked)

    def close_campaign(self) -> None:
        if not messages.confirm(self, self.tr("Close the campaign"), self.tr(
                "Close the campaign «{name}»? Every object still not found becomes missing "
                "(it stays in the register, and a later find brings it back).").format(
                name=self.campaign_box.currentText())):
            return
        try:
            changes = self.catalogue.close_campaign(self.campaign_id)
        except CatalogueError as refused:
            messages.show_error(self, self.tr("Close the campaign"), str(refused))
            return
        self._apply(changes)
        self.message.setText(self.tr("Campaign closed: {count} object(s) now missing.").format(
            count=changes.result))
        self.reload_campaigns(select=self.campaign_id)

    def print_report(self) -> None:
        if self.campaign_id is None:
            return
        out, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Procès-verbal"), f"proces-verbal-{self.campaign_box.currentText()}"
            ".pdf", self.tr("PDF (*.pdf)"))
        if out:
            from ui.documents.pdf import render_pdf

            self.catalogue.print_recolement_report(self.campaign_id, Path(out), render_pdf)
            self.message.setText(self.tr("Procès-verbal written to {path}.").format(path=out))

    def add_unlisted_find(self, number: str) -> None:
        """An object without a number, or whose number is not in the catalogue."""
        if self.campaign_id is None:
            return
        description, given = QInputDialog.getText(
            self, self.tr("Object without a number"), self.tr(
                "What is it, and where was it found?"), text=number and self.tr(
                "Numbered {number}, not in the catalogue").format(number=number))
        if given and description.strip():
            self._apply(self.catalogue.add_unlisted_find(self.campaign_id, description))
            self.message.setText(self.tr("Object without a number noted."))
        self.next_object()

    # --- one object -----------------------------------------------------------------------
    def open_number(self) -> None:
        number = self.number_box.text().strip()
        if not number:
            return
        try:
            record_id = self.catalogue.record_id_of(number)
        except CatalogueError as unknown:
            self.message.setText(self.tr("{problem} Ctrl+U notes it as an object not in the "
                                         "catalogue.").format(problem=unknown))
            self.number_box.selectAll()
            return
        self.show_record(self.catalogue.load(record_id))
        self.decision.setFocus()

    def show_record(self, record: dict[str, Any]) -> None:
        self.record = record
        self.title.setText(" — ".join(t for t in (record["inventory_number"],
                                                  record["designation"], record["title"]) if t))
        missing = self.tr(" Recorded as missing.") if record["status"] == "missing" else ""
        self.where.setText(self.tr("Location: {location}.").format(
            location=record["current_location"] or self.tr("unknown")) + missing)
        self.location.setText(record["current_location"])
        self._show_picture(record["id"])
        self.record_panel.setEnabled(True)

    def _show_picture(self, record_id: str) -> None:
        """The primary image: its preview when made already, else its thumbnail (made when the
        image was attached) at once and the preview when it is ready, so the next key never
        waits for a photograph to be decoded."""
        self.picture.setPixmap(QPixmap())
        primary = self.catalogue.primary_images([record_id]).get(record_id)
        if primary is None:
            self.picture.setText(self.tr("No image"))
            return
        sha256, file_name = primary
        cache, store = self.catalogue.cache_dir, ImageStore(self.catalogue.images_dir)
        preview = derived_path(cache, "previews", sha256)
        shown = preview if preview.is_file() else derived_path(cache, "thumbs", sha256)
        if shown.is_file():
            self._set_picture(QImage(str(shown)))
        if shown == preview:
            return

        def make_preview(job) -> None:
            path = ensure_derived(store, cache, "previews", sha256, file_name)
            if path is not None and not job.cancelled:
                job.report((record_id, _fitted(QImage(str(path)))))

        run_in_background(make_preview, on_report=self._preview_ready, parent=self)

    def _preview_ready(self, item: tuple[str, QImage]) -> None:
        record_id, picture = item
        if self.record is not None and self.record["id"] == record_id:
            self._set_picture(picture)

    def _set_picture(self, picture: QImage) -> None:
        self.picture.setPixmap(QPixmap.fromImage(_fitted(picture)))

    def _choose_state(self, code: str) -> None:
        self.state.setCurrentIndex(self.state.findData(code))

    def record_found(self) -> None:
        self._record(Observation(
            found=True, conforms=self.conformity.currentData(),
            differences=self.differences.text(), state=self.state.currentData(),
            marked=self.marking.currentData(), location=self._corrected_location(),
            note=self.note.text(), images=tuple(self._photos)))

    def _corrected_location(self) -> str:
        """The location typed, when it is not where the record says ("" when confirmed)."""
        typed = self.location.text().strip()
        return typed if typed != self.record["current_location"].strip() else ""

    def record_not_found(self) -> None:
        self._record(Observation(found=False, note=self.note.text()))

    def _record(self, observation: Observation) -> None:
        if self.record is None:
            return
        number = self.record["inventory_number"]
        try:
            changes = self.catalogue.check(self.campaign_id, self.record["id"], observation)
        except CatalogueError as refused:
            messages.show_error(self, self.tr("Récolement"), str(refused))
            return
        self._apply(changes)
        self._last_location = self.catalogue.load(self.record["id"])["current_location"]
        self.message.setText((self.tr("{number}: found.") if observation.found else
                              self.tr("{number}: not found.")).format(number=number))
        self.next_object()
        self.refresh_progress()

    def choose_photo(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Photos of the object"))
        for path in paths:
            self.add_photo(Path(path))

    def add_photo(self, path: Path) -> None:
        """Attach the photo to the record open; the check names it."""
        if self.record is None:
            return
        changes = self.catalogue.attach([AttachRequest(str(path), self.record["id"])])
        self._apply(changes)
        (result,) = changes.result
        if result.sha256:
            self._photos.append(result.sha256)
        self.photos_label.setText(self.tr("{count} photo(s)").format(count=len(self._photos)))

    def next_object(self) -> None:
        """Forget the record open; the number box waits for the next one."""
        self.record = None
        self._photos = []
        for box in (self.conformity, self.state, self.marking):
            box.setCurrentIndex(0)
        for field in (self.differences, self.location, self.note, self.number_box):
            field.clear()
        self.photos_label.clear()
        self.title.clear()
        self.where.clear()
        self.picture.setPixmap(QPixmap())
        self.picture.clear()
        self.record_panel.setEnabled(False)
        self.number_box.setFocus()


def _fitted(picture: QImage) -> QImage:
    if picture.width() <= PICTURE_SIZE and picture.height() <= PICTURE_SIZE:
        return picture
    return picture.scaled(PICTURE_SIZE, PICTURE_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
