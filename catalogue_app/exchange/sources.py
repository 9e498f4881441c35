"""Spreadsheets as museums send them: CSV in whatever encoding and delimiter, or .xlsx.

open_table() looks at the file once to decide how to read it (UTF-8, UTF-8 with BOM or
Windows-1252; comma, semicolon, tab or bar) and refuses, with a message saying what is wrong,
what cannot be a table: an empty file, a binary file, a file mixing encodings. Rows are then
streamed, so a 70,000-row file is never held whole in memory. Row numbers count the header as
row 1, as a spreadsheet shows them."""

from __future__ import annotations

import codecs
import csv
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import declare

CANNOT_READ = declare("exchange.cannot_read", "Cannot read {path}: {reason}.")
FILE_EMPTY = declare("exchange.file_empty", "{name} is empty: there is nothing to import.")
OLD_EXCEL = declare(
    "exchange.old_excel",
    "{name} is an old Excel .xls workbook; save it from Excel as .xlsx or as CSV and import "
    "that file.")
UNKNOWN_ENCODING = declare("exchange.unknown_encoding", "Unknown encoding {encoding!r}.")
ONLY_BLANK_LINES = declare(
    "exchange.only_blank_lines",
    "{name} holds only blank lines: there is nothing to import.")
BINARY_FILE = declare(
    "exchange.binary_file",
    "{name} is not a text file (it contains binary data near line {line}); choose a CSV or "
    ".xlsx file.")
MIXED_ENCODINGS = declare(
    "exchange.mixed_encodings",
    "{name} mixes text encodings: line {utf8_line} is UTF-8 but line {bad_line} is not. Open "
    "it in a spreadsheet and save it again as \"CSV UTF-8\", then import that file.")
UNKNOWN_TEXT = declare(
    "exchange.unknown_text",
    "{name}: line {line} is neither UTF-8 nor Windows-1252 text (byte {byte}); save the file "
    "as \"CSV UTF-8\".")
NOT_CSV = declare("exchange.not_csv", "row {row}: the file cannot be read as CSV ({reason}).")
NOT_ENCODING = declare(
    "exchange.not_in_encoding",
    "row {row}: the text is not {encoding} (byte {byte}).")
NOT_XLSX = declare("exchange.not_xlsx", "{name} is not a readable .xlsx workbook ({reason}).")
EMPTY_SHEET = declare(
    "exchange.empty_sheet",
    "{name}: the first sheet is empty: there is nothing to import.")

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
DELIMITERS = (",", ";", "\t", "|")
_CHUNK = 1 << 20
# csv refuses larger cells outright; the import reports cells over 1 MB row by row below that.
_CSV_FIELD_LIMIT = 16 << 20
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                             rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class SourceError(CatalogueError):
    """The file cannot be read as a table at all; nothing was imported."""


@dataclass(frozen=True)
class TableSource:
    path: Path
    kind: str  # "csv" | "xlsx"
    headers: list[str]
    encoding: str | None = None
    delimiter: str | None = None

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(row number, cells) for each data row; blank rows are skipped."""
        if self.kind == "xlsx":
            yield from _xlsx_rows(self.path, self.headers)
        else:
            yield from _csv_rows(self.path, self.encoding or "utf-8", self.delimiter or ",")

    def describe(self) -> str:
        if self.kind == "xlsx":
            return "Excel workbook (first sheet)"
        names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
        return f"CSV, {self.encoding}, {names.get(self.delimiter or ',', self.delimiter)}"


def open_table(path: Path, encoding: str | None = None,
               delimiter: str | None = None) -> TableSource:
    """Look at the file and say how to read it; raise SourceError when it is not a table."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_CHUNK)
    except OSError as exc:
        raise SourceError(CANNOT_READ, path=path, reason=exc.strerror or exc) from exc
    if not head:
        raise SourceError(FILE_EMPTY, name=path.name)
    if head.startswith(_ZIP_MAGIC) or path.suffix.lower() == ".xlsx":
        return TableSource(path, "xlsx", _xlsx_headers(path))
    if head.startswith(_OLE_MAGIC):
        raise SourceError(OLD_EXCEL, name=path.name)
    encoding = encoding or detect_encoding(path)
    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise SourceError(UNKNOWN_ENCODING, encoding=encoding) from exc
    first_line = head.decode(encoding, errors="replace").lstrip("\ufeff").split("\n", 1)[0]
    delimiter = delimiter or detect_delimiter(first_line)
    headers = next((cells for _number, cells in _csv_rows(path, encoding, delimiter, header=True)),
                   None)
    if headers is None:
        raise SourceError(ONLY_BLANK_LINES, name=path.name)
    return TableSource(path, "csv", _unique_headers(headers), encoding, delimiter)


