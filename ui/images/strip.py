"""The Images section of the object form: the record's thumbnails in the curator's order (drag
to reorder) captioned with their view and date, the primary image, and the selected images'
own fields, saved as they are edited (images are not part of the record's Save: a
photographer's work is never lost to a Discard). With several images selected, a field
edited is given to all of them (a field they do not share shows empty); every such edit can
be undone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.images.derived import derived_path, ensure_derived
from catalogue_app.images.store import ImageStore
from ui import messages
from ui.empty_state import EmptyState
from ui.images.drops import FileDrops
from ui.images.labels import describe_image, view_type_labels
from ui.images.licence_field import LicenceField
from ui.operations import run_in_background
from ui.stacked_rows import stacked_rows

if TYPE_CHECKING:
    from catalogue_app.images.gallery import ImageEdit, ImageInfo

ICON_SIZE = 128
ITEM_HEIGHT = ICON_SIZE + 44  # the thumbnail and two lines of caption
TEXT_FIELDS = ("photographer", "date_taken", "licence", "credit", "caption")


class ImageStrip(QWidget):
    attachRequested = Signal()  # "Add images…"
    filesDropped = Signal(list)  # local paths dropped on the strip
    viewRequested = Signal(list, list)  # ImageInfo to show (one, or two to compare), all
    changed = Signal(Changes)  # an image edited, reordered or removed

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._record_id: str | None = None
        self._images: dict[int, ImageInfo] = {}
        self._showing = False  # filling editors: not an edit
        self._edits: list[ImageEdit] = []  # the image edits made here, the last one last
        self._shown: dict[str, str] = {}  # what each text field showed

        self.thumbnails = QListWidget()
        self.thumbnails.setObjectName("imageThumbnails")
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.thumbnails.setItemDelegate(CaptionBelow(self.thumbnails))
        # Two caption lines under the thumbnails, and room for the scroll bar.
        self.thumbnails.setFixedHeight(ITEM_HEIGHT + self.thumbnails.horizontalScrollBar()
                                       .sizeHint().height() + 8)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.thumbnails.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.thumbnails.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.thumbnails.model().rowsMoved.connect(self._save_order)
        self.thumbnails.itemSelectionChanged.connect(self._selection_changed)
        self.thumbnails.itemDoubleClicked.connect(lambda _item: self.view_selected())
        FileDrops(self.thumbnails.viewport(), self.filesDropped.emit)
        self.empty_state = EmptyState(self.thumbnails, self._empty_text)

        self.add_button = QPushButton(self.tr("Add images…"))
        self.add_button.clicked.connect(self.attachRequested.emit)
        self.primary_button = QPushButton(self.tr("Make primary"))
        self.primary_button.clicked.connect(self.make_primary)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.view_button = QPushButton(self.tr("View"))
        self.view_button.clicked.connect(self.view_selected)
        self.undo_button = QPushButton(self.tr("Undo image change"))
        self.undo_button.setObjectName("undoImageEdit")
        self.undo_button.clicked.connect(self.undo_edit)
        self.undo_button.setEnabled(False)
        buttons = stacked_rows([self.add_button, self.primary_button, self.view_button],
                               [self.remove_button, self.undo_button])

        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        self.view_type = QComboBox()
        self.view_type.setPlaceholderText(self.tr("(several)"))
        for name, label in view_type_labels().items():
            self.view_type.addItem(label, name)
        self.view_type.currentIndexChanged.connect(
            lambda _i: self._edited("view_type", self.view_type.currentData()))
        form.addRow(self.tr("View type"), self.view_type)
        self.editors: dict[str, QLineEdit | LicenceField] = {}
        labels = {"photographer": self.tr("Photographer"), "date_taken": self.tr("Date"),
                  "licence": self.tr("Licence"), "credit": self.tr("Credit"),
                  "caption": self.tr("Caption")}
        for name in TEXT_FIELDS:
            editor = LicenceField() if name == "licence" else QLineEdit()
            editor.setObjectName(f"image_{name}")
            # Leaving a field of several images untouched (shown empty) changes nothing.
            editor.editingFinished.connect(
                lambda name=name, editor=editor: editor.text() != self._shown.get(name, "")
                and self._edited(name, editor.text()))
            form.addRow(labels[name], editor)
            self.editors[name] = editor
        self.publishable = QCheckBox(self.tr("Rights cleared for the public portal"))
        self.publishable.checkStateChanged.connect(self._publishable_changed)
        form.addRow(self.tr("Publishable"), self.publishable)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.facts)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.thumbnails)
        layout.addWidget(self.details)
        self.show_record(None)

    # --- showing ------------------------------------------------------------------------
    def show_record(self, record_id: str | None) -> None:
        if record_id != self._record_id:  # undo stays with the images it would change
            self._edits.clear()
            self.undo_button.setEnabled(False)
        self._record_id = record_id
        self.setEnabled(record_id is not None)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_ids()
        images: list[ImageInfo] = []
        if self._record_id is not None:
            images = self._catalogue.images(self._record_id)
        self._images = {image.id: image for image in images}
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        missing = []
        for image in images:
            item = QListWidgetItem(self._icon(image), self._caption(image))
            item.setData(Qt.ItemDataRole.UserRole, image.id)
            item.setToolTip(describe_image(image))
            item.setSizeHint(QSize(ICON_SIZE + 16, ITEM_HEIGHT))
            self.thumbnails.addItem(item)
            item.setSelected(image.id in selected)
            if not derived_path(self._catalogue.cache_dir, "thumbs", image.sha256).is_file():
                missing.append(image)
        self.thumbnails.blockSignals(False)
        self._selection_changed()
        if missing:
            self._rebuild_thumbnails(missing)

    def _empty_text(self) -> str:
        if self._record_id is None:
            return self.tr("Save the new record first, then attach its images.")
        return self.tr("No images yet: drop photographs here, or click Add images….")

    def selected_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.thumbnails.selectedItems()]

    def image_ids(self) -> list[int]:
        return [self.thumbnails.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.thumbnails.count())]

    def _icon(self, image: ImageInfo) -> QIcon:
        path = derived_path(self._catalogue.cache_dir, "thumbs", image.sha256)
        pixmap = QPixmap(str(path)) if path.is_file() else QPixmap()
        if pixmap.isNull():
            pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
            pixmap.fill(Qt.GlobalColor.lightGray)
        return QIcon(pixmap)

    def _caption(self, image: ImageInfo) -> str:
        """The view type (UV, IR and raking are told apart by words, not colour) and date."""
        view = view_type_labels()[image.view_type]
        caption = f"★ {view}" if image.is_primary else view
        day = image.date_taken.split("T")[0]  # the camera's time of day is too long here
        return f"{caption}\n{day}" if day else caption

    def _rebuild_thumbnails(self, images: list[ImageInfo]) -> None:
        """Thumbnails deleted from cache/ are made again off the GUI thread."""
        store, cache = ImageStore(self._catalogue.images_dir), self._catalogue.cache_dir

        def rebuild(_job) -> None:
            for image in images:
                ensure_derived(store, cache, "thumbs", image.sha256, image.file_name)

        run_in_background(rebuild, on_success=lambda _none: self.refresh(), parent=self)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        chosen = [self._images[i] for i in ids if i in self._images]
        one = chosen[0] if len(chosen) == 1 else None
        for button in (self.primary_button, self.view_button):
            button.setEnabled(one is not None or button is self.view_button and len(ids) == 2)
        self.remove_button.setEnabled(bool(ids))
        self.view_button.setText(self.tr("Compare") if len(ids) == 2 else self.tr("View"))
        self.details.setVisible(bool(chosen))
        if not chosen:
            return
        self._showing = True
        view_type = _shared(chosen, "view_type")
        self.view_type.setCurrentIndex(self.view_type.findData(view_type) if view_type else -1)
        for name, editor in self.editors.items():
            self._shown[name] = _shared(chosen, name) or ""
            editor.setText(self._shown[name])
            editor.setPlaceholderText("" if one or name == "caption" else self.tr("(several)"))
        # A caption is one image's own words: not given to several at once.
        self.editors["caption"].setEnabled(one is not None)
        publishable = _shared(chosen, "publishable")
        self.publishable.setTristate(publishable is None)
        self.publishable.setCheckState(
            Qt.CheckState.PartiallyChecked if publishable is None
            else Qt.CheckState.Checked if publishable else Qt.CheckState.Unchecked)
        self.facts.setText(describe_image(one) if one else self.tr(
            "{n} images selected: a field changed here is changed on all of them.").format(
            n=len(chosen)))
        self._showing = False

    # --- editing ------------------------------------------------------------------------
    def _publishable_changed(self, state: Qt.CheckState) -> None:
        """Images that differ show a partial check; a click checks all of them."""
        if state == Qt.CheckState.PartiallyChecked:
            return
        self.publishable.setTristate(False)
        self._edited("publishable", state == Qt.CheckState.Checked)

    def _edited(self, name: str, value) -> None:
        ids = [i for i in self.selected_ids() if i in self._images]
        if self._showing or not ids or all(
                getattr(self._images[i], name) == value for i in ids):
            return
        changes = self._change(lambda: self._catalogue.edit_images(ids, {name: value}))
        if changes is not None:
            self._edits.append(changes.result)
            self.undo_button.setEnabled(True)

    def undo_edit(self) -> None:
        """Give the images of the last edit their previous values back."""
        if self._edits:
            self._change(lambda: self._catalogue.undo_images_edit(self._edits.pop()))
        self.undo_button.setEnabled(bool(self._edits))

    def make_primary(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self._change(lambda: self._catalogue.make_primary(self._record_id, ids[0]))

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not messages.confirm(
                self, self.tr("Remove images"),
                self.tr("Remove {n} image(s) from this record? The original files stay in "
                        "the image store.").format(n=len(ids))):
            return
        self._change(lambda: self._catalogue.detach(self._record_id, ids))

    def view_selected(self) -> None:
        chosen = [self._images[i] for i in self.selected_ids() if i in self._images]
        if 1 <= len(chosen) <= 2:
            self.viewRequested.emit(chosen, [self._images[i] for i in self.image_ids()])

    def _save_order(self, *_moved: QModelIndex) -> None:
        """The list already shows the new order: only the database has to follow."""
        order = self.image_ids()
        self._change(lambda: self._catalogue.reorder_images(self._record_id, order))

    def show_changes(self, changes: Changes) -> None:
        if self._record_id in changes.images:
            self.refresh()

    def _change(self, verb: Callable[[], Changes]) -> Changes | None:
        try:
            changes = verb()
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Image not changed"), str(exc))
            self.refresh()
            return None
        self.changed.emit(changes)
        return changes


def _shared(images: list[ImageInfo], name: str):
    """The value every image has for this field, None when they differ."""
    values = {getattr(image, name) for image in images}
    return values.pop() if len(values) == 1 else None


class CaptionBelow(QStyledItemDelegate):
    """Thumbnails with their caption underneath, centred (a list in a row puts it beside)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
