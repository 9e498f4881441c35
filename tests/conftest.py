"""Shared fixtures: every test gets its own catalogue folder and its own Qt settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    return tmp_path / "catalogue"


@pytest.fixture
def catalogue(catalogue_dir: Path):
    from catalogue_app.catalogue import Catalogue

    cat = Catalogue.open(catalogue_dir)
    cat.set_museum("M0001", "Musée d'essai")
    yield cat
    cat.close()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and platformdirs away from the real user's files."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("CATALOGUE_APP_DIR", raising=False)
