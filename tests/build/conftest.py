"""The built application (scripts/build.sh), run as a museum desk runs it: its own program,
no Python of ours, its bundled Qt, decoders, migrations and translations.

CATALOGUE_BUILT_APP names the program (dist/catalogue-app/catalogue-app); .ci/run builds it
and sets it. Without it these tests are skipped locally, and fail in CI."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.integration.conftest import regional_config, regional_server  # noqa: F401
from tests.support import require

BUILT_APP_ENV = "CATALOGUE_BUILT_APP"


@pytest.fixture
def built_app(tmp_path: Path):
    """run(*args) -> CompletedProcess of the built program, in a home of its own."""
    require("built-app")
    program = Path(os.environ[BUILT_APP_ENV]).resolve()
    home = tmp_path / "home"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
           "QT_QPA_PLATFORM": "offscreen", "CATALOGUE_APP_LANG": "en",
           # Never the real keyring of whoever runs the tests.
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}

    def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *args], capture_output=True, text=True,
                              env=env, timeout=timeout, stdin=subprocess.DEVNULL)

    run.home, run.program = home, program
    return run
