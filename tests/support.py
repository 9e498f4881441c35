"""Helpers shared by the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import keyring.backend
import pytest

REPO = Path(__file__).resolve().parent.parent
PG_URL_ENV = "CATALOGUE_TEST_PG_URL"
JOCONDE_SAMPLE = REPO.parent / "shared" / "data" / "joconde-normandie-costumes.csv"
BY_DESIGN = "by design: "


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


# What a test may need beyond the Python packages, and why it would be missing. Tools are
# looked up on PATH; scripts/setup.sh installs them, .ci/run starts the services.
_SERVICES: dict[str, tuple[Callable[[], bool], str]] = {
    "postgresql": (lambda: bool(os.environ.get(PG_URL_ENV)),
                   f"{PG_URL_ENV} is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)"),
    "built-app": (lambda: bool(os.environ.get("CATALOGUE_BUILT_APP")),
                  "CATALOGUE_BUILT_APP does not name a build (bash scripts/build.sh makes "
                  "dist/catalogue-app/catalogue-app; .ci/run builds and sets it)"),
    "joconde-sample": (JOCONDE_SAMPLE.exists,
                       f"the real Joconde sample is not at {JOCONDE_SAMPLE} (shared/ beside the "
                       "repository)"),
}


def missing(need: str) -> str | None:
    """Why `need` (a tool on PATH or a service named in _SERVICES) is unavailable, or None."""
    if need in _SERVICES:
        available, reason = _SERVICES[need]
        return None if available() else reason
    return None if shutil.which(need) else f"{need} is not installed (scripts/setup.sh installs it)"


def require(need: str) -> None:
    """Skip the calling test when `need` is missing, with the reason; in CI (CI=true), where
    everything must be there, fail instead: a test that did not run must not look green."""
    reason = missing(need)
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"needs {need}, which CI must provide: {reason}", pytrace=False)
    pytest.skip(f"needs {need}: {reason}")


def requires(*needs: str) -> pytest.MarkDecorator:
    """Mark a test (or a module, as pytestmark) as needing tools or services; see require."""
    return pytest.mark.requires(*needs)


def skip_by_design(reason: str) -> None:
    """A skip that is right everywhere, CI included (a SQLite-only case, a permission test
    that root cannot run): said as such."""
    pytest.skip(BY_DESIGN + reason)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The keyring tests use instead of the user's real one (set in tests/conftest.py)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.failure: Exception | None = None  # raised by every call when set

    def _check(self) -> None:
        if self.failure is not None:
            raise self.failure

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        self.passwords.pop((service, username), None)


def start_cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    """Start `catalogue-app` in a separate process whose stderr the test reads as it comes."""
    return subprocess.Popen([sys.executable, "-m", "catalogue_app", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})}, cwd=REPO)


def run_cli(*args: str, env: dict | None = None, timeout: float = 120,
            **kwargs) -> subprocess.CompletedProcess:
    """Run `catalogue-app` as a user would: a separate process, real exit status."""
    return subprocess.run([sys.executable, "-m", "catalogue_app", *args], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})},
                          cwd=REPO, **kwargs)
