"""The components listed in Help > About and by `catalogue-app licences`: the desk's own
dependencies from the installed packages' metadata, each with the licence it declares."""

from __future__ import annotations

import json
from email.message import Message

from catalogue_app.components import bundled_components, desk_distributions, licence_of
from tests.support import run_cli


def _metadata(**fields: str | list[str]) -> Message:
    meta = Message()
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            meta[name.replace("_", "-")] = item
    return meta


def test_the_desk_dependencies_are_listed_and_the_servers_and_tests_are_not():
    names = {name.casefold().replace("_", "-") for name in desk_distributions()}
    assert {"pyside6-essentials", "shiboken6", "sqlalchemy", "httpx", "pillow", "lxml",
            "keyring", "certifi"} <= names  # certifi: httpx's own dependency
    assert not names & {"fastapi", "uvicorn", "psycopg", "pytest", "pyinstaller", "ruff",
                        "catalogue-app"}


def test_every_component_says_its_version_and_the_main_ones_their_licence():
    components = {c.name.casefold().replace("_", "-"): c for c in bundled_components()}
    assert components["python"].licence == "PSF-2.0"
    assert "LGPL-3.0" in components["pyside6-essentials"].licence
    assert components["sqlalchemy"].licence == "MIT"
    assert all(c.version for c in components.values())


def test_a_licence_is_read_from_its_expression_its_name_its_text_or_its_classifiers():
    assert licence_of(_metadata(License_Expression="MIT", License="BSD")) == "MIT"
    assert licence_of(_metadata(License="BSD-3-Clause")) == "BSD-3-Clause"
    whole_text = ("Copyright (c) 2002 Someone\n\nRedistribution and use in source and binary "
                  "forms, with or without modification, are permitted...")
    assert licence_of(_metadata(License=whole_text)) == "BSD"
    assert licence_of(_metadata(Classifier=["Programming Language :: Python",
                                            "License :: OSI Approved :: MIT License"])) \
        == "MIT License"
    assert licence_of(_metadata(Name="silent")) == ""


def test_the_command_line_lists_them_as_json():
    result = run_cli("licences", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert listed == [{"name": c.name, "version": c.version, "licence": c.licence}
                      for c in bundled_components()]
