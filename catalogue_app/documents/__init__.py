"""Printable documents (object sheets, the inventory and deposits registers, location labels;
later the récolement procès-verbal), described without Qt and drawn by one renderer.

A document is a plain description (model.py): pages, a running title, headings, paragraphs,
images and tables whose rows may be read lazily, so a 70,000-entry register is drawn in
bounded memory. The builders here (register, object sheets) decide what a document says; the
renderer decides how it looks on paper.

The renderer is Qt's QPdfWriter (ui/documents/pdf.py), passed in by whoever prints: the window,
or the command-line entry point for the commands that print (it imports it lazily, so the other
commands never load Qt). Qt rather than a pure-Python PDF library because it already ships with
the app (no new dependency), it shapes and wraps text with the system's fonts exactly as the
window shows them, it writes PDF/A-1b (the archival form a legal register should have), and
its text measuring runs in C++, which keeps two passes over a 70,000-row register (measure,
then draw with "page n / N") within seconds."""

from catalogue_app.documents.model import (
    Column,
    Document,
    Heading,
    Image,
    Label,
    LabelSheet,
    PageBreak,
    Paragraph,
    Renderer,
    Row,
    Signatures,
    Space,
    Table,
)

__all__ = ["Column", "Document", "Heading", "Image", "Label", "LabelSheet", "PageBreak",
           "Paragraph", "Renderer", "Row", "Signatures", "Space", "Table"]
