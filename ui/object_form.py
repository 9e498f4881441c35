"""The object form: every canonical field, grouped as curators work, editing a record dict.

The form never saves a record itself: the window loads a record dict into it and saves the dict
values() returns. What the form does on its own is what keeps an edit from being lost or wrong:
vocabulary autocomplete, derived years and measurement rows, inventory number checks, undo and
redo across fields, drafts autosaved to the catalogue, and the record's history.

Other panels plug in without editing this file: add_section("images" | "themes", title,
widget) fills the group waiting at that place in the form (hidden until then), any other key
adds a group before Observations and history; register_editor makes a widget with value(),
set_value() and a changed signal part of the record; add_row_after puts a widget under a
field's row; heading_sources add lines to the heading of each record shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError
from catalogue_app.records import derive
from catalogue_app.records.blank import META_KEYS, blank_record
from catalogue_app.records.fields import FIELDS_BY_NAME
from catalogue_app.records.inventory_numbers import lot_of
from catalogue_app.records.measurements import (
    MeasurementRow,
    format_measurements,
    parse_measurements,
)
from catalogue_app.records.multivalue import split_values
from catalogue_app.vocabulary.field_vocabularies import FIELD_VOCABULARIES
from ui import messages
from ui.form import prompts
from ui.form.completion import attach_vocabulary, vocabulary_label
from ui.form.editors import (
    AuthorsEditor,
    ListEditor,
    LongTextEdit,
    MeasurementRowsEditor,
    YearEdit,
    changed_signal,
    editor_value,
    set_editor_value,
)
from ui.form.history_panel import HistoryPanel
from ui.form.mnemonics import assign_mnemonics, mnemonic_of
from ui.form.movements_view import MovementsView
from ui.form.register_editors import ChoiceEditor, RecolementChecksView, RectificationsView
from ui.form.register_view import RegisterView
from ui.form.undo import FormEdit
from ui.form.wrapping_label import WrappingLabel
from ui.language import field_label
from ui.stacked_rows import stacked_rows

if TYPE_CHECKING:
    from catalogue_app.records.drafts import DraftInfo

AUTOSAVE_MS = 3000
SECTION_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("identification", ("inventory_number", "number_of_parts", "current_location",
                        "movements", "credit_line", "public")),
    ("acquisition", ("acquisition_mode", "acquisition_source", "acquisition_date",
                     "committee_opinion", "acquisition_price", "register_date")),
    ("description", ("designation", "title", "description", "inscriptions", "subjects")),
    ("physical", ("materials", "techniques", "measurements", "condition_at_acquisition")),
    ("makers", ("authors", "dating", "function", "origin_place")),
    ("images", ()),
    ("themes", ()),
    # The legal side: which register, the record's status, its deposit or radiation.
    ("register", ("legal_status", "status", "inscribed", "former_numbers", "rectifications",
                  "recolement_checks", "depositor", "deposit_owner_number",
                  "deposit_reference", "deposit_term", "deposit_returned", "deaccession_case",
                  "deaccession_date", "deaccession_decision")),
    ("documentation", ("domains", "joconde_ref", "bibliography", "exhibitions",
                       "ownership_history")),
    ("observations", ("observations",)),
)


class ObjectForm(QScrollArea):
    dirtyChanged = Signal(bool)
    recordLoaded = Signal(object)  # the record id, None for a new record
    recordChanged = Signal(str)  # saved by the form itself (a value restored from history)
    statusMessage = Signal(str)  # something done that the curator should see in passing

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setWidgetResizable(True)
        self.setObjectName("objectForm")
        self._record: dict[str, Any] = blank_record()
        self._applying = False
        self._last: dict[str, Any] = {}
        self._step = 0  # a new undo step starts when the edited field or the focus changes
        self._last_field = ""
        self._draft_saved: dict[str, Any] | None = None
        self._mnemonics_given = False
        self.editors: dict[str, QWidget] = {}
        self.sections: dict[str, QGroupBox] = {}
        # Lines (HTML) other panels add to the heading of the record shown.
        self.heading_sources: list[Callable[[dict[str, Any]], list[str]]] = []
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft)
        self._number_check = QTimer(self, singleShot=True, interval=400)
        self._number_check.timeout.connect(self.check_number)

        body = QWidget()
        self._body_layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self._body_layout.addWidget(self.heading)
        for key, names in SECTION_FIELDS:
            box = self._new_section(key, self._section_title(key))
            for name in names:
                self._add_field(box.layout(), name)
        self.history_panel = HistoryPanel(catalogue)
        self.history_panel.restored.connect(self._history_restored)
        self.sections["observations"].layout().addRow(self.history_panel)
        self.register_view = RegisterView(self)
        for key in ("images", "themes"):
            self.sections[key].hide()  # until the images and themes panels add their widgets
        self._body_layout.addStretch(1)
        self.setWidget(body)
        self._make_actions()
        self._watch_keys(body)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._show(None)  # drafts left behind are offered once the window is up

    # --- building -----------------------------------------------------------------------------
    def _section_title(self, key: str) -> str:
        return {
            "identification": self.tr("Identification"),
            "acquisition": self.tr("Acquisition"),
            "description": self.tr("Description"),
            "physical": self.tr("Physical description"),
            "makers": self.tr("Makers, dating and provenance"),
            "register": self.tr("Legal status and register"),
            "documentation": self.tr("Documentation"),
            "images": self.tr("Images"),
            "themes": self.tr("Themes"),
            "observations": self.tr("Observations and history"),
        }[key]

    def _new_section(self, key: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(f"section_{key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Narrow (a 1280 px screen beside the list): a label goes above its field rather
        # than the form scrolling sideways.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.sections[key] = box
        self._body_layout.addWidget(box)
        return box

    def _add_field(self, form: QFormLayout, name: str) -> None:
        editor = self._make_editor(name)
        label = WrappingLabel(field_label(FIELDS_BY_NAME[name]))
        label.setBuddy(editor)
        if name == "inventory_number":
            form.addRow(label, self._inventory_row(editor))
            form.addRow(self.number_problems)
        elif name == "dating":
            form.addRow(label, editor)
            form.addRow(self.tr("Years"), self._years_row())
        elif name == "measurements":
            form.addRow(label, editor)
            rows = MeasurementRowsEditor()
            rows.setObjectName("field_measurement_rows")
            rows.writeTextRequested.connect(self.write_measurement_text)
            self.register_editor("measurement_rows", rows)
            form.addRow(self.tr("Measurement rows"), rows)
        else:
            form.addRow(label, editor)
        self.register_editor(name, editor)

    def _make_editor(self, name: str) -> QWidget:
        kind = FIELDS_BY_NAME[name].type
        vocabulary = FIELD_VOCABULARIES.get(name)
        if kind == "choice":
            editor: QWidget = ChoiceEditor(FIELDS_BY_NAME[name])
        elif kind == "rectifications":
            editor = RectificationsView()
        elif kind == "movements":
            editor = MovementsView()
        elif kind == "recolement_checks":
            editor = RecolementChecksView()
        elif kind == "boolean":
            editor = QCheckBox()
        elif kind == "longtext":
            editor = LongTextEdit()
        elif kind == "authors":
            editor = AuthorsEditor()
            attach_vocabulary(editor.entry, self.catalogue, "person")
        elif kind == "list":
            editor = ListEditor()
            if vocabulary:
                attach_vocabulary(editor.entry, self.catalogue, vocabulary)
        else:
            editor = QLineEdit()
            if vocabulary:
                attach_vocabulary(editor, self.catalogue, vocabulary)
        editor.setObjectName(f"field_{name}")
        return editor

    def _inventory_row(self, editor: QWidget) -> QWidget:
        self.next_number_button = QPushButton(self.tr("Next free number"))
        self.next_number_button.setToolTip(
            self.tr("Fill in the number after the highest one used in this lot"))
        self.next_number_button.clicked.connect(self.fill_next_number)
        self.number_problems = QLabel()
        self.number_problems.setObjectName("numberProblems")
        self.number_problems.setWordWrap(True)
        self.number_problems.hide()
        editor.editingFinished.connect(self.check_number)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor, 1)
        layout.addWidget(self.next_number_button)
        return row

    def _years_row(self) -> QWidget:
        row = QWidget()
        years: list[QWidget] = []
        for name, text in (("date_earliest", self.tr("from")), ("date_latest", self.tr("to"))):
            year = YearEdit()
            year.setObjectName(f"field_{name}")
            year.setAccessibleName(self.tr("Earliest year") if name == "date_earliest"
                                   else self.tr("Latest year"))
            caption = QLabel(text)
            caption.setBuddy(year)
            years += [caption, year]
            self.register_editor(name, year)
        hint = QLabel(self.tr("read from the dating text; correct them if needed"))
        hint.setEnabled(False)
        hint.setWordWrap(True)
        stacked_rows(years, [hint], stretch=[hint], parent=row)
        return row

    def _make_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        # Both usual redo keys on every system (the platform's Redo is one of them).
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.add_term_action = QAction(self.tr("Add what I typed to the &vocabulary"), self)
        self.add_term_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.add_term_action.triggered.connect(self.add_typed_term)
        self.section_actions: list[QAction] = []
        for number, box in enumerate(self.sections.values(), start=1):
            act = QAction(self.tr("Go to {section}").format(section=box.title()), self)
            act.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))  # the tenth: Ctrl+0
            act.triggered.connect(lambda _=False, b=box: self.focus_section(b))
            self.section_actions.append(act)
        for act in (self.undo_action, self.redo_action, self.add_term_action,
                    *self.section_actions):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)

    def _watch_keys(self, body: QWidget) -> None:
        """Ctrl+Z in a line edit undoes the form's last edit, not just that line edit's."""
        for line_edit in body.findChildren(QLineEdit):
            line_edit.installEventFilter(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._mnemonics_given:  # the menu bar is complete by now
            self._mnemonics_given = True
            window = self.window()
            reserved = ({mnemonic_of(a.text()) for a in window.menuBar().actions()}
                        if isinstance(window, QMainWindow) else set())
            assign_mnemonics(self._mnemonic_widgets(), reserved)

    def _mnemonic_widgets(self) -> list[QWidget]:
        """The form's own buttons first (actions matter most), then the field labels."""
        buttons = [self.next_number_button, self.history_panel.restore_button,
                   self.editors["measurement_rows"].add_button,
                   self.editors["measurement_rows"].to_text_button]
        labels = [label for label in self.widget().findChildren(QLabel)
                  if label.buddy() is not None]
        return buttons + labels

    # --- plug-in points for other panels --------------------------------------------------
    def section(self, key: str) -> QGroupBox:
        return self.sections[key]

    def add_section(self, key: str, title: str, widget: QWidget) -> QGroupBox:
        """Put widget in the group named key: the waiting "images" or "themes" group, or a
        new group just before Observations and history."""
        box = self.sections.get(key)
        if box is None:
            box = QGroupBox()
            box.setObjectName(f"section_{key}")
            QFormLayout(box)
            position = self._body_layout.indexOf(self.sections["observations"])
            self._body_layout.insertWidget(position, box)
            self.sections[key] = box
        box.setTitle(title)
        box.layout().addRow(widget)
        box.show()
        return box

    def add_row_after(self, name: str, widget: QWidget) -> None:
        """Put widget on its own row just under the field's row (a note about its value)."""
        editor = self.editors[name]
        layout = next(box.layout() for box in self.sections.values()
                      if box.isAncestorOf(editor))
        row, _role = layout.getWidgetPosition(editor)
        layout.insertRow(row + 1, widget)

    def register_editor(self, name: str, editor: QWidget) -> None:
        """Make editor part of the record: loaded, read, undone and autosaved with the rest."""
        self.editors[name] = editor
        changed_signal(editor).connect(lambda *_args, n=name: self._edited(n))

    # --- loading and reading --------------------------------------------------------------
    def load(self, record: dict[str, Any] | None) -> None:
        """Show record (None: a new, empty one); offer back a draft left unsaved for it."""
        self._show(record)
        draft = self._draft_of(self.record_id())
        if draft is not None:
            if prompts.ask_restore_draft(self, draft):
                self.apply_edit(draft.values, "draft")
            else:
                self._discard_draft()

    def load_template(self, template: dict[str, Any], lot: str) -> None:
        """A new record prefilled from a template, as one undoable, unsaved edit."""
        self._show(None)
        self.apply_edit(template, "template")
        self._suggest_number_in(lot)
        self.focus_first_field()

    def apply_edit(self, values: dict[str, Any], label: str) -> None:
        """Put values in the form as one step the curator can undo."""
        before = self._snapshot()
        # Keys no editor shows (extra fields kept for compatibility) ride along; the record's
        # own id, status and timestamps stay those of the record loaded, never a draft's.
        self._record.update({k: v for k, v in values.items()
                             if k not in self.editors and k not in META_KEYS})
        self._set_values(values)
        self._step += 1
        self.undo_stack.push(FormEdit(label, self._step, before, self._snapshot(),
                                      self._apply_snapshot))
        self._last = self._snapshot()

    def discard_changes(self) -> None:
        """Throw the unsaved edits away (and their draft): the record as last saved."""
        self._discard_draft()
        self._show(dict(self._record) if self.record_id() else None)

    def record_id(self) -> str | None:
        return self._record.get("id")

    def values(self) -> dict[str, Any]:
        """The record as edited: the loaded dict with the editors' values over it."""
        record = dict(self._record)
        record.update(self._snapshot())
        return record

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    def focus_first_field(self) -> None:
        self.editors["inventory_number"].setFocus()

    def focus_section(self, box: QGroupBox) -> None:
        if box.isHidden():  # a group still waiting for its panel
            return
        first = next((w for w in box.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(box)),
                     None)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.ensureWidgetVisible(first)

    def _show(self, record: dict[str, Any] | None) -> None:
        self._autosave.stop()
        self._number_check.stop()
        self._record = dict(record) if record else blank_record()
        self._set_values(self._record)
        self._last = self._snapshot()
        self._draft_saved = None
        self.undo_stack.clear()
        self.register_view.show(self._record)
        self._show_heading()
        self._show_number_problems([], [])
        self.editors["inventory_number"].setPlaceholderText("")
        self._lot = lot_of(self._record["inventory_number"])
        self.history_panel.show_record(self.record_id())
        self.history_panel.set_form_dirty(False)
        self.recordLoaded.emit(self.record_id())

    def _show_heading(self) -> None:
        record = self._record
        if not record.get("id"):
            title = self.tr("New record")  # outside the f-string, where lupdate sees it
            self.heading.setText(f"<h2>{title}</h2>")
            return
        parts = [f"<h2>{_escape(record['inventory_number'])}"
                 f"{' — ' + _escape(record['designation']) if record['designation'] else ''}</h2>"]
        if record.get("status") == "deaccessioned":
            parts.append(self.tr("<b>Deaccessioned</b> on {date}: {reason}").format(
                date=_escape(record["deaccession_date"]),
                reason=_escape(record["deaccession_decision"])))
        if record.get("trashed_at"):
            parts.append(self.tr("<b>In the trash</b>"))
        parts += self.register_view.heading_lines(record)
        for source in self.heading_sources:
            parts += source(record)
        self.heading.setText("<br>".join(parts))

    def _snapshot(self) -> dict[str, Any]:
        return {name: editor_value(editor) for name, editor in self.editors.items()}

    def _set_values(self, values: dict[str, Any]) -> None:
        self._applying = True
        try:
            for name, editor in self.editors.items():
                if name in values and editor_value(editor) != values[name]:
                    set_editor_value(editor, values[name])
        finally:
            self._applying = False
        self._show_measurement_status()

    def _apply_snapshot(self, values: dict[str, Any], field: str) -> None:
        """Undo/redo: show values, and bring the edited field into view."""
        self._set_values(values)
        self._last = self._snapshot()
        editor = self.editors.get(field)
        if editor is not None and editor.isVisible():
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(editor)
        self._schedule_draft()

    # --- editing ------------------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._applying:
            return
        if name in derive.SOURCES:
            self._set_values(derive.derived_fields(name, editor_value(self.editors[name])))
        elif name == "inventory_number":
            self._number_check.start()
        now = self._snapshot()
        if now == self._last:
            return
        if name != self._last_field:
            self._step += 1
            self._last_field = name
        self.undo_stack.push(FormEdit(name, self._step, self._last, now, self._apply_snapshot))
        self._last = now
        self._schedule_draft()

    def write_measurement_text(self) -> None:
        rows = [MeasurementRow(r["kind"], r["value"], r["unit"], r["note"])
                for r in editor_value(self.editors["measurement_rows"])]
        self.apply_edit({"measurements": format_measurements(rows)}, "measurements")

    def _show_measurement_status(self) -> None:
        text = editor_value(self.editors["measurements"]) if "measurements" in self.editors else ""
        rows_editor = self.editors.get("measurement_rows")
        if rows_editor is None:
            return
        if text.strip() and parse_measurements(text) is None:
            rows_editor.status.setText(self.tr(
                "The text is not understood as measurements: it is kept exactly as entered and "
                "flagged for review. Enter the rows by hand if you wish."))
        else:
            rows_editor.status.setText("")

    # --- vocabularies -------------------------------------------------------------------------
    def add_typed_term(self) -> None:
        """Make the text of the focused field a local term of its vocabulary."""
        widget = QApplication.focusWidget()
        vocabulary = widget.property("vocabulary") if isinstance(widget, QLineEdit) else None
        if not vocabulary:
            messages.show_error(self, self.tr("No vocabulary here"), self.tr(
                "Put the cursor in a field that offers a vocabulary (object name, materials, "
                "techniques, authors, place of origin, dating) and type the new term first."))
            return
        typed = widget.text()
        labels = split_values(typed) if isinstance(widget.parentWidget(), ListEditor) \
            else [typed]
        try:
            terms = self.catalogue.add_terms(vocabulary, labels or [""]).result
        except CatalogueError as exc:
            messages.show_error(self, self.tr("Term not added"), str(exc))
            return
        widget.completer().popup().hide()
        self.statusMessage.emit(self.tr("Now offered in the {vocabulary} list: {terms}.").format(
            vocabulary=vocabulary_label(vocabulary), terms=", ".join(t.label for t in terms)))

    # --- inventory numbers --------------------------------------------------------------------
    def check_number(self) -> bool:
        """Show the number's problems as the curator types: a duplicate is an error (saving is
        refused), a number off the museum's pattern a warning (historic numbers are kept)."""
        self._number_check.stop()
        number = editor_value(self.editors["inventory_number"])
        if not number.strip():
            self._show_number_problems([], [])
            return True
        check = self.catalogue.check_number(number, self.record_id())
        self._show_number_problems([str(p.message) for p in check.errors],
                                   [str(p.message) for p in check.warnings])
        return check.ok

    def fill_next_number(self) -> None:
        lot = lot_of(editor_value(self.editors["inventory_number"])) or self._lot
        if not lot:
            messages.show_error(self, self.tr("No lot to follow"), self.tr(
                "Type the lot first (for example 2004.12.), then ask for its next free number."))
            return
        number = self.catalogue.next_number(lot)
        self.apply_edit({"inventory_number": number}, "inventory_number")
        self.check_number()

    def _suggest_number_in(self, lot: str) -> None:
        self._lot = lot
        editor = self.editors["inventory_number"]
        if lot:
            number = self.catalogue.next_number(lot)
            editor.setPlaceholderText(self.tr("next free: {number}").format(number=number))
        else:
            editor.setPlaceholderText("")

    def _show_number_problems(self, errors: list[str], warnings: list[str]) -> None:
        # ✖ and ⚠ are in the fonts every system ships (⛔ is not: it showed as a box).
        lines = [f"<span style='color:#b00020'>✖ {_escape(m)}</span>" for m in errors]
        lines += [f"<span style='color:#8a5a00'>⚠ {_escape(m)}</span>" for m in warnings]
        self.number_problems.setText("<br>".join(lines))
        self.number_problems.setVisible(bool(lines))

    # --- drafts -------------------------------------------------------------------------------
    def save_draft(self) -> None:
        """Keep the unsaved edits in the catalogue, so that a crash or a kill loses nothing."""
        self._autosave.stop()
        if not self.is_dirty():
            return
        values = self.values()
        if values == self._draft_saved:
            return
        self.catalogue.keep_draft(self.record_id(), values)
        self._draft_saved = values

    def _schedule_draft(self) -> None:
        if not self._autosave.isActive():
            self._autosave.start()

    def _draft_of(self, record_id: str | None) -> DraftInfo | None:
        return self.catalogue.draft(record_id)

    def _discard_draft(self) -> None:
        self.catalogue.discard_draft(self.record_id())

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        inside_before = old is not None and self.isAncestorOf(old)
        inside_now = new is not None and self.isAncestorOf(new)
        if inside_before and not inside_now:
            self.save_draft()
        if inside_now:
            self._last_field = ""  # coming back to a field starts a new undo step
            self.ensureWidgetVisible(new)

    def _clean_changed(self, clean: bool) -> None:
        self.history_panel.set_form_dirty(not clean)
        self.dirtyChanged.emit(not clean)

    def _history_restored(self, record_id: str) -> None:
        self._show(self.catalogue.load(record_id))
        self.recordChanged.emit(record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                and isinstance(event, QKeyEvent):
            for act in (self.undo_action, self.redo_action):
                if QKeySequence(event.keyCombination()) in act.shortcuts():
                    event.accept()
                    if event.type() == QEvent.Type.KeyPress:
                        act.trigger()
                    return True
        return super().eventFilter(watched, event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