def detect_encoding(path: Path) -> str:
    """utf-8-sig, utf-8, utf-16 (Excel's "Unicode text", with its byte order mark) or cp1252;
    SourceError for binary files and mixed encodings."""
    with path.open("rb") as stream:
        if stream.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, line, seen_bom = 0, 1, False
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            if offset == 0:
                seen_bom = chunk.startswith(codecs.BOM_UTF8)
            if b"\x00" in chunk:
                near = line + chunk[:chunk.index(b"\x00")].count(b"\n")
                raise SourceError(BINARY_FILE, name=path.name, line=near)
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_line = line + chunk[:exc.start].count(b"\n")
                return _not_utf8(path, bad_line)
            offset += len(chunk)
            line += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return _not_utf8(path, line)
    return "utf-8-sig" if seen_bom else "utf-8"


def _not_utf8(path: Path, bad_line: int) -> str:
    """A file that is not UTF-8: Windows-1252, unless parts of it are UTF-8 (mixed)."""
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if _UTF8_MULTIBYTE.search(raw) and _is_utf8(raw):
                raise SourceError(MIXED_ENCODINGS, name=path.name, utf8_line=number,
                                  bad_line=bad_line)
            try:
                raw.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise SourceError(UNKNOWN_TEXT, name=path.name, line=number,
                                  byte=f"{raw[exc.start]:#04x}") from exc
    return "cp1252"


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect_delimiter(header_line: str) -> str:
    """The candidate that splits the header into the most columns (outside quotes)."""
    unquoted = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(path: Path, encoding: str, delimiter: str,
              header: bool = False) -> Iterator[tuple[int, list[str]]]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=False)
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):
                if number == 1:
                    if cells and cells[0].startswith("\ufeff"):
                        cells[0] = cells[0][1:]
                    if header:
                        yield number, cells
                        return
                    continue
                if any(cell.strip() for cell in cells):
                    yield number, cells
        except csv.Error as exc:
            raise SourceError(NOT_CSV, row=number + 1, reason=exc) from exc
        except UnicodeDecodeError as exc:
            raise SourceError(NOT_ENCODING, row=number + 1, encoding=encoding,
                              byte=f"{exc.object[exc.start]:#04x}") from exc


def _unique_headers(headers: list[str]) -> list[str]:
    """Blank headers become "(column N)"; a repeated header gets " (2)", " (3)"..."""
    seen: dict[str, int] = {}
    unique = []
    for position, header in enumerate(headers, start=1):
        name = header.strip() or f"(column {position})"
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


# --- .xlsx -----------------------------------------------------------------------------------

def _open_workbook(path: Path):
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and key errors for damaged files
        raise SourceError(NOT_XLSX, name=path.name, reason=exc) from exc


def _xlsx_headers(path: Path) -> list[str]:
    workbook = _open_workbook(path)
    try:
        for cells in workbook.active.iter_rows(max_row=1, values_only=True):
            headers = [_xlsx_text(value) for value in cells]
            while headers and not headers[-1].strip():
                headers.pop()
            if headers:
                return _unique_headers(headers)
    finally:
        workbook.close()
    raise SourceError(EMPTY_SHEET, name=path.name)


def _xlsx_rows(path: Path, headers: list[str]) -> Iterator[tuple[int, list[str]]]:
    workbook = _open_workbook(path)
    try:
        rows = workbook.active.iter_rows(min_row=2, values_only=True)
        for number, values in enumerate(rows, start=2):
            cells = [_xlsx_text(value) for value in values]
            while len(cells) > len(headers) and not cells[-1].strip():
                cells.pop()
            cells += [""] * (len(headers) - len(cells))
            if any(cell.strip() for cell in cells):
                yield number, cells
    finally:
        workbook.close()


def _xlsx_text(value: object) -> str:
    """A cell as text: numbers as a person writes them, dates in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)
