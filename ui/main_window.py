"""The main window: the object list beside the object form, menus, search box, status bar.

Actions elsewhere in ui/ talk to it through a small public interface: apply(changes) after a
Catalogue verb (it refreshes the list, count, form and status from that one answer, and passes
it on through catalogueChanged), select(), may_leave_form(), refilter(), show_status()."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue, Changes
from catalogue_app.errors import CatalogueError
from catalogue_app.search.list_filter import ListFilter
from catalogue_app.settings import Preferences
from ui import messages
from ui.backups.window_actions import BackupActions
from ui.empty_state import EmptyState
from ui.exchange.window_actions import ExchangeActions
from ui.failures import report_failure
from ui.form.record_actions import RecordActions
from ui.images.window_actions import ImageActions
from ui.keyboard.panes import install_pane_cycle
from ui.loans.window_actions import LoanActions
from ui.locations.window_actions import LocationActions
from ui.object_form import ObjectForm
from ui.object_list_model import ObjectListModel
from ui.recolement.window_actions import RecolementActions
from ui.search.docks import install_browse_docks
from ui.sync.window_actions import SyncActions

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide" / "README.md"
# The list's columns' share of its width: number, name, title, authors, dating, images.
COLUMN_SHARES = (0.15, 0.24, 0.2, 0.18, 0.14, 0.09)


class MainWindow(QMainWindow):
    catalogueChanged = Signal(Changes)  # after the window showed what a verb changed
    # The list has painted its first rows: work that can wait (and the SQLAlchemy it
    # loads) starts then, so the window appears sooner.
    firstPainted = Signal()

    def __init__(self, catalogue: Catalogue, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.preferences = preferences or Preferences()
        museum = catalogue.museum()
        self.setWindowTitle(self.tr("Catalogue — {museum}[*]").format(
            museum=museum.name or catalogue.directory.name))
        self.resize(1280, 800)

        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refilter)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())

        self.model = ObjectListModel(catalogue, self)
        self.table = QTableView()
        self.table.setObjectName("objectList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The indicator first: enabling sorting re-sorts by it (a second read of every id).
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # A third click goes back to the natural order (a search's: best match first).
        self.table.horizontalHeader().setSortIndicatorClearable(True)
        # Through Python: PySide cannot connect a signal to this C++ method as a slot.
        self.model.orderChanged.connect(
            lambda column, order: self.table.horizontalHeader().setSortIndicator(column, order))
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # A narrow column keeps the start of its name in view (centred, both ends were cut).
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.list_empty_state = EmptyState(self.table, self._empty_list_text)
        self.table.viewport().installEventFilter(_FirstPaint(self))

        self.form = ObjectForm(catalogue)
        self.form.dirtyChanged.connect(self._dirty_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box)
        self.list_stack = QStackedWidget()  # the list, or the grid (ui/object_grid.py)
        self.list_stack.addWidget(self.table)
        left_layout.addWidget(self.list_stack)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.form)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._fitted = False

        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self._make_actions()
        self.update_count()
        self._dirty_changed(False)
        self.record_actions = RecordActions(self)
        self.image_actions = ImageActions(self)
        self.loan_actions = LoanActions(self)
        self.exchange_actions = ExchangeActions(self)
        self.location_actions = LocationActions(self)
        self.recolement_actions = RecolementActions(self)
        self.theme_panel, self.filter_panel = install_browse_docks(self)
        self.sync_actions = SyncActions(self)
        self.backup_actions = BackupActions(self)
        # Closing to reopen on a restored catalogue (ui/backups/restore.py): no questions,
        # no backup on close.
        self.reopening = False
        install_pane_cycle(self, [(self.search_box, self.focus_search),
                                  (self.table, self.table.setFocus),
                                  (self.form, self.form.focus_first_field)])
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for name in ("themeDock", "filterDock"):  # side panels fold away
            self.view_menu.addAction(self.findChild(QDockWidget, name).toggleViewAction())
        from ui.list_columns import install_column_choice
        from ui.object_grid import install_grid

        install_column_choice(self)
        self.grid = install_grid(self)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        guide = self.help_menu.addAction(self.tr("&User guide"), self.open_guide)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.help_menu.addAction(self.tr("&About Catalogue"), self.show_about)

    # --- fitting the screen ---------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:  # once: afterwards the curator's own sizes stay
            self._fitted = True
            self.fit_to_window()

    def fit_to_window(self) -> None:
        """Share the window's width: side panels a fifth, then the list and the form. The
        list gets what its column names need (French ones are long: on two lines if need
        be) if the form can spare it; each column gets its name's width, and the rest in
        proportion."""
        width = self.width()
        docks = [d for d in self.findChildren(QDockWidget) if not d.isFloating()]
        if docks:
            self.resizeDocks(docks, [width // 5] * len(docks), Qt.Orientation.Horizontal)
        rest = (self.centralWidget().width() if docks else width) - self.splitter.handleWidth()
        header = self.table.horizontalHeader()
        list_chrome = self.table.verticalScrollBar().sizeHint().width() \
            + 2 * self.table.frameWidth()

        def needs() -> list[int]:
            # Qt widens a section by its height for the sort arrow: one line's worth is enough.
            line = header.fontMetrics().lineSpacing()
            return [0 if header.isSectionHidden(c) else header.sectionSizeFromContents(c).width()
                    - line * str(self.model.headerData(c, Qt.Orientation.Horizontal)).count("\n")
                    for c in range(header.count())]

        # Names on one line would take more than the list's share: two lines each.
        self.model.set_two_line_headers(sum(needs()) + list_chrome > rest * 55 // 100)
        needs = needs()
        form_needs = self.form.widget().minimumSizeHint().width() \
            + self.form.verticalScrollBar().sizeHint().width() + 2 * self.form.frameWidth()
        list_width = min(max(rest * 55 // 100, sum(needs) + list_chrome),
                         rest - form_needs)
        self.splitter.setSizes([list_width, rest - list_width])
        available = self.splitter.sizes()[0] - list_chrome
        spare = available - sum(needs)
        for column, share in enumerate(COLUMN_SHARES):
            # Too narrow for every name: in proportion (each name is in its tooltip).
            header.resizeSection(column, needs[column] + int(spare * share) if spare >= 0
                                 else int(available * share))

    # --- menus and actions --------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, slot, shortcut=None, menu=None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            (menu or self).addAction(act)
            return act

        self.record_menu = record_menu = self.menuBar().addMenu(self.tr("&Record"))
        self.new_action = action(self.tr("&New record"), self.new_record,
                                 QKeySequence.StandardKey.New, record_menu)
        self.save_action = action(self.tr("&Save"), self.save_record,
                                  QKeySequence.StandardKey.Save, record_menu)
        self.delete_action = action(self.tr("&Delete…"), self.delete_selected,
                                    QKeySequence.StandardKey.Delete, record_menu)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        record_menu.addSeparator()
        action(self.tr("&Museum…"), self.edit_museum, None, record_menu)
        self.settings_action = action(self.tr("Se&ttings…"), self.open_settings, None,
                                      record_menu)
        action(self.tr("&Quit"), self.close, QKeySequence("Ctrl+Q"), record_menu)
        self.edit_menu = edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        action(self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find, edit_menu)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def show_shortcuts(self) -> None:
        from ui.keyboard.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def open_guide(self) -> None:
        """The French user guide, shipped beside the program (docs/guide), in whatever the
        system opens Markdown files with."""
        if not GUIDE.is_file():
            messages.show_error(self, self.tr("User guide"), self.tr(
                "The user guide is missing from {path}; reinstall the application.").format(
                path=GUIDE))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(GUIDE)))

    def show_about(self) -> None:
        from ui.about_dialog import AboutDialog

        AboutDialog(self.catalogue.directory, self).exec()

    def _empty_list_text(self) -> str:
        if self.catalogue.record_count():
            return self.tr("No record matches the search and the filters. Clear the search "
                           "box or the filters to see every record.")
        return self.tr("The catalogue is empty. Press Ctrl+N to describe a first object, or "
                       "import a spreadsheet (Exchange > Import a spreadsheet).")

    def edit_museum(self) -> None:
        """Code and name stay editable until the first sync binds the catalogue (the dialog
        says so); the museum's own words (owner, town, presentation) at any time."""
        from ui.museum_dialog import MuseumDialog

        if MuseumDialog(self.catalogue, self).exec():
            self.setWindowTitle(self.tr("Catalogue — {museum}[*]").format(
                museum=self.catalogue.museum().name))

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        SettingsDialog(self.catalogue, self.preferences, self).exec()

    # --- records ------------------------------------------------------------------------
    def new_record(self) -> None:
        if not self.may_leave_form():
            return
        self.table.clearSelection()
        self.form.load(None)
        self.form.focus_first_field()

    def save_record(self) -> bool:
        """Save the form; on refusal, say why and keep the form as it is."""
        try:
            changes = self.catalogue.save(self.form.values())
            saved = self.catalogue.load(changes.focus)
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Record not saved"), str(exc))
            return False
        except Exception as exc:  # locked, disk full, read-only: said; the form and draft stay
            report_failure(self, self.tr("Record not saved"), exc)
            return False
        self.form.load(saved)
        self.apply(changes)
        self.select(changes.focus)
        self.show_status(self.tr("Saved {number}.").format(number=saved["inventory_number"]),
                         4000)
        return True

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        text = self.tr("Move {n} record(s) to the trash?").format(n=len(ids))
        if not messages.confirm(self, self.tr("Delete records"), text):
            return
        try:
            changes = self.catalogue.trash(ids)
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Nothing deleted"), str(exc))
            return
        self.form.load(None)
        self.apply(changes)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.id_at(r) for r in rows) if rid]

    def select(self, record_id: str) -> None:
        """Make the record the list's current row (which shows it in the form)."""
        row = self.model.row_of(record_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _current_row_changed(self, current, _previous) -> None:
        record_id = self.model.id_at(current.row())
        if record_id is None or record_id == self.form.record_id():
            return
        if not self.may_leave_form():
            return
        self.form.load(self.catalogue.load(record_id))

    def may_leave_form(self) -> bool:
        """True once the form's edits are saved or discarded (asked); False: stay."""
        if not self.form.is_dirty():
            return True
        answer = messages.ask_save_changes(self)
        if answer == "save":
            return self.save_record()
        if answer == "discard":
            self.form.discard_changes()
            return True
        return False

    # --- what changed -------------------------------------------------------------------
    def apply(self, changes: Changes) -> None:
        """Show what a Catalogue verb changed: the list and its count, the record in the form
        (unless it holds edits of its own), then whatever listens to catalogueChanged."""
        if changes.list_changed:
            self.model.refresh()
            self.update_count()
        record_id = self.form.record_id()
        if changes.touches(record_id) and not self.form.is_dirty():
            try:
                self.form.load(self.catalogue.load(record_id))
            except CatalogueError:  # purged
                self.form.load(None)
        self.catalogueChanged.emit(changes)

    def show_status(self, text: str, milliseconds: int = 6000) -> None:
        self.statusBar().showMessage(text, milliseconds)

    # --- search and status --------------------------------------------------------------
    def refilter(self) -> None:
        """Narrow the list to the search box's text and the theme and filter panels."""
        wanted = ListFilter(self.search_box.text(), tuple(self.theme_panel.filter_theme_ids()),
                            **self.filter_panel.filters())
        self.model.set_filter(wanted)
        self.update_count()

    def update_count(self) -> None:
        total = self.catalogue.record_count()
        shown = self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} records").format(n=total))
        else:
            self.count_label.setText(self.tr("{shown} of {n} records").format(shown=shown, n=total))

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        self.setWindowModified(dirty)

    def closeEvent(self, event) -> None:
        if self.reopening:
            event.accept()
        elif not self.may_leave_form() or self.backup_actions.hold_close():
            event.ignore()  # stays open; a backup on close closes it when written
        else:
            event.accept()


class _FirstPaint(QObject):
    """Emits the window's firstPainted once the list's first paint has completed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            # The paint completes when this event returns; signal right after it.
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._window.firstPainted.emit)
        return False
