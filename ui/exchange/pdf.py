"""Printable documents, written with Qt's own PDF writer: the object sheet (every field and the
primary image) and the regulatory inventory register (arrêté of 25 May 2004: 18 columns).

The register is drawn row by row with a painter rather than laid out as one rich-text table, so
that 70,000 records paginate in bounded memory: a first pass measures each row, a second draws
them, repeating the column headings on every page and numbering the pages "n / total".
Both work headless (QT_QPA_PLATFORM=offscreen) from the command line."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLineF, QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from catalogue_app.records.fields import FIELDS
from catalogue_app.records.multivalue import format_author

RESOLUTION = 300
_MM = RESOLUTION / 25.4


def field_text(record: Mapping[str, Any], name: str) -> str:
    """A field as printed: lists joined with "; ", authors with their role, yes/no."""
    value = record.get(name)
    if name == "authors":
        return "; ".join(format_author(a) for a in value or [])
    if name == "themes":
        return "; ".join(list(value or []) + list(record.get("unmatched_themes") or []))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("pdf", "yes")
            if value
            else QCoreApplication.translate("pdf", "no")
        )
    return "" if value is None else str(value)


def _writer(out: Path, orientation: QPageLayout.Orientation, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(out))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("catalogue-app")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


# --- object sheet ----------------------------------------------------------------------------


def write_object_sheets(
    records: Iterable[Mapping[str, Any]],
    out: Path,
    image_for: Callable[[Mapping[str, Any]], Path | None],
    label: Callable[[Any], str],
) -> int:
    """One sheet per record (a new page each) in one PDF; return how many.

    image_for gives the picture file of the record's primary image (a preview), or None;
    label gives a field's label in the interface language."""
    document = QTextDocument()
    parts, count = [], 0
    for count, record in enumerate(records, start=1):
        picture = image_for(record)
        if picture is not None:
            document.addResource(
                QTextDocument.ResourceType.ImageResource,
                QUrl(f"image:{count}"),
                QImage(str(picture)),
            )
        parts.append(
            _sheet_html(record, f"image:{count}" if picture else None, label, first=count == 1)
        )
    document.setHtml("<html><body style='font-size: 9pt'>" + "".join(parts) + "</body></html>")
    # No page size of our own: print_() lays the document out at the writer's resolution.
    document.print_(
        _writer(
            out,
            QPageLayout.Orientation.Portrait,
            QCoreApplication.translate("pdf", "Object sheets"),
        )
    )
    return count


def _sheet_html(
    record: Mapping[str, Any], image: str | None, label: Callable[[Any], str], first: bool
) -> str:
    def cell(text: str) -> str:
        return html.escape(text).replace("\n", "<br/>")

    heading = " — ".join(
        t
        for t in (record.get("inventory_number"), record.get("title") or record.get("designation"))
        if t
    )
    parts = [
        "" if first else "<div style='page-break-before: always'></div>",
        f"<h2>{cell(heading)}</h2>",
        f"<p style='color: #555'>{cell((record.get('museum') or {}).get('name', ''))}</p>",
    ]
    if record.get("status") == "deaccessioned":
        parts.append(
            "<p style='color: #a00; font-weight: bold'>"
            + cell(
                QCoreApplication.translate("pdf", "Deaccessioned on {date}: {reason}").format(
                    date=record.get("deaccession_date", ""),
                    reason=record.get("deaccession_reason", ""),
                )
            )
            + "</p>"
        )
    if image:
        parts.append(f"<p align='center'><img src='{image}' height='260'/></p>")
    rows = [(label(f), field_text(record, f.name)) for f in FIELDS]
    images = record.get("images") or []
    if images:
        rows.append(
            (
                QCoreApplication.translate("pdf", "Images"),
                "\n".join(f"{i.get('file_name', '')} ({i.get('view_type', '')})" for i in images),
            )
        )
    parts.append("<table width='100%' cellspacing='0' cellpadding='3' border='0'>")
    for number, (name, text) in enumerate(rows):
        shade = " bgcolor='#f2f2f2'" if number % 2 else ""
        parts.append(
            f"<tr{shade}><td width='30%' style='color: #444'>{cell(name)}</td>"
            f"<td>{cell(text)}</td></tr>"
        )
    parts.append("</table>")
    return "".join(parts)


