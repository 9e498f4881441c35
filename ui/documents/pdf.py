"""The one PDF renderer: draws a catalogue_app.documents.Document with Qt's own PDF writer
(why Qt: see catalogue_app/documents/__init__.py), as PDF/A-1b.

Everything is drawn with a painter, row by row, rather than laid out as one rich-text
document, so that a 70,000-entry register paginates in bounded memory. The layout runs twice:
once to count the pages (nothing drawn), once to draw with "page n / N". Drawing calls are
batched per page where they would otherwise grow with every cell (one drawLines for a table's
grid). Works headless (QT_QPA_PLATFORM=offscreen) from the command line and on a worker
thread of the window."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextOption,
)

from catalogue_app.documents.model import (
    Document,
    Heading,
    Image,
    LabelSheet,
    PageBreak,
    Paragraph,
    Row,
    Signatures,
    Space,
    Table,
)

RESOLUTION = 300
_MM = RESOLUTION / 25.4
_PADDING = 0.8 * _MM
_GAP = 2 * _MM  # below a heading, a paragraph, an image or a table
_FAMILY = "DejaVu Sans"
_TEXT, _SUBTLE, _ALERT, _LABEL = "#000000", "#555555", "#a00000", "#444444"
_GRID, _HEADING_FILL, _SHADE, _STRUCK, _STRUCK_LINE = (
    "#999999", "#e6e6e6", "#f2f2f2", "#fbe3e3", "#a00000")


def render_pdf(document: Document, out: Path) -> int:
    """Write the document to out; return the number of pages. Needs a Qt GUI application
    (the window's, or headless_application's)."""
    writer = QPdfWriter(str(out))
    writer.setResolution(RESOLUTION)
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setTitle(document.title)
    writer.setCreator("catalogue-app")
    orientation = (QPageLayout.Orientation.Landscape if document.landscape
                   else QPageLayout.Orientation.Portrait)
    size = QPageSize.PageSizeId.A3 if document.paper == "A3" else QPageSize.PageSizeId.A4
    writer.setPageLayout(QPageLayout(QPageSize(size), orientation,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    painter = QPainter(writer)
    try:
        layout = _Layout(document, writer, painter)
        total = layout.run(drawing=False, total=0)
        if any(isinstance(b, Paragraph) and b.counts_pages for b in document.blocks):
            # The count written in the text may itself move a page break: measure again
            # with it until the count holds (at once, but for a paragraph at a page's foot).
            for _ in range(3):
                again = layout.run(drawing=False, total=total)
                if again == total:
                    break
                total = again
        return layout.run(drawing=True, total=total)
    finally:
        painter.end()


def render_pdf_headless(document: Document, out: Path) -> int:
    """render_pdf from the command line: a Qt application without a display."""
    with headless_application():
        return render_pdf(document, out)


@contextmanager
def headless_application() -> Iterator[None]:
    if QGuiApplication.instance() is not None:
        yield
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # draws files only: never needs a display
    application = QGuiApplication(["catalogue-app"])
    try:
        yield
    finally:
        application.shutdown()


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Layout:
    """Flows the document's blocks onto pages; draws only when `drawing`."""

    def __init__(self, document: Document, writer: QPdfWriter, painter: QPainter) -> None:
        self.document, self.writer, self.painter = document, writer, painter
        self.page = QRectF(0, 0, writer.width(), writer.height())
        self.body = _font(document.font_pt)
        self.wrap = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.centred = QTextOption(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.centred.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.title_font = _font(document.font_pt + 2, bold=True)
        self.painter.setFont(self.title_font)
        self.title_height = (self._height("Ag", self.page.width()) + _GAP
                             if document.running_title else 0)
        self.painter.setFont(self.body)
        self.footer_height = 2 * self._height("Ag", self.page.width())
        self.drawing, self.total, self.number = False, 0, 0
        self.y = 0.0
        self.grid: list[QLineF] = []
        self.struck: list[QLineF] = []

    @property
    def top(self) -> float:
        return self.page.top() + self.title_height

    @property
    def bottom(self) -> float:
        return self.page.bottom() - self.footer_height

    def run(self, drawing: bool, total: int) -> int:
        self.drawing, self.total, self.number = drawing, total, 0
        self.new_page()
        for block in self.document.blocks:
            if isinstance(block, Table):
                _TableLayout(self, block).run()
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Image):
                self.image(block)
            elif isinstance(block, Space):
                self.space(block)
            elif isinstance(block, Signatures):
                self.signatures(block)
            elif isinstance(block, LabelSheet):
                self.label_sheet(block)
            elif isinstance(block, PageBreak) and self.y > self.top:
                self.new_page()
        self.flush_lines()
        return self.number

    # --- pages ---------------------------------------------------------------------------

    def new_page(self) -> None:
        self.flush_lines()
        if self.number and self.drawing:
            self.writer.newPage()
        self.number += 1
        self.y = self.top
        if not self.drawing:
            return
        painter, page = self.painter, self.page
        font = painter.font()
        if self.document.running_title:
            painter.setFont(self.title_font)
            painter.drawText(QRectF(page.left(), page.top(), page.width(), self.title_height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                             self.document.running_title)
        if self.document.footer:
            painter.setFont(self.body)
            painter.drawText(QRectF(page.left(), self.bottom, page.width(), self.footer_height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             self.document.footer.format(n=self.number, total=self.total))
        painter.setFont(font)

    def flush_lines(self) -> None:
        """Draw the page's batched lines: the grids, then the struck rows over them."""
        if self.drawing and self.grid:
            self.painter.setPen(QPen(QColor(_GRID), 0.15 * _MM))
            self.painter.drawLines(self.grid)
        if self.drawing and self.struck:
            self.painter.setPen(QPen(QColor(_STRUCK_LINE), 0.3 * _MM))
            self.painter.drawLines(self.struck)
        self.painter.setPen(QPen(QColor(_TEXT)))
        self.grid, self.struck = [], []

    # --- text ----------------------------------------------------------------------------

    def _height(self, text: str, width: float) -> float:
        box = self.painter.boundingRect(QRectF(0, 0, width - 2 * _PADDING, 1e6), text,
                                        self.wrap)
        return box.height() + 2 * _PADDING

    def text_height(self, text: str, width: float) -> float:
        return self._height(text, width) if text else 0.0

    def split(self, text: str, width: float, height: float) -> tuple[str, str]:
        """The longest start of text that fits in height (cut after a word when it can),
        and the rest."""
        if self.text_height(text, width) <= height:
            return text, ""
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if self._height(text[:middle], width) <= height:
                low = middle
            else:
                high = middle - 1
        space = max(text.rfind(" ", 0, low + 1), text.rfind("\n", 0, low + 1))
        cut = space if space > 0 else low
        return text[:cut].rstrip(), text[cut:].lstrip()

    def draw_text(self, box: QRectF, text: str, color: str = _TEXT,
                  centred: bool = False) -> None:
        if self.drawing and text:
            inner = box.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
            if color != _TEXT:
                self.painter.setPen(QColor(color))
            self.painter.drawText(inner, text, self.centred if centred else self.wrap)
            if color != _TEXT:
                self.painter.setPen(QColor(_TEXT))

    # --- blocks --------------------------------------------------------------------------

    def heading(self, block: Heading) -> None:
        self.painter.setFont(_font(self.document.font_pt + (5 if block.level == 1 else 2),
                                   bold=True))
        height = self.text_height(block.text, self.page.width())
        self.painter.setFont(self.body)
        # Never alone at the foot of a page: keep room for three lines of what follows.
        if self.y + height + 3 * self._height("Ag", self.page.width()) > self.bottom:
            self.new_page()
        self.painter.setFont(_font(self.document.font_pt + (5 if block.level == 1 else 2),
                                   bold=True))
        self.draw_text(QRectF(self.page.left(), self.y, self.page.width(), height), block.text,
                       centred=block.centred)
        self.painter.setFont(self.body)
        self.y += height + _GAP / 2

    def paragraph(self, block: Paragraph) -> None:
        font = _font(self.document.font_pt, bold=block.tone == "alert")
        color = {"normal": _TEXT, "subtle": _SUBTLE, "alert": _ALERT}[block.tone]
        self.painter.setFont(font)
        text, width = block.text, self.page.width()
        if block.counts_pages:
            text = text.format(total=self.total)
        while text:
            height = self.text_height(text, width)
            if self.y + height > self.bottom and height <= self.bottom - self.top:
                self.new_page()
            part, text = self.split(text, width, self.bottom - self.y)
            part_height = self.text_height(part, width)
            self.draw_text(QRectF(self.page.left(), self.y, width, part_height), part, color,
                           block.centred)
            self.y += part_height
            if text:
                self.new_page()
        self.painter.setFont(self.body)
        self.y += _GAP

    def space(self, block: Space) -> None:
        self.y = min(self.y + block.height_mm * _MM, self.bottom)

    def signatures(self, block: Signatures) -> None:
        if not block.labels:
            return
        height = block.height_mm * _MM
        width = self.page.width() / len(block.labels)
        if self.y + height > self.bottom:
            self.new_page()
        for index, label in enumerate(block.labels):
            box = QRectF(self.page.left() + index * width, self.y, width, height)
            if self.drawing:
                self.painter.setPen(QPen(QColor(_GRID), 0.2 * _MM))
                self.painter.drawRect(box.adjusted(_GAP / 2, 0, -_GAP / 2, 0))
                self.painter.setPen(QPen(QColor(_TEXT)))
            self.draw_text(box.adjusted(_GAP / 2, 0, -_GAP / 2, 0), label, _SUBTLE)
        self.y += height + _GAP

    def label_sheet(self, block: LabelSheet) -> None:
        width = self.page.width() / max(1, block.columns)
        height = block.height_mm * _MM
        for index, label in enumerate(block.labels):
            column = index % block.columns
            if column == 0 and index:
                self.y += height
            if column == 0 and self.y + height > self.bottom:
                self.new_page()
            box = QRectF(self.page.left() + column * width, self.y, width, height)
            if self.drawing:
                self.painter.setPen(QPen(QColor(_GRID), 0.1 * _MM, Qt.PenStyle.DashLine))
                self.painter.drawRect(box)
                self.painter.setPen(QPen(QColor(_TEXT)))
            self.label(box.adjusted(_GAP, _GAP, -_GAP, -_GAP), label.lines, label.qr)
        if block.labels:
            self.y += height + _GAP

    def label(self, box: QRectF, lines: Sequence[str], qr: Sequence[str]) -> None:
        """A QR code on the left (with its quiet zone of four modules), lines beside it."""
        side = box.height() if qr else 0.0
        if self.drawing and qr:
            module = side / (len(qr) + 8)
            dark = QPainterPath()
            for y, row in enumerate(qr):
                for x, cell in enumerate(row):
                    if cell == "1":
                        dark.addRect(QRectF(box.left() + (x + 4) * module,
                                            box.top() + (y + 4) * module, module, module))
            dark.setFillRule(Qt.FillRule.WindingFill)
            self.painter.fillPath(dark, QColor(_TEXT))
        text = QRectF(box.left() + side + _GAP, box.top(), box.width() - side - _GAP,
                      box.height())
        first, *rest = [*lines, ""]
        self.painter.setFont(_font(self.document.font_pt + 7, bold=True))
        first_height = self.text_height(first, text.width())
        self.draw_text(QRectF(text.left(), text.top(), text.width(), first_height), first)
        self.painter.setFont(self.body)
        self.draw_text(text.adjusted(0, first_height, 0, 0),
                       "\n".join(line for line in rest if line), _SUBTLE)

    def image(self, block: Image) -> None:
        picture = QImage(str(block.path))
        if picture.isNull():  # unreadable: the document is still printed, without it
            return
        height = min(block.height_mm * _MM, self.bottom - self.top)
        width = picture.width() * height / max(1, picture.height())
        if width > self.page.width():
            width, height = self.page.width(), self.page.width() * height / width
        if self.y + height > self.bottom:
            self.new_page()
        if self.drawing:
            left = self.page.left() + (self.page.width() - width) / 2
            self.painter.drawImage(QRectF(left, self.y, width, height), picture)
        self.y += height + _GAP


class _TableLayout:
    """One table: its column headings at its start and on every page it continues on."""

    def __init__(self, layout: _Layout, table: Table) -> None:
        self.layout, self.table = layout, table
        self.font, self.bold = _font(table.font_pt), _font(table.font_pt, bold=True)
        layout.painter.setFont(self.bold)
        self.widths = self._widths()
        self.heading_height = max(
            (layout.text_height(c.heading, w) for c, w in zip(table.columns, self.widths,
                                                              strict=True)),
            default=0) if table.show_headings else 0.0
        layout.painter.setFont(self.font)
        self.line = layout.text_height("Ag", self.widths[0])
        self.body_top = 0.0  # where rows start on the current page

    def _widths(self) -> list[float]:
        """Widths by the columns' weights, but wide enough for the longest word of each
        heading (a heading's words are never broken), the others narrowed to make room."""
        columns, page = self.table.columns, self.layout.page.width()
        words = self.layout.painter.fontMetrics()
        needed = [max((words.horizontalAdvance(w) for w in c.heading.split()), default=0)
                  + 2 * _PADDING + 1 if self.table.show_headings else 0 for c in columns]
        if sum(needed) >= page:  # no room for the weights: in proportion to the words
            return [page * n / sum(needed) for n in needed]
        fixed: set[int] = set()
        while True:
            free = [i for i in range(len(columns)) if i not in fixed]
            room = page - sum(needed[i] for i in fixed)
            total = sum(columns[i].weight for i in free) or 1
            widths = [needed[i] if i in fixed else room * columns[i].weight / total
                      for i in range(len(columns))]
            short = {i for i in free if widths[i] < needed[i]}
            if not short:
                return widths
            fixed |= short

    def run(self) -> None:
        layout = self.layout
        if layout.y + self.heading_height + self.line > layout.bottom:
            layout.new_page()
        self.start_page()
        shown = 0
        for shown, row in enumerate(self.table.rows(), start=1):
            self.place(row, shaded=not self.table.grid and shown % 2 == 0)
        if not shown and self.table.empty_text:
            layout.draw_text(QRectF(layout.page.left(), layout.y, layout.page.width(),
                                    20 * _MM), self.table.empty_text)
            layout.y += 20 * _MM
        self.close_grid()
        layout.painter.setFont(layout.body)
        layout.y += _GAP

    def start_page(self) -> None:
        layout = self.layout
        top = layout.y
        if self.heading_height:
            page = layout.page
            if layout.drawing:
                layout.painter.fillRect(QRectF(page.left(), top, page.width(),
                                               self.heading_height), QColor(_HEADING_FILL))
            layout.painter.setFont(self.bold)
            x = page.left()
            for column, width in zip(self.table.columns, self.widths, strict=True):
                layout.draw_text(QRectF(x, top, width, self.heading_height), column.heading)
                x += width
            layout.painter.setFont(self.font)
        if self.table.grid:
            layout.grid.append(QLineF(layout.page.left(), top, layout.page.right(), top))
        self.grid_top = top
        layout.y = self.body_top = top + self.heading_height

    def next_page(self) -> None:
        self.close_grid()
        self.layout.new_page()
        self.layout.painter.setFont(self.font)
        self.start_page()

    def close_grid(self) -> None:
        """The column lines of the current page, down to the last row drawn."""
        layout = self.layout
        if not self.table.grid:
            return
        x = layout.page.left()
        for width in [0.0, *self.widths]:
            x += width
            layout.grid.append(QLineF(x, self.grid_top, x, layout.y))

    def height(self, cells: Sequence[str]) -> float:
        tallest = max(self.layout.text_height(text, width)
                      for text, width in zip(cells, self.widths, strict=True))
        return max(tallest, self.line)

    def place(self, row: Row, shaded: bool) -> None:
        layout, cells = self.layout, list(row.cells)
        height = self.height(cells)
        while True:
            if layout.y + height <= layout.bottom:
                self.draw(row, cells, height, shaded)
                return
            fresh_page = layout.bottom - layout.top - self.heading_height
            if height <= fresh_page or layout.bottom - layout.y < 3 * self.line:
                self.next_page()
                continue
            # Taller than a whole page: what fits here, the rest on the next page.
            room = layout.bottom - layout.y
            parts = [layout.split(text, width, room)
                     for text, width in zip(cells, self.widths, strict=True)]
            self.draw(row, [head for head, _ in parts], room, shaded)
            cells = [rest for _, rest in parts]
            if self.table.continued and not cells[0]:
                cells[0] = f"{row.cells[0]}\n{self.table.continued}"
            height = self.height(cells)
            self.next_page()

    def draw(self, row: Row, cells: Sequence[str], height: float, shaded: bool) -> None:
        layout = self.layout
        page, y = layout.page, layout.y
        if layout.drawing and (row.struck or shaded):
            layout.painter.fillRect(QRectF(page.left(), y, page.width(), height),
                                    QColor(_STRUCK if row.struck else _SHADE))
        x = page.left()
        for index, (text, width) in enumerate(zip(cells, self.widths, strict=True)):
            color = _LABEL if row.label_first and index == 0 else _TEXT
            layout.draw_text(QRectF(x, y, width, height), text, color)
            x += width
        if self.table.grid:
            layout.grid.append(QLineF(page.left(), y + height, page.right(), y + height))
        if row.struck:
            layout.struck.append(QLineF(page.left(), y + height / 2, page.right(),
                                        y + height / 2))
        layout.y = y + height
