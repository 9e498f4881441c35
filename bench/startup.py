"""Start-up of the window on a 70,000-record catalogue (issue 3 figures), or on the demo
catalogue (`bench/startup.py demo`, issue 13's figure: `catalogue-app --demo --smoke-test`).

Prints: `--smoke-test` startup_ms (median of runs) beside a bare QApplication + QMainWindow
process measured the same way in the same run, their ratio, and the resident memory of the
app process at first paint. `--against DIR` also measures another checkout of the app (for
example main before a change, from `git worktree add DIR COMMIT`), interleaved in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.catalogues import generated_catalogue  # noqa: E402

RUNS = 7
BARE = """
import time, psutil
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
window = QMainWindow()
table = QTableView()
window.setCentralWidget(table)
class First(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, report)
        return False
def report():
    print(f"startup_ms={round((time.time() - psutil.Process().create_time()) * 1000)}")
    app.quit()
first = First()
table.viewport().installEventFilter(first)
window.show()
app.exec()
"""
# Runs a command and prints its peak resident memory (the app quits right after first paint).
PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
"""


def startup_ms(command: list[str], cwd: Path | None = None) -> int:
    """As printed by the process; with cwd, `python -m catalogue_app` runs that checkout."""
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=cwd,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    return int(out.strip().splitlines()[-1].split("=")[1])


def main() -> None:
    arguments = sys.argv[1:]
    against = None
    if "--against" in arguments:
        at = arguments.index("--against")
        against, arguments = Path(arguments[at + 1]), arguments[:at] + arguments[at + 2:]
    if arguments[:1] == ["demo"]:
        count = "demo"
        # Its own data folder, so the demo catalogue is made once here, never in yours.
        os.environ["XDG_DATA_HOME"] = str(Path(tempfile.gettempdir()) / "bench-startup-demo")
        app = [sys.executable, "-m", "catalogue_app", "--demo", "--smoke-test"]
    else:
        count = int(arguments[0]) if arguments else 70_000
        app = [sys.executable, "-m", "catalogue_app", "--catalogue",
               str(generated_catalogue(count)), "--smoke-test"]
    bare = [sys.executable, "-c", BARE]
    startup_ms(app)  # make the demo, warm the OS file cache as a second launch would be
    app_runs, bare_runs, other_runs = [], [], []
    for _ in range(RUNS):  # interleaved, so machine noise hits all alike
        app_runs.append(startup_ms(app))
        bare_runs.append(startup_ms(bare))
        if against is not None:
            other_runs.append(startup_ms(app, cwd=against))
    app_ms, bare_ms = statistics.median(app_runs), statistics.median(bare_runs)
    rss = subprocess.run([sys.executable, "-c", PEAK_RSS, *app], check=True,
                         capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout.strip()
    print(f"records={count}")
    print(f"smoke_test_startup_ms_median={app_ms:.0f} (runs: {app_runs})")
    print(f"bare_qapplication_mainwindow_ms_median={bare_ms:.0f} (runs: {bare_runs})")
    print(f"ratio={app_ms / bare_ms:.2f}")
    if against is not None:
        other_ms = statistics.median(other_runs)
        print(f"against_{against.name}_ms_median={other_ms:.0f} (runs: {other_runs})")
        print(f"against_ratio={other_ms / bare_ms:.2f}")
    print(f"peak_rss_mb_at_first_paint={rss}")


if __name__ == "__main__":
    main()
