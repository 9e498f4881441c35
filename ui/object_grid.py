"""The object list as a grid of primary thumbnails (as Tropy and Lightroom show a collection):
the same model as the list, so as lazy: only the cells in view ask for their record's row,
and their thumbnails are read a screenful at a time, after the cells painted, from the
thumbnails already made in cache/ (a record without one shows a blank tile)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QCoreApplication,
    QIdentityProxyModel,
    QItemSelectionModel,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from catalogue_app.catalogue import Catalogue
from catalogue_app.images.derived import derived_path, ensure_derived
from catalogue_app.images.store import ImageStore
from ui.object_list_model import ObjectListModel
from ui.operations import run_in_background

TILE = 128
TILE_SIZE = QSize(TILE + 24, TILE + 44)  # the thumbnail and two lines of caption
CACHED_THUMBNAILS = 600  # a few screens of tiles


class GridModel(QIdentityProxyModel):
    """The list's model seen as tiles: number and designation, under the primary image."""

    def __init__(self, catalogue: Catalogue, source: ObjectListModel, parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self.setSourceModel(source)
        self._thumbnails: OrderedDict[str, QPixmap | None] = OrderedDict()
        self._wanted: dict[str, int] = {}  # record id -> row, read at the next turn
        self._blank = QPixmap(TILE, TILE)
        self._blank.fill(Qt.GlobalColor.lightGray)
        self._read_timer = QTimer(self, singleShot=True, interval=0)
        self._read_timer.timeout.connect(self._read_wanted)
        self.thumbnails_read = 0  # observable by tests: how many records' thumbnails were read

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() != 0:
            return None  # the grid shows the first column only
        source = self.sourceModel()
        if role == Qt.ItemDataRole.SizeHintRole:
            # Qt measures the last tile for all of them: that would read the last page.
            return TILE_SIZE
        if role == Qt.ItemDataRole.DisplayRole:
            row = source.row_at(index.row())
            return f"{row.inventory_number}\n{row.designation}" if row else ""
        if role == Qt.ItemDataRole.DecorationRole:
            record_id = source.id_at(index.row())
            if record_id is None:
                return None
            if record_id in self._thumbnails:
                self._thumbnails.move_to_end(record_id)
                return self._thumbnails[record_id] or self._blank
            self._wanted[record_id] = index.row()
            self._read_timer.start()
            return self._blank
        # Nothing else: laying the grid out asks every tile's other roles, and the list's
        # model would read their rows (the whole collection) to answer.
        return None

    def forget(self, record_ids=None) -> None:
        """Their images changed (None: any record's may have): read their thumbnails again
        when shown."""
        if record_ids is None:
            self._thumbnails.clear()
        for record_id in record_ids or ():
            self._thumbnails.pop(record_id, None)

    def _read_wanted(self) -> None:
        wanted, self._wanted = self._wanted, {}
        self.thumbnails_read += len(wanted)
        primaries = self._catalogue.primary_images(list(wanted))
        cache = self._catalogue.cache_dir
        missing = {}
        for record_id in wanted:
            pixmap = QPixmap()
            if record_id in primaries:
                sha256, file_name = primaries[record_id]
                path = derived_path(cache, "thumbs", sha256)
                if path.is_file():
                    pixmap = _tile(QPixmap(str(path)))
                else:
                    missing[record_id] = (sha256, file_name)
            self._thumbnails[record_id] = None if pixmap.isNull() else pixmap
        while len(self._thumbnails) > CACHED_THUMBNAILS:
            self._thumbnails.popitem(last=False)
        self._changed(wanted.values())
        if missing:
            self._make_thumbnails(missing, wanted)

    def _make_thumbnails(self, missing: dict[str, tuple[str, str]],
                         rows: dict[str, int]) -> None:
        """Thumbnails not in cache/ (deleted, or never made) are made off the GUI thread."""
        store, cache = ImageStore(self._catalogue.images_dir), self._catalogue.cache_dir

        def make(_job) -> None:
            for sha256, file_name in missing.values():
                ensure_derived(store, cache, "thumbs", sha256, file_name)

        def made(_none) -> None:
            self.forget(missing)
            self._changed(rows[record_id] for record_id in missing)

        run_in_background(make, on_success=made, parent=self)

    def _changed(self, rows) -> None:
        rows = sorted(rows)
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], 0),
                                  [Qt.ItemDataRole.DecorationRole])


def _tile(thumbnail: QPixmap) -> QPixmap:
    """The thumbnail (about 256 px) scaled into a square tile, centred: every caption of a
    row of tiles on one line."""
    if thumbnail.isNull():
        return thumbnail
    scaled = thumbnail.scaled(TILE, TILE, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
    tile = QPixmap(TILE, TILE)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.drawPixmap((TILE - scaled.width()) // 2, (TILE - scaled.height()) // 2, scaled)
    painter.end()
    return tile


class ObjectGrid(QListView):
    def __init__(self, catalogue: Catalogue, source: ObjectListModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectGrid")
        self.grid_model = GridModel(catalogue, source, self)
        self.setModel(self.grid_model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(TILE, TILE))
        self.setGridSize(TILE_SIZE)
        self.setUniformItemSizes(True)  # no row is read to lay out the grid
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)


def install_grid(window) -> ObjectGrid:
    """The grid beside the window's list (View > Show as grid), sharing its selection: the
    record chosen in the grid is the one in the form, and the records selected in it are
    those the window's actions (tagging, batch edit...) act on."""
    grid = ObjectGrid(window.catalogue, window.model)
    window.list_stack.addWidget(grid)
    table_selection = window.table.selectionModel()
    proxy = grid.grid_model
    rows = QItemSelectionModel.SelectionFlag.Rows

    def grid_selection_changed() -> None:
        if window.list_stack.currentWidget() is grid:
            table_selection.select(proxy.mapSelectionToSource(grid.selectionModel().selection()),
                                   QItemSelectionModel.SelectionFlag.ClearAndSelect | rows)

    def grid_current_changed(current: QModelIndex) -> None:
        if window.list_stack.currentWidget() is grid and current.isValid():
            table_selection.setCurrentIndex(proxy.mapToSource(current),
                                            QItemSelectionModel.SelectionFlag.NoUpdate)

    grid.selectionModel().selectionChanged.connect(grid_selection_changed)
    grid.selectionModel().currentChanged.connect(grid_current_changed)

    def show_grid(on: bool) -> None:
        if on:
            grid.selectionModel().select(proxy.mapSelectionFromSource(table_selection.selection()),
                                         QItemSelectionModel.SelectionFlag.ClearAndSelect)
            current = proxy.mapFromSource(table_selection.currentIndex())
            grid.selectionModel().setCurrentIndex(current,
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
            grid.scrollTo(current)
        window.list_stack.setCurrentWidget(grid if on else window.table)

    def images_changed(changes) -> None:
        proxy.forget(None if changes.anything else changes.images | changes.records)
        grid.viewport().update()

    window.catalogueChanged.connect(images_changed)
    window.grid_action = window.view_menu.addAction(
        QCoreApplication.translate("MainWindow", "Show as &grid"))
    window.grid_action.setCheckable(True)
    window.grid_action.toggled.connect(show_grid)
    return grid
