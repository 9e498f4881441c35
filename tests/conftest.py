"""Shared fixtures: every test gets its own catalogue folder and its own Qt settings."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import keyring
import pytest

from tests.support import BY_DESIGN, MemoryKeyring, in_ci, require, skip_by_design

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "requires(*needs): tools or services the test needs "
                                       "(tests/support.py require)")


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("requires"):
        for need in mark.args:
            require(need)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """In CI a skip fails unless it is by design (tests/support.py skip_by_design): nothing
    may pass for green by not running."""
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(
            report.longrepr)
        if BY_DESIGN not in reason:
            report.outcome = "failed"
            report.longrepr = f"skipped in CI, where nothing may be missing: {reason}"


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    """Tests never read or write the user's real keyring."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    """The core's messages said in French for the test, in the language before after it
    (tests/gui/conftest.py's french also installs the window's French)."""
    from catalogue_app import messages

    monkeypatch.setattr(messages, "_language", "fr")


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
    """Keep QSettings, platformdirs and the log file away from the real user's files."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CATALOGUE_APP_DIR", raising=False)


@pytest.fixture
def small_volume(tmp_path: Path):
    """A real 1 MB file system (tmpfs), where the system allows mounting one."""
    mount_point = tmp_path / "small volume"
    mount_point.mkdir()
    if os.geteuid() != 0:
        skip_by_design("mounting a file system needs root: the full disk is tested as root (CI)")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                   check=True, capture_output=True)
    yield mount_point
    subprocess.run(["umount", str(mount_point)], check=True)
