"""Case- and accent-insensitive form of text, for matching French words typed in any way."""

import unicodedata


def fold(text: str) -> str:
    """``Épaisseur`` -> ``epaisseur``; ``XIX°`` keeps its ``°`` (not an accent)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
