"""Several values in one text (design.md §11): joined with "; ", a ";" or "\\" inside a value
escaped with "\\"; an author's role follows the name in square brackets."""

from __future__ import annotations

import re
from typing import Any

SEPARATOR = "; "
_AUTHOR = re.compile(r"^(?P<name>.*?)\s*\[(?P<role>[^\[\]]*)\]\s*$", re.DOTALL)


# The space French typography puts before ";" (plain, no-break or narrow no-break).
_SPACES_BEFORE = (" ", "\u00a0", "\u202f")


def join_values(values: list[str]) -> str:
    """Values joined with "; "; a ";" or "\\" inside one, and a space ending one that another
    follows, escaped with "\\" (so that it is not read as the space before the separator)."""
    escaped = [v.replace("\\", "\\\\").replace(";", "\\;") for v in values]
    escaped = [v[:-1] + "\\" + v[-1] if i < len(escaped) - 1 and v.endswith(_SPACES_BEFORE)
               else v for i, v in enumerate(escaped)]
    return SEPARATOR.join(escaped)


def split_values(text: str, separator: str = ";") -> list[str]:
    """Inverse of join_values; also reads values separated by a bare ";" (or another char).

    One space after the separator, and one before it (French typography: `dentelle ; lin`),
    belong to the separator, not to the values; an escaped one stays."""
    if "\\" in text:
        values = _split_escaped(text, separator)
    else:  # the common case, kept fast: an import splits millions of cells
        values = text.split(separator)
        last = len(values) - 1
        values = [v[:-1] if i < last and v.endswith(_SPACES_BEFORE) else v
                  for i, v in enumerate(values)]
    values = [v[1:] if i and v.startswith(" ") else v for i, v in enumerate(values)]
    return [v for v in values if v.strip()]


def _split_escaped(text: str, separator: str) -> list[str]:
    values, current, chars = [], [], iter(text)
    escaped_end = False  # the value's last character came escaped
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
            escaped_end = True
            continue
        if char == separator:
            if current and current[-1] in _SPACES_BEFORE and not escaped_end:
                current.pop()
            values.append("".join(current))
            current = []
        else:
            current.append(char)
        escaped_end = False
    values.append("".join(current))
    return values


def format_author(author: dict[str, Any]) -> str:
    return f"{author['name']} [{author['role']}]" if author.get("role") else author["name"]


# The roles the form offers, stored as codes, as French documents name them.
ROLES_FR = {"author": "auteur", "maker": "fabricant", "collector": "collecteur",
            "commissioner": "commanditaire"}


def author_in_french(author: dict[str, Any]) -> str:
    """An author as French documents write one: "Atelier Lemarchand (fabricant)"."""
    role = str(author.get("role") or "").strip()
    return f"{author['name']} ({ROLES_FR.get(role, role)})" if role else str(author["name"])


def parse_author(text: str) -> dict[str, Any]:
    match = _AUTHOR.match(text)
    if match and match["name"].strip():
        return {"name": match["name"], "role": match["role"].strip() or None}
    return {"name": text, "role": None}


def join_authors(authors: list[dict[str, Any]]) -> str:
    return join_values([format_author(a) for a in authors])


def split_authors(text: str) -> list[dict[str, Any]]:
    return [parse_author(v) for v in split_values(text)]
