"""The components the desk application is made of, with their licences: the About dialog and
`catalogue-app licences` list them, and the build (packaging/catalogue-app.spec) bundles the
metadata of exactly these, so that the frozen program lists what it ships.

They are the desk's own dependencies and theirs, extras left out (the regional base's and the
tests' packages are not part of the desk), read from the installed packages' metadata."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

APPLICATION = "catalogue-app"
# A requirement's name: what comes before its version, extras or marker.
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
# The opening words of licence texts that some packages put whole in their License field.
_KNOWN_TEXTS = (("Permission is hereby granted, free of charge", "MIT"),
                ("Redistribution and use in source and binary forms", "BSD"))
_LICENCE_CLASSIFIER = "License :: "


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def desk_distributions() -> list[str]:
    """The names of the installed distributions the desk application needs (itself
    excluded), found by walking the requirements from catalogue-app's, extras left out."""
    seen: dict[str, str] = {}
    waiting = [APPLICATION]
    while waiting:
        try:
            dist = metadata.distribution(waiting.pop())
        except metadata.PackageNotFoundError:  # a requirement of another platform
            continue
        key = _normalised(dist.metadata["Name"])
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for requirement in dist.requires or ():
            marker = requirement.partition(";")[2]
            if "extra" not in marker and (match := _NAME.match(requirement)):
                waiting.append(match.group(1))
    seen.pop(_normalised(APPLICATION), None)
    return sorted(seen.values(), key=str.casefold)


def bundled_components() -> list[Component]:
    """Python itself, then each desk distribution with its version and licence."""
    found = [Component("Python", platform.python_version(), "PSF-2.0")]
    for name in desk_distributions():
        dist = metadata.distribution(name)
        found.append(Component(dist.metadata["Name"], dist.version, licence_of(dist.metadata)))
    return found


def licence_of(meta) -> str:
    """The licence a package declares: its SPDX expression, else its License field when that
    is a name rather than a whole text, else its licence classifiers; "" when it says none."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 80:
        return declared
    for opening, name in _KNOWN_TEXTS:
        if opening in declared:
            return name
    classifiers = [c.rpartition(" :: ")[2] for c in meta.get_all("Classifier") or ()
                   if c.startswith(_LICENCE_CLASSIFIER)]
    return " / ".join(classifiers)


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503