# --- inventory register ------------------------------------------------------------------------

REGISTER_FIELDS = sorted(
    (f for f in FIELDS if f.regulatory_column), key=lambda f: f.regulatory_column
)
# Relative widths of the 18 columns: wide for designation, inscriptions and observations.
_WEIGHTS = (8, 5, 7, 7, 6, 5, 7, 8, 7, 5, 6, 6, 5, 7, 6, 5, 5, 8)
_FONT_PT = 6.0
_PADDING = 0.8 * _MM
_GRID, _HEADING_FILL, _STRUCK, _STRUCK_LINE = "#999999", "#e6e6e6", "#fbe3e3", "#a00000"


@dataclass
class _Register:
    """Page geometry and drawing tools of one register document.

    Drawing calls are batched per page (one drawLines for the grid, fonts set once per page):
    besides being faster, PySide6 6.12 on Python 3.11 loses a reference to None on every call
    of a method returning nothing, so their number must not grow with every cell."""

    painter: QPainter
    page: QRectF
    widths: list[float]
    font: QFont
    bold: QFont
    wrap: QTextOption
    title_height: float
    heading_height: float
    footer_height: float

    @property
    def body_top(self) -> float:
        return self.page.top() + self.title_height + self.heading_height

    @property
    def body_bottom(self) -> float:
        return self.page.bottom() - self.footer_height

    def text_height(self, text: str, width: float) -> float:
        box = self.painter.boundingRect(QRectF(0, 0, width - 2 * _PADDING, 1e6), text, self.wrap)
        return box.height() + 2 * _PADDING

    def fitted(self, text: str, width: float, height: float) -> str:
        """The text, shortened with "…" when it is taller than its cell (a very long note)."""
        if self.text_height(text, width) <= height:
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self.text_height(text[:middle] + "…", width) <= height:
                low = middle
            else:
                high = middle - 1
        return text[:low] + "…"


@dataclass
class _Page:
    """What is left to draw on the current page once its rows are written, in two calls."""

    y: float  # bottom of the last row drawn
    grid: list[QLineF] = field(default_factory=list)
    struck: list[QLineF] = field(default_factory=list)


def write_inventory_register(
    records: Callable[[], Iterator[Mapping[str, Any]]], out: Path, title: str
) -> int:
    """The register as a landscape PDF; records() yields the entries in inventory order (it is
    called twice: once to measure, once to draw). Return how many entries were written."""
    writer = _writer(out, QPageLayout.Orientation.Landscape, title)
    painter = QPainter(writer)
    try:
        register = _new_register(painter, writer)
        painter.setFont(register.font)
        heights = [_row_height(register, _register_cells(r)) for r in records()]
        pages = _paginate(heights, register)
        first_rows = {rows[0]: number for number, rows in enumerate(pages, start=1)}
        page: _Page | None = None
        for index, record in enumerate(records()):
            if index in first_rows:
                if page is not None:
                    _finish_page(register, page)
                    writer.newPage()
                page = _start_page(register, title, first_rows[index], len(pages))
            _draw_row(register, page, heights[index], record)
        if page is None:
            page = _start_page(register, title, 1, 1)
            painter.drawText(
                QRectF(register.page.left(), register.body_top, register.page.width(), 20 * _MM),
                int(Qt.AlignmentFlag.AlignCenter),
                QCoreApplication.translate(
                    "pdf", "No record has been entered in this register yet."
                ),
            )
        _finish_page(register, page)
    finally:
        painter.end()
    return len(heights)


def _new_register(painter: QPainter, writer: QPdfWriter) -> _Register:
    page = QRectF(0, 0, writer.width(), writer.height())
    wrap = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    font, bold = QFont("DejaVu Sans", _FONT_PT), QFont("DejaVu Sans", _FONT_PT)
    bold.setBold(True)
    widths = [page.width() * w / sum(_WEIGHTS) for w in _WEIGHTS]
    line = QFontMetricsF(font, writer).height()
    register = _Register(painter, page, widths, font, bold, wrap, 3 * line, 0, 2 * line)
    painter.setFont(bold)
    register.heading_height = max(
        register.text_height(_heading(f), w) for f, w in zip(REGISTER_FIELDS, widths, strict=True)
    )
    return register


