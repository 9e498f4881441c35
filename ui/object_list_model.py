"""The object list: a table model that holds only record ids and fetches the displayed rows
page by page as the view asks for them, so 70,000+ records open and scroll at once."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.loans.rules import ON_LOAN
from catalogue_app.records.fields import CONDITION_STATES, FIELDS_BY_NAME
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.search.listing import COLUMNS, ListRow
from ui.language import choice_label, field_label

PAGE_SIZE = 200
FIRST_IDS = PAGE_SIZE * 5  # ids read before the first paint; the rest right after
CACHED_PAGES = 20


class ObjectListModel(QAbstractTableModel):
    # The model changed its order itself (a search began or ended): the column and direction
    # the header should show, -1 for none (a search's own order: relevance, design.md §5).
    orderChanged = Signal(int, Qt.SortOrder)

    def __init__(self, catalogue: Catalogue, parent=None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._ids: list[str] = []
        self._pages: OrderedDict[int, dict[str, ListRow]] = OrderedDict()
        # (column key, descending); None: the natural order (listing.list_ids).
        self._sort: tuple[str | None, bool] = ("inventory_number", False)
        self._filter = ListFilter()
        self.page_fetches = 0  # observable by tests: how much was read from the database
        self._loaded = False  # the ids in view have been read at least once
        self._total = 0  # records in view; _ids may hold only the first FIRST_IDS of them
        self._rest_pending = False  # the other ids are read once the first rows are shown
        self._headers = {
            "inventory_number": self.tr("Inventory no."),
            "designation": field_label(FIELDS_BY_NAME["designation"]),  # as in the form
            "title": self.tr("Title"),
            "authors": self.tr("Authors"),
            "dating": self.tr("Dating"),
            "image_count": self.tr("Images"),
            # As in the form; shown from the header's menu.
            "current_location": field_label(FIELDS_BY_NAME["current_location"]),
            "condition_state": self.tr("Condition"),
        }
        self._keys = list(COLUMNS)
        self._two_lines = False  # long names broken in two (a narrow list, French names)

    # --- what the view asks -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        name = self._headers[self._keys[section]]
        if role == Qt.ItemDataRole.DisplayRole:
            return _in_two_lines(name) if self._two_lines else name
        if role == Qt.ItemDataRole.ToolTipRole:
            return name
        return None

    def set_two_line_headers(self, two_lines: bool) -> None:
        if two_lines != self._two_lines:
            self._two_lines = two_lines
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._keys) - 1)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            return _shown(row, self._keys[index.column()]) if row else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row and row.status == "deaccessioned":
                return self.tr("Deaccessioned: kept in the register")
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row and row.status == "deaccessioned":
                return Qt.GlobalColor.gray
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the records in SQL; column -1 is the natural order. (The view asks again for
        the order it already has when sorting is switched on or the header follows
        orderChanged: that must not re-read 70,000 ids.)"""
        wanted = ((self._keys[column], order == Qt.SortOrder.DescendingOrder) if column >= 0
                  else (None, False))
        if wanted == self._sort and self._loaded:
            return
        self._sort = wanted
        self.refresh()

    # --- what the window asks -----------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the ids in view (after a save, a search or a sort); rows load lazily.

        With nothing selected to keep, only the count and the first ids are read now, so the
        first rows paint at once; the other ids follow right after that paint (or at once, if
        a row beyond them is asked for first)."""
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if i.row() < len(self._ids) else None
                   for i in old_persistent]
        self._total, self._ids = self._catalogue.list_ids(
            self._filter, *self._sort, limit=None if old_persistent else FIRST_IDS)
        self._loaded = True
        self._pages.clear()
        self._rest_pending = len(self._ids) < self._total
        # Keep the selection and current row on the same records when they are still in view.
        wanted = set(old_ids)
        positions = {record_id: row for row, record_id in enumerate(self._ids)
                     if record_id in wanted} if wanted else {}
        self.changePersistentIndexList(old_persistent, [
            self.index(positions[rid], i.column()) if rid in positions else QModelIndex()
            for rid, i in zip(old_ids, old_persistent, strict=True)
        ])
        self.layoutChanged.emit()

    def _read_all_ids(self) -> None:
        if len(self._ids) >= self._total:
            return
        _total, ids = self._catalogue.list_ids(self._filter, *self._sort)
        # Another write may have happened in between: the rows are re-read as they are.
        if len(ids) != self._total:
            self.layoutAboutToBeChanged.emit()
            self._ids, self._total = ids, len(ids)
            self._pages.clear()
            self.layoutChanged.emit()
        else:
            self._ids = ids

    def set_filter(self, wanted: ListFilter) -> None:
        """Show the records wanted. A search that begins comes in its own order, best match
        first; when it ends, inventory order comes back."""
        searched, searches = self._filter.searching, wanted.searching
        self._filter = wanted
        if searches and not searched:
            self._sort = (None, False)
            self.orderChanged.emit(-1, Qt.SortOrder.AscendingOrder)
        elif searched and not searches and self._sort[0] is None:
            self._sort = ("inventory_number", False)
            self.orderChanged.emit(self._keys.index("inventory_number"),
                                   Qt.SortOrder.AscendingOrder)
        self.refresh()

    def id_at(self, row: int) -> str | None:
        if len(self._ids) <= row < self._total:
            self._read_all_ids()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        self._read_all_ids()
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def row_at(self, row: int) -> ListRow | None:
        if self._rest_pending:  # the view is painting its first rows: read the rest after
            self._rest_pending = False
            QTimer.singleShot(0, self._read_all_ids)
        record_id = self.id_at(row)
        if record_id is None:
            return None
        page = row // PAGE_SIZE
        if page not in self._pages:
            self._load_page(page)
        self._pages.move_to_end(page)
        return self._pages[page].get(record_id)

    def _load_page(self, page: int) -> None:
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        self._pages[page] = self._catalogue.list_rows(ids)
        self.page_fetches += 1
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)


def _shown(row: ListRow, key: str):
    """What a cell shows: where the object is (away on loan, or its location as entered), the
    latest condition state's label, the other columns as read (no 0 images)."""
    if key == "current_location":
        return ON_LOAN(party=row.loan_party).text() if row.loan_party is not None \
            else row.current_location
    if key == "condition_state":
        return next((choice_label(c) for c in CONDITION_STATES
                     if c.code and c.code == row.condition_state), "")
    value = getattr(row, key)
    return value if value != 0 else ""


def _in_two_lines(name: str) -> str:
    """`Désignation du bien` -> `Désignation` / `du bien`: broken at the space nearest the
    middle, so that the column needs about half the width."""
    spaces = [i for i, c in enumerate(name) if c == " "]
    if not spaces:
        return name
    middle = min(spaces, key=lambda i: abs(len(name) - 2 * i))
    return f"{name[:middle]}\n{name[middle + 1:]}"
