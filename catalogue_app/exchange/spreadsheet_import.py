"""Import records from a spreadsheet (design.md §9): check every row, then land whole or not.

Errors block the whole import: a file that is not a table, ragged rows, no column mapped to the
inventory number, a missing or duplicate inventory number (in the file, or already in the
catalogue unless updating), a cell over 1 MB. Warnings are reported and the data kept as text:
dates, datings and measurements the app cannot read, numbers of parts that are not numbers,
inventory numbers that do not follow the museum's pattern, unknown vocabulary terms and themes
(an unknown theme's text is kept with the record and exported back). Unmapped columns are
ignored and listed once.

The file is read in one streaming pass. A dry run only checks. An import checks and inserts in
batches inside one write transaction; any error, a cancel or a crash rolls everything back.
With update, a row whose inventory number is already in the catalogue updates that record: the
mapped columns overwrite their fields (an empty cell empties the field), the others are left."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue_app.catalogue import Catalogue
from catalogue_app.errors import CatalogueError, RecordError
from catalogue_app.exchange.csv_format import FALSE_TEXT, TRUE_TEXT, UNMATCHED_THEMES
from catalogue_app.exchange.mapping import YEARS, ColumnMapping, ColumnTarget
from catalogue_app.exchange.sources import SourceError, TableSource
from catalogue_app.exchange.theme_paths import ThemePaths
from catalogue_app.folding import fold
from catalogue_app.messages import Message, declare
from catalogue_app.protocol import normalise_inventory_number
from catalogue_app.records.calendar_dates import parse_partial_date
from catalogue_app.records.dating_years import parse_dating, parse_years
from catalogue_app.records.fields import ENTRY_TYPES, FIELDS_BY_NAME
from catalogue_app.records.inventory_numbers import (
    check_inventory_number,
    is_deposit,
    split_former_numbers,
)
from catalogue_app.records.measurements import parse_measurements
from catalogue_app.records.multivalue import parse_author, split_values
from catalogue_app.records.record import Record as RecordFields
from catalogue_app.records.register_rules import RULE_KEYS, check_change
from catalogue_app.records.store import insert_records, load_record, update_record
from catalogue_app.search.index import bulk_indexing
from db.local.models import Record, Term

MAX_CELL_BYTES = 1 << 20
BATCH_SIZE = 1000
MIN_PAGE_CACHE_KIB, MAX_PAGE_CACHE_KIB = 8 << 10, 64 << 10
PARSED_CACHE_SIZE = 8192
ERROR, WARNING = "error", "warning"
_TRUE = frozenset({"yes", "y", "true", "1", "x", "oui", "o", "vrai"})
_FALSE = frozenset({"no", "n", "false", "0", "non", "faux", ""})
# Fields checked against the catalogue's controlled vocabularies (terms.vocabulary).
VOCABULARY_OF = {"designation": "designation", "materials": "material",
                 "techniques": "technique"}
IMPORT_CANCELLED = declare("exchange.import_cancelled", "Import cancelled: nothing was imported.")
AT_ROW = declare("exchange.at_row", "row {row}")
AT_COLUMN = declare("exchange.at_column", "column {column}")
PROBLEM_AT = declare("exchange.problem_at", "{where}: {message}")
LIST_SEPARATOR = declare("exchange.list_separator", "; ")
SUMMARY_ROWS = declare("exchange.summary_rows", "{n} row(s) read")
SUMMARY_FILTERED = declare("exchange.summary_filtered", "{n} left aside by the row filter")
SUMMARY_PROBLEMS = declare("exchange.summary_problems", "{errors} error(s), {warnings} warning(s)")
SUMMARY_BLOCKED = declare("exchange.summary_blocked", "{counts}: nothing imported.")
SUMMARY_IMPORTED = declare(
    "exchange.summary_imported",
    "{counts}: imported {created} new record(s){updates}.")
SUMMARY_WOULD_IMPORT = declare(
    "exchange.summary_would_import",
    "{counts}: would import {created} new record(s){updates}.")
SUMMARY_UPDATES = declare("exchange.summary_updates", " and {n} update(s)")
BOTH_MAPPED = declare(
    "exchange.columns_both_mapped",
    "columns {earlier!r} and {header!r} are both mapped to {field}, which holds one value; "
    "map only one of them")
NO_NUMBER_COLUMN = declare(
    "exchange.no_number_column",
    "no column is mapped to inventory_number (the inventory number): every record needs one. "
    "Columns found: {columns}")
MAPPING_MISSING_COLUMNS = declare(
    "exchange.mapping_missing_columns",
    "the mapping names columns this file does not have: {columns}")
FILTER_MISSING_COLUMN = declare(
    "exchange.filter_missing_column",
    "the row filter names column {column!r}, which this file does not have")
PROGRESS_ROW = declare("exchange.progress_row", "row {row}")
RAGGED_ROW = declare(
    "exchange.ragged_row",
    "this row has {cells} cells but the header has {width}; a quote or a delimiter is "
    "probably missing")
NO_ROWS = declare("exchange.no_rows", "the file has a header but no rows to import")
NO_ROWS_FILTERED = declare(
    "exchange.no_rows_filtered",
    "the file has a header but no rows to import matching the row filter")
CELL_TOO_BIG = declare("exchange.cell_too_big", "this cell is over 1 MB; no field holds that much")
NOT_A_YEAR = declare(
    "exchange.not_a_year",
    "not a year; ignored (the years come from the dating text)")
UNKNOWN_THEME = declare("exchange.unknown_theme", "unknown theme; kept as text with the record")
NOT_BOOLEAN = declare(
    "exchange.not_boolean",
    "not {true} or {false}; the record is left not public")
DATE_NOT_UNDERSTOOD = declare("exchange.date_not_understood", "date not understood; kept as text")
NOT_WHOLE_NUMBER = declare("exchange.not_whole_number", "not a whole number; kept as text")
DATING_NOT_UNDERSTOOD = declare(
    "exchange.dating_not_understood",
    "dating not understood (no years derived); kept as text")
MEASUREMENTS_NOT_UNDERSTOOD = declare(
    "exchange.measurements_not_understood",
    "measurements not understood; kept as text")
NOT_IN_VOCABULARY = declare(
    "exchange.not_in_vocabulary",
    "not in the {vocabulary} vocabulary; kept as text")
NUMBER_EMPTY = declare("exchange.number_empty", "the inventory number is empty")
NUMBER_REPEATED = declare("exchange.number_repeated", "inventory number already on row {row}")
NUMBER_EXISTS = declare(
    "exchange.number_exists",
    "this inventory number is already in the catalogue (import with update to update its "
    "record)")
NUMBER_IN_TRASH = declare(
    "exchange.number_in_trash",
    "this inventory number belongs to a record in the trash; restore it first")
NUMBER_PATTERN = declare(
    "exchange.number_pattern",
    "does not follow the museum's numbering pattern (year.lot.item); kept as given")
NOT_A_CHOICE = declare(
    "exchange.not_a_choice",
    "not one of the values of {field} ({values}); nothing imported")
NOT_RECTIFICATIONS = declare(
    "exchange.not_rectifications",
    "not a list of rectifications as the app writes them (a JSON array of {{date, field, old,"
    " new, reason, user}}); nothing imported")
NOT_MOVEMENTS = declare(
    "exchange.not_movements",
    "not a list of movements as the app writes them (a JSON array of {{id, date, from,"
    " from_id, to, to_id, reason, user, note}}); nothing imported")
# What a column of dated entries should hold, said when it holds something else.
_NOT_ENTRIES = {"rectifications": NOT_RECTIFICATIONS, "movements": NOT_MOVEMENTS}
NOT_ENTRIES = declare(
    "exchange.not_entries",
    "not a list of entries as the app writes them (a JSON array): {problem}; nothing imported")
NOT_JSON = declare("exchange.not_json", "the text is not JSON")
POSSIBLE_DEPOSITS = declare(
    "exchange.possible_deposits",
    "{n} inventory number(s) start with D and may be deposits; they are imported in the"
    " inventory, as the number's prefix decides nothing (map a legal_status column, or set"
    " their legal status afterwards): {numbers}")
# The first numbers of a list too long to show whole, and how many more.
FIRST_NUMBERS = declare("exchange.numbers_first", "{numbers}, … (+{more})")
NUMBER_EMPTY_ELEMENT = declare(
    "exchange.number_empty_element",
    "has an empty element between ';'; kept as given")
FORMER_NUMBER_UNCLEAR = declare(
    "exchange.former_number_unclear",
    "taken as a former number of {number}, though nothing says so (no note in brackets, or "
    "the set's own number); check it")
YEARS_NOT_UNDERSTOOD = declare(
    "exchange.years_not_understood",
    "no year or range of years understood; ignored (the years come from the dating text)")


class ImportCancelled(CatalogueError):
    def __init__(self) -> None:
        super().__init__(IMPORT_CANCELLED)


@dataclass(frozen=True)
class Problem:
    severity: str
    message: Message
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = ", ".join(part for part in (
            str(AT_ROW(row=self.row)) if self.row is not None else "",
            str(AT_COLUMN(column=self.column)) if self.column is not None else "") if part)
        text = str(PROBLEM_AT(where=where, message=self.message)) if where else str(self.message)
        return f"{text} ({_shown(self.value)})" if self.value is not None else text


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    unmapped_columns: list[str] = field(default_factory=list)
    rows: int = 0            # data rows considered (after the row filter)
    filtered_out: int = 0    # rows left aside by the row filter
    to_create: int = 0
    to_update: int = 0
    imported: bool = False
    error_count: int = 0

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)
        self.error_count += problem.severity == ERROR

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def blocked(self) -> bool:
        return self.error_count > 0

    def summary(self) -> str:
        parts = [str(SUMMARY_ROWS(n=self.rows))]
        if self.filtered_out:
            parts.append(str(SUMMARY_FILTERED(n=self.filtered_out)))
        parts.append(str(SUMMARY_PROBLEMS(errors=len(self.errors),
                                          warnings=len(self.warnings))))
        counts = str(LIST_SEPARATOR()).join(parts)
        if self.blocked:
            return str(SUMMARY_BLOCKED(counts=counts))
        updates = str(SUMMARY_UPDATES(n=self.to_update)) if self.to_update else ""
        outcome = SUMMARY_IMPORTED if self.imported else SUMMARY_WOULD_IMPORT
        return str(outcome(counts=counts, created=self.to_create, updates=updates))


@dataclass(frozen=True)
class ImportOptions:
    update: bool = False
    # Keep only the rows whose cell in each given column equals the value (one museum's rows
    # of a file that holds several), compared without case, accents or surrounding spaces.
    where: tuple[tuple[str, str], ...] = ()
    user: str = "import"
    # The file is an existing inventory: every record it brings is inscribed in the register.
    inscribed: bool = False


Progress = Callable[[int, str], None]
# Reads one cell into the record: (record, unmatched themes, target, text, row, column).
Reader = Callable[[dict[str, Any], list[str], ColumnTarget, str, int, str], None]


def check_import(catalogue: Catalogue, source: TableSource, mapping: ColumnMapping,
                 options: ImportOptions = ImportOptions(), *,
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] = lambda: False) -> ImportReport:
    """The dry run: every problem the import would meet; nothing is written."""
    with catalogue.reading() as session:
        importer = _Importer(session, source, mapping, options)
        for _ in importer.checked_rows(progress, cancelled):
            pass
        return importer.report


def run_import(catalogue: Catalogue, source: TableSource, mapping: ColumnMapping,
               options: ImportOptions = ImportOptions(), *,
               progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ImportReport:
    """Check and import in one transaction: all rows, or none when any error is found."""
    report = ImportReport()
    try:
        with catalogue.writing() as session, _page_cache_for(session, source), \
                bulk_indexing(session):
            importer = _Importer(session, source, mapping, options)
            report = importer.report
            batch: list[dict[str, Any]] = []
            for record, existing_id in importer.checked_rows(progress, cancelled):
                if report.blocked:
                    continue  # keep checking, to report every problem; write nothing more
                if existing_id is None:
                    batch.append(record)
                    if len(batch) >= BATCH_SIZE:
                        insert_records(session, batch, options.user)
                        batch = []
                else:
                    update_record(session, existing_id, record, options.user)
            if report.blocked:
                raise _Blocked
            if batch:
                insert_records(session, batch, options.user)
    except _Blocked:
        return report
    except RecordError as exc:  # checked above already; a last safety net, still atomic
        report.add(Problem(ERROR, exc.message))
        return report
    report.imported = True
    return report


@contextmanager
def _page_cache_for(session: Session, source: TableSource) -> Iterator[None]:
    """A page cache that holds the indexes an import rewrites, for the length of its work.

    With SQLite's default (2 MB), pages of the indexes keyed by record id (random UUIDs) are
    spilled to the WAL mid-transaction and read back again and again, which made a
    70,000-row import a quarter slower. Those indexes grow with the number of rows, so the
    cache is sized on the file: twice its size, within bounds."""
    size_kib = 2 * source.path.stat().st_size // 1024
    cache_kib = min(max(size_kib, MIN_PAGE_CACHE_KIB), MAX_PAGE_CACHE_KIB)
    connection = session.connection().connection.dbapi_connection
    previous = connection.execute("PRAGMA cache_size").fetchone()[0]
    connection.execute(f"PRAGMA cache_size = -{cache_kib}")
    try:
        yield
    finally:  # the connection goes back to the pool: as it was
        connection.execute(f"PRAGMA cache_size = {previous}")


class _Blocked(Exception):
    """Leaves the write transaction, rolling it back, when the check found an error."""


class _Importer:
    def __init__(self, session: Session, source: TableSource, mapping: ColumnMapping,
                 options: ImportOptions) -> None:
        self.source, self.options = source, options
        self.report = ImportReport()
        headers = source.headers
        self.columns = [(headers.index(h), h, t) for h, t in mapping.columns.items()
                        if h in headers]
        self.report.unmapped_columns = [h for h in headers if h not in mapping.columns]
        self.where = self._row_filter(headers)
        self._check_mapping(mapping, headers)
        self.themes = ThemePaths.from_session(session)
        self.vocabularies = _vocabularies(session)
        self.existing = {key: (record_id, trashed) for key, record_id, trashed in session.execute(
            select(Record.inventory_key, Record.id, Record.trashed_at.is_not(None)))}
        self.seen: dict[str, int] = {}
        # parse(text), remembered: a file repeats its datings, dates, themes and terms.
        # Bounded, so that the results for a column whose texts hardly repeat (measurements)
        # do not all stay in memory.
        self.parsed: Callable[[Callable[[str], Any], str], Any] = \
            lru_cache(maxsize=PARSED_CACHE_SIZE)(_parse)
        self.number_column = next(
            (h for _i, h, t in self.columns if t.field == "inventory_number"), "")
        # Years given in a column of their own are read last: they win over the dating's.
        self.readers = sorted(((index, header, target, self._reader(target))
                               for index, header, target in self.columns),
                              key=lambda reader: reader[2].field == YEARS)
        self.themes_mapped = any(t.field == "themes" for _i, _h, t in self.columns)
        self.former_numbers = any(t.former_numbers for _i, _h, t in self.columns)
        self.session = session
        self.inscribed = options.inscribed or mapping.inscribed
        # Without a mapped legal status, numbers with a D prefix are listed once, as possible
        # deposits: the prefix never decides (design.md §3).
        self.status_mapped = any(t.field == "legal_status" for _i, _h, t in self.columns)
        self.possible_deposits: list[str] = []
        # (The number finds the record updated: its written form changing is left to the
        # store's own check, still all or nothing.)
        self.rule_fields_mapped = self.inscribed or any(
            t.field in RULE_KEYS and t.field != "inventory_number" for _i, _h, t in self.columns)

    def problem(self, severity: str, message: Message, row: int | None = None,
                column: str | None = None, value: str | None = None) -> None:
        self.report.add(Problem(severity, message, row, column, value))

    def _check_mapping(self, mapping: ColumnMapping, headers: list[str]) -> None:
        fields: dict[str, str] = {}
        for _index, header, target in self.columns:
            earlier = fields.setdefault(target.field, header)
            if earlier != header and target.join is None \
                    and not FIELDS_BY_NAME.get(target.field, _SINGLE).multi_valued:
                self.problem(ERROR, BOTH_MAPPED(earlier=earlier, header=header,
                                                field=target.field))
        if "inventory_number" not in fields:
            self.problem(ERROR, NO_NUMBER_COLUMN(columns=list(headers)))
        missing = [h for h in mapping.columns if h not in headers]
        if missing:
            self.problem(WARNING, MAPPING_MISSING_COLUMNS(columns=missing))

    def _row_filter(self, headers: list[str]) -> list[tuple[int, str]]:
        where = []
        for column, value in self.options.where:
            if column not in headers:
                self.problem(ERROR, FILTER_MISSING_COLUMN(column=column))
            else:
                where.append((headers.index(column), fold(value.strip())))
        return where

    def checked_rows(self, progress: Progress | None,
                     cancelled: Callable[[], bool]) -> Iterator[tuple[dict[str, Any], str | None]]:
        """(record, id of the record it updates or None) for each row, reporting problems."""
        width = len(self.source.headers)
        try:
            for number, cells in self.source.rows():
                if number % 500 == 0:
                    if cancelled():
                        raise ImportCancelled()
                    if progress:
                        progress(number, str(PROGRESS_ROW(row=number)))
                if len(cells) > width and not any(c.strip() for c in cells[width:]):
                    cells = cells[:width]
                if any(fold(cells[i].strip()) != v for i, v in self.where if i < len(cells)):
                    self.report.filtered_out += 1
                    continue
                self.report.rows += 1
                if len(cells) != width:
                    self.problem(ERROR, RAGGED_ROW(cells=len(cells), width=width), number)
                    continue
                converted = self.convert(number, cells)
                if converted is not None:
                    yield converted
        except SourceError as exc:
            self.problem(ERROR, exc.message)
        if self.report.rows == 0 and not self.report.blocked:
            self.problem(ERROR, (NO_ROWS_FILTERED if self.report.filtered_out else NO_ROWS)())
        if self.possible_deposits:
            shown = self.possible_deposits[:_DEPOSITS_SHOWN]
            more = len(self.possible_deposits) - len(shown)
            numbers = FIRST_NUMBERS(numbers=shown, more=more) if more else shown
            self.problem(WARNING, POSSIBLE_DEPOSITS(n=len(self.possible_deposits),
                                                    numbers=numbers),
                         column=self.number_column)

    def convert(self, row: int, cells: list[str]) -> tuple[dict[str, Any], str | None] | None:
        record: dict[str, Any] = {}
        unmatched: list[str] = []
        too_big = False
        for index, header, target, read in self.readers:
            text = cells[index]
            if len(text) > MAX_CELL_BYTES // 4 and len(text.encode("utf-8")) > MAX_CELL_BYTES:
                self.problem(ERROR, CELL_TOO_BIG(), row, header, text)
                too_big = True
            elif target.join is not None and str(record.get(target.field) or "").strip():
                self.join_cell(record, target, text)
            elif read is None:
                record[target.field] = text
            else:
                read(record, unmatched, target, text, row, header)
        if too_big or "inventory_number" not in record:
            return None
        if self.former_numbers:
            self.split_number(record, row)
        existing_id = self.check_number(record["inventory_number"], row)
        if existing_id is False:
            return None
        if self.themes_mapped and (unmatched or existing_id):
            record[UNMATCHED_THEMES] = unmatched  # on update, replaces the old unmatched ones
        if self.inscribed:
            record["inscribed"] = True
        if not self.status_mapped and is_deposit(record["inventory_number"]):
            self.possible_deposits.append(record["inventory_number"])
        if not self.register_allows(record, existing_id or None, row):
            return None
        return record, existing_id or None

    def register_allows(self, record: dict[str, Any], existing_id: str | None,
                        row: int) -> bool:
        """The register's rules, row by row (an update of an inscribed record cannot change
        its locked columns, a radiation needs its case, date and decision): the error says
        which row, and nothing is imported."""
        if existing_id and not self.rule_fields_mapped:
            return True  # an update of other fields: nothing the register's rules look at
        old = load_record(self.session, existing_id) if existing_id else None
        new = {**(old or {}), **record}
        new["inscribed"] = new.get("inscribed") is True or bool(
            str(new.get("register_date") or "").strip())
        try:
            check_change(old, new)
        except RecordError as refused:
            self.problem(ERROR, refused.message, row)
            return False
        return True

    def _reader(self, target: ColumnTarget) -> Reader | None:
        """How a column's cells are read; None for text kept as it is, with nothing to check
        (chosen once per column: a 70,000-row file has two million cells)."""
        if target.field in ("date_earliest", "date_latest"):
            return self.read_year
        if target.field == YEARS:
            return self.read_years
        field_type = FIELDS_BY_NAME[target.field].type
        if field_type in ("date", "integer") \
                or target.field in ("dating", "measurements", "designation"):
            return self.read_checked_text
        return {"list": self.read_list, "authors": self.read_authors,
                "themes": self.read_themes, "boolean": self.read_boolean,
                "choice": self.read_choice,
                **dict.fromkeys(ENTRY_TYPES, self.read_entries)}.get(field_type)

    def warn(self, message: Message, row: int, column: str, value: str) -> None:
        self.problem(WARNING, message, row, column, value)

    def read_year(self, record: dict[str, Any], _unmatched: list[str], target: ColumnTarget,
                  text: str, row: int, column: str) -> None:
        year = _year(text)
        if year is None and text.strip():
            self.warn(NOT_A_YEAR(), row, column, text)
        record[target.field] = year

    def read_years(self, record: dict[str, Any], _unmatched: list[str], _target: ColumnTarget,
                   text: str, row: int, column: str) -> None:
        if not text.strip():
            return
        years = self.parsed(parse_years, text)
        if years is None:
            self.warn(YEARS_NOT_UNDERSTOOD(), row, column, text)
            return
        record["date_earliest"], record["date_latest"] = years

    def join_cell(self, record: dict[str, Any], target: ColumnTarget, text: str) -> None:
        """A further column of a one-value field (mapping option join): its text follows the
        field's; a dating's years are read again from the whole text when they can be."""
        if not text.strip():
            return
        record[target.field] = f"{record[target.field]}{target.join}{text}"
        if target.field == "dating":
            years = self.parsed(parse_dating, record["dating"])
            if years is not None:
                record["date_earliest"], record["date_latest"] = years

    def split_number(self, record: dict[str, Any], row: int) -> None:
        """A number followed by former numbers (mapping option former_numbers)."""
        split = split_former_numbers(record["inventory_number"])
        record["inventory_number"] = split.number
        if split.former_numbers:
            record["former_numbers"] = [*record.get("former_numbers", ()),
                                        *split.former_numbers]
        for part in split.unclear:
            self.warn(FORMER_NUMBER_UNCLEAR(number=split.number), row, self.number_column, part)

    def read_list(self, record: dict[str, Any], _unmatched: list[str], target: ColumnTarget,
                  text: str, row: int, column: str) -> None:
        values = split_values(text, target.split)
        record.setdefault(target.field, []).extend(values)
        self.check_terms(target.field, values, row, column)

    def read_authors(self, record: dict[str, Any], _unmatched: list[str], target: ColumnTarget,
                     text: str, _row: int, _column: str) -> None:
        record.setdefault(target.field, []).extend(
            parse_author(v) for v in split_values(text, target.split))

    def read_themes(self, record: dict[str, Any], unmatched: list[str], target: ColumnTarget,
                    text: str, row: int, column: str) -> None:
        ids = record.setdefault(target.field, [])
        for value in split_values(text, target.split):
            theme_id = self.parsed(self.themes.find, value)
            if theme_id is None:
                self.warn(UNKNOWN_THEME(), row, column, value)
                unmatched.append(value)
            else:
                ids.append(theme_id)

    def read_boolean(self, record: dict[str, Any], _unmatched: list[str], target: ColumnTarget,
                     text: str, row: int, column: str) -> None:
        key = fold(text.strip())
        if key not in _TRUE | _FALSE:
            self.warn(NOT_BOOLEAN(true=TRUE_TEXT, false=FALSE_TEXT), row, column, text)
        record[target.field] = key in _TRUE

    def read_choice(self, record: dict[str, Any], _unmatched: list[str], target: ColumnTarget,
                    text: str, row: int, column: str) -> None:
        """A code, or its French or English label (whatever the case and accents); an empty
        cell says nothing (a new record takes the field's default)."""
        if not text.strip():
            return
        code = _CHOICES[target.field].get(fold(text.strip()))
        if code is None:
            self.problem(ERROR, NOT_A_CHOICE(field=target.field, values=[
                c.code for c in FIELDS_BY_NAME[target.field].values if c.code]),
                row, column, text)
        else:
            record[target.field] = code

    def read_entries(self, record: dict[str, Any], _unmatched: list[str],
                     target: ColumnTarget, text: str, row: int, column: str) -> None:
        """A list of dated entries, as the app's CSV writes it (a JSON array)."""
        try:
            read = RecordFields.from_fields({target.field: json.loads(text or "[]")})
        except (ValueError, RecordError) as exc:
            problem = exc.message if isinstance(exc, RecordError) else NOT_JSON()
            said = _NOT_ENTRIES.get(target.field)
            self.problem(ERROR, said() if said else NOT_ENTRIES(problem=problem), row, column,
                         text)
        else:
            record[target.field] = read.to_fields()[target.field]

    def read_checked_text(self, record: dict[str, Any], _unmatched: list[str],
                          target: ColumnTarget, text: str, row: int, column: str) -> None:
        name = target.field
        record[name] = text
        if text.strip():
            self.check_text(record, name, text, row, column)
        elif name == "dating":  # no dating, no years (unless a column of years says otherwise)
            record.setdefault("date_earliest", None)
            record.setdefault("date_latest", None)
        elif name == "measurements":
            record["measurement_rows"] = []

    def check_text(self, record: dict[str, Any], name: str, text: str, row: int,
                   column: str) -> None:
        field_type = FIELDS_BY_NAME[name].type
        if field_type == "date" and self.parsed(parse_partial_date, text) is None:
            self.warn(DATE_NOT_UNDERSTOOD(), row, column, text)
        elif field_type == "integer" and not text.strip().isdigit():
            self.warn(NOT_WHOLE_NUMBER(), row, column, text)
        elif name == "dating":
            years = self.parsed(parse_dating, text)
            if years is None:
                self.warn(DATING_NOT_UNDERSTOOD(), row, column, text)
            record.setdefault("date_earliest", years[0] if years else None)
            record.setdefault("date_latest", years[1] if years else None)
        elif name == "measurements":
            rows = self.parsed(parse_measurements, text)
            if rows is None:
                self.warn(MEASUREMENTS_NOT_UNDERSTOOD(), row, column, text)
            record["measurement_rows"] = [
                {"kind": r.kind, "value": r.value, "unit": r.unit, "note": r.note}
                for r in rows or ()]
        elif name == "designation":
            self.check_terms(name, [text], row, column)

    def check_terms(self, name: str, values: list[str], row: int, column: str) -> None:
        known = self.vocabularies.get(VOCABULARY_OF.get(name, ""))
        if known:
            for value in values:
                if self.parsed(_folded, value) not in known:
                    self.warn(NOT_IN_VOCABULARY(vocabulary=VOCABULARY_OF[name]), row, column,
                              value)

    def check_number(self, number: str, row: int) -> str | None | bool:
        """The id of the record to update, None for a new one, False when refused."""
        column = self.number_column
        if not number.strip():
            self.problem(ERROR, NUMBER_EMPTY(), row, column, number)
            return False
        key = normalise_inventory_number(number)
        if key in self.seen:
            self.problem(ERROR, NUMBER_REPEATED(row=self.seen[key]), row, column, number)
            return False
        self.seen[key] = row
        for problem in check_inventory_number(number).warnings:
            self.problem(WARNING, _NUMBER_WARNINGS[problem.code](), row, column, number)
        if key not in self.existing:
            self.report.to_create += 1
            return None
        record_id, trashed = self.existing[key]
        if not self.options.update:
            self.problem(ERROR, NUMBER_EXISTS(), row, column, number)
            return False
        if trashed:
            self.problem(ERROR, NUMBER_IN_TRASH(), row, column, number)
            return False
        self.report.to_update += 1
        return record_id


_SINGLE = FIELDS_BY_NAME["title"]
_DEPOSITS_SHOWN = 50
# Each choice field's codes by their folded code and labels ("Dépôt", "deposit", "DEPOT").
_CHOICES = {f.name: {fold(text): choice.code for choice in f.values
                     for text in (choice.code, choice.label_fr, choice.label_en)}
            for f in FIELDS_BY_NAME.values() if f.type == "choice"}
_NUMBER_WARNINGS = {"pattern": NUMBER_PATTERN, "empty_element": NUMBER_EMPTY_ELEMENT}


def _vocabularies(session: Session) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for vocabulary, label in session.execute(
            select(Term.vocabulary, Term.label).where(
                Term.vocabulary.in_(set(VOCABULARY_OF.values())))):
        found.setdefault(vocabulary, set()).add(fold(label.strip()))
    return {name: frozenset(labels) for name, labels in found.items()}


def _parse(parse: Callable[[str], Any], text: str) -> Any:
    return parse(text)


def _folded(text: str) -> str:
    return fold(text.strip())


def _year(text: str) -> int | None:
    text = text.strip()
    digits = text[1:] if text.startswith("-") else text
    return int(text) if digits.isdigit() and 0 < len(digits) <= 4 else None


def _shown(value: str, limit: int = 80) -> str:
    """A cell as quoted in a message: on one line, and not a megabyte long."""
    flat = " ".join(value.split()) if "\n" in value or "\r" in value else value
    return flat if len(flat) <= limit else flat[:limit] + "…"
