"""Récolement at the shelf (issue 18) on a 70,000-record catalogue, half of it already checked
in the campaign: the machine time of one check in the real récolement window (offscreen), from
the Enter that ends the typed number to the number box empty and focused for the next one,
split into opening the record (with its primary image) and recording the check; how long the
progress, counted off the GUI thread, takes to show; and the keystrokes a check takes.
Baseline of the same run: a one-row write transaction on the same file (the floor of any write
on this disk).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/recolement.py [--records 70000]

Target: a check <= 1 s of machine time."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image as PILImage  # noqa: E402
from PySide6.QtCore import Qt, QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bench.catalogues import generated_catalogue  # noqa: E402
from bench.record_editing import bench_one_row_writes, percentiles  # noqa: E402
from catalogue_app.catalogue import Catalogue  # noqa: E402
from catalogue_app.clock import now_iso  # noqa: E402
from catalogue_app.images.attach import AttachRequest  # noqa: E402
from ui.recolement.check_window import RecolementWindow  # noqa: E402


def check_half(catalogue: Catalogue, campaign_id: str, dice: random.Random) -> None:
    """Half the records found or not in the campaign already, written as the checks the core
    writes (set-based: going through the window 35,000 times would take the bench an hour)."""
    with catalogue.writing() as session:
        ids = list(session.scalars(text("SELECT id FROM records")))
        rows = [{"id": record_id, "checks": json.dumps([{
            "id": str(uuid.uuid4()), "campaign_id": campaign_id, "date": now_iso(),
            "user": "bench", "result": "found" if dice.random() < 0.97 else "not_found",
            "conforms": True, "differences": "", "state": "good", "marked": True,
            "location_id": "", "location": "", "note": "", "images": []}])}
            for record_id in dice.sample(ids, len(ids) // 2)]
        session.execute(text("UPDATE records SET recolement_checks = :checks WHERE id = :id"),
                        rows)


def numbers_to_check(catalogue: Catalogue, count: int, dice: random.Random) -> list[str]:
    with catalogue.reading() as session:
        unchecked = list(session.execute(text(
            "SELECT id, inventory_number FROM records WHERE recolement_checks = '[]'")))
    return dice.sample(unchecked, count)


def attach_pictures(catalogue: Catalogue, chosen: list, work: Path) -> None:
    """A photograph of each object checked, as its primary image (a 3000 x 2000 JPEG)."""
    picture = work / "photo.jpg"
    PILImage.effect_noise((3000, 2000), 60).convert("RGB").save(picture, quality=90)
    requests = []
    for record_id, number in chosen:
        copy = work / f"{number.replace('/', '_')}.jpg"
        shutil.copy(picture, copy)
        with copy.open("ab") as f:  # a different file (sha256) per object
            f.write(number.encode())
        requests.append(AttachRequest(str(copy), record_id))
    catalogue.attach(requests)


def one_check(window: RecolementWindow, number: str, decision: Qt.Key
              ) -> tuple[float, float, float]:
    """Type the number, Enter, then at once the decision key (the worst case: the preview is
    still being made); (open, record) in ms from each Enter, and how long after the number
    box is ready the progress shows, counted off the GUI thread while the next number is typed.
    """
    QTest.keyClicks(window.number_box, number)
    started = time.perf_counter()
    QTest.keyClick(window.number_box, Qt.Key.Key_Return)
    QApplication.processEvents()
    opened = time.perf_counter()
    assert window.record is not None and window.record["inventory_number"] == number
    QTest.keyClick(window.decision, decision)
    QApplication.processEvents()
    ready = time.perf_counter()
    assert window.record is None and QApplication.focusWidget() is window.number_box
    while window.progress_pending:
        QApplication.processEvents()
        time.sleep(0.001)
    shown = time.perf_counter()
    QThreadPool.globalInstance().waitForDone()  # the preview, made while a human types
    return (opened - started) * 1000, (ready - opened) * 1000, (shown - ready) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    dice = random.Random(18)
    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(generated_catalogue(args.records), work / "catalogue")
        catalogue = Catalogue.open(work / "catalogue", user="bench")
        campaign = catalogue.start_campaign("Récolement décennal", plan="2026-2035").result
        check_half(catalogue, campaign.id, dice)
        chosen = numbers_to_check(catalogue, args.rounds + 5, dice)
        attach_pictures(catalogue, chosen, work)
        window = RecolementWindow(catalogue, lambda _changes: None)
        window.reload_campaigns(select=campaign.id)
        window.show()
        window.activateWindow()
        app.processEvents()
        before = catalogue.campaign_progress(campaign.id)
        print(f"catalogue: {catalogue.record_count()} records; campaign: {before.total} to "
              f"check, {before.checked} checked")

        for _record_id, number in chosen[:5]:  # warm the page cache
            one_check(window, number, Qt.Key.Key_Return)
        opens, records, totals, counts, keys = [], [], [], [], []
        for i, (_record_id, number) in enumerate(chosen[5:]):
            decision = Qt.Key.Key_N if i % 10 == 9 else Qt.Key.Key_Return
            opened, recorded, counted = one_check(window, number, decision)
            opens.append(opened)
            records.append(recorded)
            totals.append(opened + recorded)
            counts.append(counted)
            keys.append(len(number) + 2)  # the number, Enter, Enter (found) or N
        floor = bench_one_row_writes(catalogue, args.rounds)
        after = catalogue.campaign_progress(campaign.id)
        assert after.checked == before.checked + len(chosen)
        (o50, o95), (r50, r95), (t50, t95), (c50, c95) = map(
            percentiles, (opens, records, totals, counts))
        floor95 = percentiles(floor)[1]
        print(f"a check, Enter after the number to the next number ready: p50 {t50:.0f} ms, "
              f"p95 {t95:.0f} ms (target <= 1000 ms); open the record with its image p50 "
              f"{o50:.0f} ms, p95 {o95:.0f} ms; record the check p50 {r50:.0f} ms, p95 "
              f"{r95:.0f} ms")
        print(f"the campaign's progress ({args.records:,} records counted off the GUI thread) "
              f"shows p50 {c50:.0f} ms, p95 {c95:.0f} ms after the number box is ready")
        print(f"keystrokes per check: {statistics.mean(keys):.1f} on average (the number, "
              f"Enter, then Enter for found or N for not found; + 1 to say the state)")
        print(f"baseline: one-row write transaction p95 {floor95:.1f} ms; a check's p95 is "
              f"{t95 / floor95:.0f}x it")
        window.close()
        catalogue.close()


if __name__ == "__main__":
    main()
