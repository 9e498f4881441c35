"""The demo generator's data, read from resources/demo/: the kinds of object (kinds.json) and
the pools of free text (words.json). generator.py checks the labels and theme paths against
the seed vocabularies and the theme tree when it loads."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Kind:
    """A kind of object: a coiffe is of linen and tagged Textile > Coiffes."""

    theme: str  # path in the theme tree, "Top > Sub"
    designations: tuple[str, ...]
    materials: tuple[str, ...]
    techniques: tuple[str, ...]
    function: str
    years: tuple[int, int]
    shape: str  # drives measurements and the placeholder image
    makers: tuple[str, ...] = ()
    maker_role: str | None = "maker"
    maker_rate: float = 0.0
    places: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # "{place}" becomes the origin place, or a Normandy town
    periods: tuple[str, ...] = ()  # fixed datings, for kinds dated by period rather than year
    marks: str = "none"  # which inscriptions fit (words.json "inscriptions")
    extra_theme: str | None = None
    patrons: tuple[str, ...] = ()  # people who collected or commissioned, rather than made
    patron_role: str = "collector"
    family: str = "default"  # which acquisition modes fit (words.json "modes")
    weight: int = 2


def _read(name: str) -> dict[str, Any]:
    path = resources.files("resources").joinpath("demo", name)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def kinds() -> tuple[Kind, ...]:
    known = {f.name for f in fields(Kind)}
    loaded = []
    for entry in _read("kinds.json")["kinds"]:
        unknown = set(entry) - known
        if unknown:
            raise ValueError(f"resources/demo/kinds.json: unknown keys {sorted(unknown)} in the "
                             f"kind of {entry.get('theme')!r}")
        loaded.append(Kind(**{key: tuple(value) if isinstance(value, list) else value
                              for key, value in entry.items()}))
    return tuple(loaded)


@cache
def words() -> dict[str, Any]:
    return _read("words.json")
