"""Several values in one text (design.md §11): joined with "; ", a ";" or "\\" inside a value
escaped with "\\"; an author's role follows the name in square brackets."""

from __future__ import annotations

import re
from typing import Any

SEPARATOR = "; "
_AUTHOR = re.compile(r"^(?P<name>.*?)\s*\[(?P<role>[^\[\]]*)\]\s*$", re.DOTALL)


def join_values(values: list[str]) -> str:
    return SEPARATOR.join(v.replace("\\", "\\\\").replace(";", "\\;") for v in values)


def split_values(text: str, separator: str = ";") -> list[str]:
    """Inverse of join_values; also reads values separated by a bare ";" (or another char)."""
    values = text.split(separator) if "\\" not in text else _split_escaped(text, separator)
    # One space after the separator is part of the separator, not of the value.
    values = [v[1:] if i and v.startswith(" ") else v for i, v in enumerate(values)]
    return [v for v in values if v.strip()]


def _split_escaped(text: str, separator: str) -> list[str]:
    values, current, chars = [], [], iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, "\\"))
        elif char == separator:
            values.append("".join(current))
            current = []
        else:
            current.append(char)
    values.append("".join(current))
    return values


def format_author(author: dict[str, Any]) -> str:
    return f"{author['name']} [{author['role']}]" if author.get("role") else author["name"]


def parse_author(text: str) -> dict[str, Any]:
    match = _AUTHOR.match(text)
    if match and match["name"].strip():
        return {"name": match["name"], "role": match["role"].strip() or None}
    return {"name": text, "role": None}


def join_authors(authors: list[dict[str, Any]]) -> str:
    return join_values([format_author(a) for a in authors])


def split_authors(text: str) -> list[dict[str, Any]]:
    return [parse_author(v) for v in split_values(text)]
