"""The Qt-free core stays Qt-free (design.md §2): headless commands never load PySide6."""

from __future__ import annotations

import subprocess
import sys

from tests.support import REPO

IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import catalogue_app, db
for package in (catalogue_app, db):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if ".migrations" in module.name or module.name.endswith("__main__"):
            continue  # Alembic scripts run only inside Alembic; __main__ would start the app
        importlib.import_module(module.name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "ui", "shiboken6"))
print(",".join(loaded))
"""


def test_core_and_db_never_import_qt():
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERYTHING], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
