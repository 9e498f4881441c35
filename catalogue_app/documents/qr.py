"""QR codes for printed labels, as the modules the renderer draws (segno: pure Python, no
image library; the PDF gets sharp vector squares at any printer's resolution)."""

from __future__ import annotations

import segno


def qr_modules(text: str) -> tuple[str, ...]:
    """The QR code of text, row by row, "1" for a dark module, without the quiet zone (the
    renderer leaves a margin of four modules around it, as readers need)."""
    code = segno.make_qr(text, error="m")
    return tuple("".join("1" if module else "0" for module in row) for row in code.matrix)
