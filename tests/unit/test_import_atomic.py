"""The import lands whole or not at all: killed part-way, the catalogue holds none of it and
passes `check`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
from tests.support import REPO, run_cli
from tests.unit.import_samples import generated_rows, write_app_csv


def test_import_killed_part_way_leaves_the_catalogue_unchanged(tmp_path):
    source = write_app_csv(tmp_path / "big.csv", generated_rows(12_000, seed=5))
    catalogue_dir = tmp_path / "cat"
    Catalogue.open(catalogue_dir).close()
    wal = catalogue_dir / f"{DB_FILE_NAME}-wal"

    process = subprocess.Popen(
        [sys.executable, "-m", "catalogue_app", "--catalogue", str(catalogue_dir),
         "import-csv", str(source)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # Rows are being written once the write-ahead log grows: kill the process then.
    while not (wal.exists() and wal.stat().st_size > 2_000_000):
        assert process.poll() is None, "the import finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    catalogue = Catalogue.open(catalogue_dir)
    try:
        assert catalogue.record_count() == 0
    finally:
        catalogue.close()
    assert run_cli("--catalogue", str(catalogue_dir), "check").returncode == 0
