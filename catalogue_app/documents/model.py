"""What a printed document says, as plain data: the renderer lays it out on pages.

Layout rules every renderer follows: pages are A4 (or A3) with 12 mm margins; the running
title (if any) heads every page and the footer ("Page {n} / {total}") ends it; a table repeats
its column headings on every page it spans (each column at least as wide as the longest word of
its heading) and keeps each row on one page, splitting at line breaks only a row taller than a
whole page; a heading is never left alone at a page's foot."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from catalogue_app.messages import declare

PAGE_NUMBER = declare("documents.page_number", "Page {n} / {total}")
CONTINUED = declare("documents.continued", "(continued)")

Tone = Literal["normal", "subtle", "alert"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: a document's or record's title, 2: a section
    centred: bool = False


@dataclass(frozen=True)
class Paragraph:
    text: str
    tone: Tone = "normal"
    centred: bool = False
    # The text names the document's number of pages as {total} (a register's title page and
    # closing statement): the renderer fills it in once it has counted them.
    counts_pages: bool = False


@dataclass(frozen=True)
class Image:
    """A picture file, centred, scaled to height_mm (or less, to fit the page)."""

    path: Path
    height_mm: float = 60


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Space:
    """Blank vertical space (the foot of a title page, room to write by hand)."""

    height_mm: float


@dataclass(frozen=True)
class Signatures:
    """Boxes side by side, each headed by its label, left blank for a signature, a stamp or
    initials; kept whole on one page."""

    labels: tuple[str, ...]
    height_mm: float = 30


@dataclass(frozen=True)
class Column:
    heading: str
    weight: float = 1  # share of the table's width


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    struck: bool = False  # struck through, as a radiation is in a paper register
    label_first: bool = False  # the first cell is a label: drawn in a quieter tone


@dataclass(frozen=True)
class Table:
    """Rows come from rows() (called once per rendering pass, so a renderer may measure before
    it draws without holding every row in memory)."""

    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[Row]]
    font_pt: float = 9
    show_headings: bool = True
    grid: bool = True  # cell borders; without them alternate rows are shaded
    empty_text: str = ""  # said under the headings when there is no row
    # Added to the first cell of a row taller than a page where it continues, so that each
    # page says whose text it carries on with ("2004.1.3 (continued)").
    continued: str = ""


@dataclass(frozen=True)
class Label:
    """One sticker: a QR code beside a few lines, the first in large bold type."""

    lines: tuple[str, ...]
    # The QR code's modules row by row, "1" dark (catalogue_app.documents.qr), none if empty.
    qr: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelSheet:
    """Labels in a grid across the page, `columns` wide, each `height_mm` tall, with light
    cutting lines; a label is never split across pages."""

    labels: tuple[Label, ...]
    columns: int = 2
    height_mm: float = 37


Block = Heading | Paragraph | Image | PageBreak | Space | Signatures | Table | LabelSheet


@dataclass
class Document:
    title: str  # the PDF's title
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    paper: Literal["A4", "A3"] = "A4"
    running_title: str = ""  # printed at the top of every page
    footer: str = ""  # with {n} and {total}: the page number and the page count
    font_pt: float = 9


class Renderer(Protocol):
    """Writes a document to a PDF file and returns the number of pages."""

    def __call__(self, document: Document, out: Path) -> int: ...