def _heading(field: Any) -> str:
    return f"{field.regulatory_column}. {field.label_fr}"


def _register_cells(record: Mapping[str, Any]) -> list[str]:
    cells = [field_text(record, f.name) for f in REGISTER_FIELDS]
    if record.get("status") == "deaccessioned":
        cells[0] = f"{cells[0]}\n{QCoreApplication.translate('pdf', '(deaccessioned)')}"
        note = QCoreApplication.translate("pdf", "Deaccessioned on {date}: {reason}").format(
            date=record.get("deaccession_date", ""), reason=record.get("deaccession_reason", "")
        )
        cells[-1] = f"{note}\n{cells[-1]}".strip()
    return cells


def _row_height(register: _Register, cells: list[str]) -> float:
    tallest = max(
        register.text_height(text, width) if text else 0
        for text, width in zip(cells, register.widths, strict=True)
    )
    # A row never exceeds a page: an overlong cell is shortened when drawn.
    return min(
        max(tallest, register.painter.fontMetrics().height() + 2 * _PADDING),
        register.body_bottom - register.body_top,
    )


def _paginate(heights: list[float], register: _Register) -> list[list[int]]:
    pages: list[list[int]] = []
    y = register.body_bottom
    for index, height in enumerate(heights):
        if y + height > register.body_bottom:
            pages.append([])
            y = register.body_top
        pages[-1].append(index)
        y += height
    return pages


def _start_page(register: _Register, title: str, number: int, total: int) -> _Page:
    """Draw the title, the page number and the column headings; return the page's grid."""
    painter, page = register.painter, register.page
    top = page.top() + register.title_height
    painter.fillRect(
        QRectF(page.left(), top, page.width(), register.heading_height), QColor(_HEADING_FILL)
    )
    painter.setFont(register.bold)
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), register.title_height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
        title,
    )
    x = page.left()
    for column, width in zip(REGISTER_FIELDS, register.widths, strict=True):
        _draw_text(register, QRectF(x, top, width, register.heading_height), _heading(column))
        x += width
    painter.setFont(register.font)
    painter.drawText(
        QRectF(page.left(), register.body_bottom, page.width(), register.footer_height),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        QCoreApplication.translate("pdf", "Page {n} / {total}").format(n=number, total=total),
    )
    return _Page(register.body_top, grid=[QLineF(page.left(), top, page.right(), top)])


def _draw_row(
    register: _Register, page_state: _Page, height: float, record: Mapping[str, Any]
) -> None:
    page, y = register.page, page_state.y
    deaccessioned = record.get("status") == "deaccessioned"
    if deaccessioned:
        register.painter.fillRect(QRectF(page.left(), y, page.width(), height), QColor(_STRUCK))
    x = page.left()
    for text, width in zip(_register_cells(record), register.widths, strict=True):
        if text:
            _draw_text(register, QRectF(x, y, width, height), text)
        x += width
    page_state.grid.append(QLineF(page.left(), y, page.right(), y))
    if deaccessioned:  # struck through, as a radiation is in a paper register
        page_state.struck.append(QLineF(page.left(), y + height / 2, page.right(), y + height / 2))
    page_state.y = y + height


def _draw_text(register: _Register, box: QRectF, text: str) -> None:
    inner = box.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
    text = register.fitted(text, box.width(), box.height())
    register.painter.drawText(inner, text, register.wrap)


def _finish_page(register: _Register, page_state: _Page) -> None:
    """Draw the page's grid (column lines down to the last row) and its struck rows."""
    page, painter = register.page, register.painter
    top, bottom = page_state.grid[0].y1(), page_state.y
    x = page.left()
    for width in [0.0, *register.widths]:
        x += width
        page_state.grid.append(QLineF(x, top, x, bottom))
    page_state.grid.append(QLineF(page.left(), bottom, page.right(), bottom))
    painter.setPen(QPen(QColor(_GRID), 0.15 * _MM))
    painter.drawLines(page_state.grid)
    if page_state.struck:
        painter.setPen(QPen(QColor(_STRUCK_LINE), 0.3 * _MM))
        painter.drawLines(page_state.struck)
    painter.setPen(QPen(Qt.GlobalColor.black))
