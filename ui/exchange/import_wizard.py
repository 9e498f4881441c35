"""The spreadsheet import wizard: choose a file (encoding and delimiter detected), map its
columns to fields (matched by name and label, remembered for files with the same columns),
check it (the dry run lists every problem by row and column), then import it in the
background, in one transaction, with progress and cancel."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.exchange.mapping import (
    MAPPABLE_FIELDS,
    ColumnMapping,
    ColumnTarget,
    load_mapping,
    parse_mapping,
    suggested_mapping,
)
from catalogue_app.exchange.sources import ENCODINGS, TableSource, open_table
from catalogue_app.exchange.spreadsheet_import import (
    ImportCancelled,
    ImportOptions,
    ImportReport,
    check_import,
    run_import,
)
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.settings import IMPORT_MAPPINGS, Preferences
from ui import messages
from ui.exchange.problem_table import ProblemTable
from ui.language import field_label
from ui.operations import Job, run_in_background

SAMPLE_ROWS = 3
_ENCODINGS = ("", *ENCODINGS)
_DELIMITERS = (("", ""), (",", ","), (";", ";"), ("\t", "Tab"), ("|", "|"))


class ImportWizard(QWizard):
    def __init__(self, catalogue: Catalogue, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self.preferences = catalogue, preferences
        self.source: TableSource | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = RunPage(self, dry_run=True)
        self.import_page = RunPage(self, dry_run=False)
        for page in (self.file_page, self.mapping_page, self.check_page, self.import_page):
            self.addPage(page)
        self.resize(900, 640)

    def reject(self) -> None:
        """Closing the wizard cancels a check or an import under way (nothing is imported)."""
        self.check_page.cancel()
        self.import_page.cancel()
        super().reject()

    def options(self) -> ImportOptions:
        where = self.file_page.row_filter()
        return ImportOptions(update=self.check_page.update_box.isChecked(),
                             where=(where,) if where else (), user=self.catalogue.user)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("A CSV file (any encoding and delimiter) or an Excel .xlsx "
                                 "workbook, one object per row, column names in the first row."))
        self.path_edit = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.encoding = QComboBox()
        for encoding in _ENCODINGS:
            self.encoding.addItem(encoding or self.tr("Detect"), encoding)
        self.delimiter = QComboBox()
        for value, text in _DELIMITERS:
            self.delimiter.addItem(text or self.tr("Detect"), value)
        self.detected = QLabel()
        self.filter_column = QComboBox()
        self.filter_value = QLineEdit()
        self.filter_value.setPlaceholderText(self.tr("value, e.g. a museum code"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit)
        path_row.addWidget(browse)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_column)
        filter_row.addWidget(self.filter_value)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Encoding:"), self.encoding)
        form.addRow(self.tr("Delimiter:"), self.delimiter)
        form.addRow("", self.detected)
        form.addRow(self.tr("Only rows where:"), filter_row)
        form.addRow("", QLabel(self.tr("A file holding several museums' objects: import "
                                       "only this museum's rows (column and value).")))
        for signal in (self.path_edit.editingFinished, self.encoding.currentIndexChanged,
                       self.delimiter.currentIndexChanged):
            signal.connect(self.look_at_file)

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a spreadsheet"), "",
                                              self.tr("Spreadsheets (*.csv *.txt *.xlsx)"))
        if name:
            self.path_edit.setText(name)
            self.look_at_file()

    def look_at_file(self) -> None:
        self.wizard_.source = None
        self.filter_column.clear()
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self.detected.clear()
        else:
            try:
                source = open_table(path, self.encoding.currentData() or None,
                                    self.delimiter.currentData() or None)
            except CatalogueError as exc:
                self.detected.setText(str(exc))
            else:
                self.wizard_.source = source
                self.detected.setText(self.tr("{kind}; {n} columns").format(
                    kind=source.describe(), n=len(source.headers)))
                self.filter_column.addItem(self.tr("(every row)"), "")
                for header in source.headers:
                    self.filter_column.addItem(header, header)
        self.completeChanged.emit()

    def row_filter(self) -> tuple[str, str] | None:
        column = self.filter_column.currentData()
        return (column, self.filter_value.text()) if column else None

    def isComplete(self) -> bool:
        return self.wizard_.source is not None


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(self.tr("Match the columns to fields"))
        self.setSubTitle(self.tr("Columns named like a field, or as French museums and "
                                 "Joconde usually name it, were matched for you. Columns left "
                                 "on “ignore” are not imported."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field"),
                                              self.tr("First values")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        load = QPushButton(self.tr("Load mapping…"))
        save = QPushButton(self.tr("Save mapping…"))
        load.clicked.connect(self.load_file)
        save.clicked.connect(self.save_file)
        self.number_needed = QLabel(self.tr(
            "Choose the column that holds the inventory number: every record needs one."))
        self.number_needed.setObjectName("numberColumnNeeded")
        self.number_needed.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(load)
        buttons.addWidget(save)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.number_needed)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        source = self.wizard_.source
        samples = _samples(source)
        remembered = self.wizard_.preferences.get(IMPORT_MAPPINGS).get(
            _headers_key(source.headers))
        mapping = suggested_mapping(source.headers)
        if remembered:  # a damaged remembered mapping: start again from the automatic one
            with contextlib.suppress(CatalogueError):
                mapping = parse_mapping(remembered)
        self.table.setRowCount(len(source.headers))
        for row, header in enumerate(source.headers):
            self.table.setCellWidget(row, 0, QLabel(header))
            choice = QComboBox()
            choice.addItem(self.tr("— ignore —"), "")
            for name in MAPPABLE_FIELDS:
                field = FIELDS_BY_NAME.get(name)
                choice.addItem(field_label(field) if field else name, name)
            self.table.setCellWidget(row, 1, choice)
            choice.currentIndexChanged.connect(self._choice_changed)
            self.table.setCellWidget(row, 2, QLabel(" | ".join(
                " ".join(v.split())[:60] for v in samples[row] if v.strip())))
        self.set_mapping(mapping)
        self.table.resizeColumnsToContents()
        self._choice_changed()

    def _choice_changed(self) -> None:
        self.number_needed.setVisible(not self.isComplete())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Records are found and created by their inventory number: its column is needed."""
        return any(self.combo(row).currentData() == "inventory_number"
                   for row in range(self.table.rowCount()))

    def combo(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, 1)

    def set_mapping(self, mapping: ColumnMapping) -> None:
        # What the table does not show (split, join, former numbers, inscribed) is kept for
        # the columns the curator leaves on the field the mapping gave them.
        self._loaded, self._inscribed = dict(mapping.columns), mapping.inscribed
        for row, header in enumerate(self.wizard_.source.headers):
            target = mapping.columns.get(header)
            self.combo(row).setCurrentIndex(
                max(0, self.combo(row).findData(target.field if target else "")))

    def mapping(self) -> ColumnMapping:
        columns = {}
        for row, header in enumerate(self.wizard_.source.headers):
            field = self.combo(row).currentData()
            loaded = self._loaded.get(header)
            if field:
                columns[header] = loaded if loaded and loaded.field == field \
                    else ColumnTarget(field, loaded.split if loaded else ";")
        return ColumnMapping(columns, self._inscribed)

    def validatePage(self) -> bool:
        remembered = self.wizard_.preferences.get(IMPORT_MAPPINGS)
        remembered[_headers_key(self.wizard_.source.headers)] = self.mapping().to_json()
        self.wizard_.preferences.set(IMPORT_MAPPINGS, remembered)
        return True

    def load_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Load a mapping"), "",
                                              self.tr("Mappings (*.json)"))
        if name:
            try:
                self.set_mapping(load_mapping(Path(name)))
            except CatalogueError as exc:
                messages.show_error(self, self.tr("Mapping not loaded"), str(exc))

    def save_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the mapping"), "mapping.json",
                                              self.tr("Mappings (*.json)"))
        if name:
            self.mapping().save(Path(name))


