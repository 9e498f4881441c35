"""The window while an automatic backup runs (issue 20): the longest pause of its event loop
during a backup of the demo catalogue (its images copied the first time, none the next), beside
the same window left idle for as long, measured in the same run. The pause is what a curator
feels as a frozen window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/backup_window.py"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from catalogue_app.catalogue import Catalogue  # noqa: E402
from catalogue_app.demo.builder import create_demo_catalogue  # noqa: E402
from catalogue_app.settings import BACKUP_FOLDER, LAST_BACKUP_AT  # noqa: E402

TICK_MS = 5


def longest_pause(app: QApplication, busy, seconds: float | None = None) -> tuple[float, float]:
    """(longest gap between timer ticks in ms, elapsed s) while busy() is true, or for
    seconds."""
    last, worst, start = time.perf_counter(), 0.0, time.perf_counter()

    def tick() -> None:
        nonlocal last, worst
        now = time.perf_counter()
        worst = max(worst, now - last)
        last = now
        done = (now - start >= seconds) if seconds is not None else not busy()
        if done:
            app.quit()

    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    timer.stop()
    return worst * 1000, time.perf_counter() - start


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="bench-backup-window-"))
    try:
        catalogue = Catalogue.open(work / "catalogue")
        create_demo_catalogue(catalogue)
        (work / "usb-key").mkdir()
        catalogue.change_setting(BACKUP_FOLDER, str(work / "usb-key"))
        catalogue.change_setting(LAST_BACKUP_AT, "2999-01-01T00:00:00")  # none due at opening
        window = MainWindow(catalogue)
        window.show()
        longest_pause(app, None, seconds=2.0)  # first paint and start-up work settle
        actions = window.backup_actions
        for label in ("first backup (every image copied)", "next backup (no new image)"):
            actions.back_up()
            during, elapsed = longest_pause(app, lambda: actions.job is not None)
            idle, _ = longest_pause(app, None, seconds=elapsed)
            print(f"{label}: {elapsed:.2f} s; longest pause {during:.0f} ms while backing up, "
                  f"{idle:.0f} ms idle (ratio {during / max(idle, 1):.1f})")
        window.reopening = True  # no backup on closing
        window.close()
        catalogue.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