class RunPage(QWizardPage):
    """The dry run (dry_run=True) or the import itself, run in the background."""

    def __init__(self, wizard: ImportWizard, dry_run: bool) -> None:
        super().__init__()
        self.wizard_, self.dry_run = wizard, dry_run
        self.job: Job | None = None
        self.done: ImportReport | None = None
        self._run = 0
        self.setTitle(self.tr("Check the file") if dry_run else self.tr("Import"))
        self.setSubTitle(
            self.tr("Nothing is imported yet: every problem is listed. Errors must be fixed "
                    "in the file; warnings only flag values kept as text.") if dry_run
            else self.tr("The import is one transaction: it lands whole, or not at all."))
        self.update_box = QCheckBox(self.tr("Update the records whose inventory number is "
                                            "already in the catalogue"))
        self.update_box.toggled.connect(self.start)
        self.update_box.setVisible(dry_run)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = ProblemTable()
        self.problems.setVisible(dry_run)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.update_box)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        if not dry_run:
            self.setFinalPage(True)

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        if self.job is not None:
            self.job.cancel()
        wizard = self.wizard_
        source, mapping, options = wizard.source, wizard.mapping_page.mapping(), wizard.options()
        expected = wizard.report.rows + wizard.report.filtered_out + 1 if wizard.report else 0
        work = check_import if self.dry_run else run_import
        self.done = None
        self.problems.show_report(None)
        self.summary.setText(self.tr("Working…"))
        self.progress.setRange(0, expected or 0)
        self.cancel_button.setEnabled(True)
        self.completeChanged.emit()

        catalogue = wizard.catalogue  # the work holds no widget: it runs off the GUI thread

        def job_work(job: Job) -> ImportReport:
            return work(catalogue, source, mapping, options,
                        progress=lambda row, text: job.progress(row, expected, text),
                        cancelled=lambda: job.cancelled)

        self._run += 1
        run = self._run  # a restarted check ignores what its cancelled predecessor reports
        self.job = run_in_background(
            job_work, parent=self, on_progress=self.progressed,
            on_success=lambda report: run == self._run and self.finished(report),
            on_failure=lambda exc: run == self._run and self.failed(exc))

    def progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setValue(min(done, total))

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def finished(self, report: ImportReport) -> None:
        self.job = None
        self.done = report
        if self.dry_run:
            self.wizard_.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.setEnabled(False)
        self.problems.show_report(report)
        self.summary.setText(report.summary())
        self.completeChanged.emit()

    def failed(self, exc: Exception) -> None:
        self.job = None
        self.cancel_button.setEnabled(False)
        self.summary.setText(str(exc) if isinstance(exc, (CatalogueError, ImportCancelled))
                             else self.tr("The import failed; nothing was imported: {error}")
                             .format(error=exc))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.done is None:
            return False
        return self.done.imported if not self.dry_run else not self.done.blocked

    def cleanupPage(self) -> None:
        self.cancel()


def _samples(source: TableSource) -> list[list[str]]:
    """The first values of each column, for the mapping page."""
    samples: list[list[str]] = [[] for _ in source.headers]
    try:
        for count, (_number, cells) in enumerate(source.rows()):
            if count == SAMPLE_ROWS:
                break
            for index, cell in enumerate(cells[:len(samples)]):
                samples[index].append(cell)
    except CatalogueError:
        pass  # the dry run reports what is wrong with the rows
    return samples


def _headers_key(headers: list[str]) -> str:
    """Mappings are remembered per set of column names: the next file like it maps itself."""
    return hashlib.sha256("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]
