"""Search and large-catalogue figures (issue 6): search latency over 30 queries of varied
selectivity beside a raw sqlite3 FTS5 ranked query for the same terms on the same file and
the object list's time to show the same search, then the time from an open database to the
first painted rows of the object list (and until the window is idle again), with memory.

    .venv/bin/python bench/search.py [--sizes 70000 500000] [--cache /tmp/bench-cache]

Catalogues are generated once (catalogue_app.demo.generator, French records) and cached."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = (
    # most records: one letter, stop-word-like, prefixes of common words
    "a", "e", "de", "la", "et", "1", "c*", "de la",
    # broad to middling
    "bois", "photographie", "textile", "theme:textile", "public:yes", "year:1850..1900",
    "dentelle OR broderie", "material:soie", "phot* -carte",
    # narrow
    "coiffe caen", "ceramique", '"point d\'Alençon"', "author:boudin", "Monet",
    "négatif verre étretat", "faïence rouen", "bonnet de nuit", "moule à beurre",
    "1997.1.1", "inv:1997.1*", "portrait femme coiffe", "xyzzy",
)
REPEATS = 5
PAGE = 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[70_000])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench-cache"))
    parser.add_argument("--open-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_only:
        print(json.dumps(_open_to_first_paint(args.open_only)))
        return
    for size in args.sizes:
        directory = args.cache / f"search-{size}"
        _ensure_catalogue(directory, size)
        _search_figures(directory, size)
        _open_figures(directory, size)


def _ensure_catalogue(directory: Path, size: int) -> None:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.demo.generator import generate_records
    from catalogue_app.records.store import insert_records

    if (directory / "complete").exists():
        return
    print(f"generating {size:,} records in {directory} (once; cached)...", flush=True)
    catalogue = Catalogue.open(directory)
    catalogue.set_museum("BENCH", "Musée de mesure")
    start = time.perf_counter()
    batch: list[dict] = []
    for record in generate_records(size, seed=70):
        batch.append(record)
        if len(batch) == 10_000:
            _insert(catalogue, batch, insert_records)
            batch = []
    if batch:
        _insert(catalogue, batch, insert_records)
    print(f"  inserted and indexed in {time.perf_counter() - start:.1f} s "
          f"({size / (time.perf_counter() - start):,.0f} records/s)")
    catalogue.close()
    (directory / "complete").touch()


def _insert(catalogue, batch: list[dict], insert_records) -> None:
    with catalogue.writing() as session:
        insert_records(session, batch, "bench")


def _search_figures(directory: Path, size: int) -> None:
    from PySide6.QtCore import QCoreApplication

    from catalogue_app.catalogue import Catalogue
    from catalogue_app.search.listing import driver_connection, list_rows
    from catalogue_app.search.query import parse
    from catalogue_app.search.service import search

    _app = QCoreApplication.instance() or QCoreApplication([])  # the list model needs one
    catalogue = Catalogue.open(directory)
    raw = sqlite3.connect(directory / "catalogue.sqlite")
    ours, theirs, listed, lines = [], [], [], []
    with catalogue.reading() as session:
        for query in QUERIES:
            timings = []
            for _ in range(REPEATS):
                start = time.perf_counter()
                result = search(session, query, limit=PAGE)
                list_rows(driver_connection(session), result.ids)
                timings.append((time.perf_counter() - start) * 1000)
            ms = statistics.median(timings)
            ours.append(ms)
            match = parse(query).match()
            raw_ms = None
            if match:
                raw_timings = []
                for _ in range(REPEATS):
                    start = time.perf_counter()
                    raw.execute("SELECT rowid FROM record_search WHERE record_search MATCH ? "
                                "ORDER BY rank LIMIT ?", (match, PAGE)).fetchall()
                    raw_timings.append((time.perf_counter() - start) * 1000)
                raw_ms = statistics.median(raw_timings)
                theirs.append(raw_ms)
            order = "ranked" if result.ranked else "entry"
            raw_text = "-" if raw_ms is None else f"{raw_ms:8.2f}"
            listed.append(_list_ms(catalogue, query))
            lines.append(f"  {query[:28]:28} {result.total:>8,} {order:>7} {ms:8.2f} {raw_text:>9}"
                         f" {listed[-1]:8.2f}")
    raw.close()
    catalogue.close()
    print(f"\nsearch, {size:,} records ({REPEATS} runs each, median; ms = parse + query + "
          f"fetch {PAGE} rows; list = the object list counts it and shows its first rows)")
    print(f"  {'query':28} {'matches':>8} {'order':>7} {'ms':>8} {'raw FTS5':>9} {'list':>8}")
    print("\n".join(lines))
    print(f"  ours:     p50 {_pct(ours, 50):6.2f} ms   p95 {_pct(ours, 95):6.2f} ms   "
          f"max {max(ours):6.2f} ms")
    print(f"  list:     p50 {_pct(listed, 50):6.2f} ms   p95 {_pct(listed, 95):6.2f} ms   "
          f"max {max(listed):6.2f} ms")
    print(f"  raw FTS5 ranked (ORDER BY rank LIMIT {PAGE}, {len(theirs)} text queries): "
          f"p50 {_pct(theirs, 50):6.2f} ms   p95 {_pct(theirs, 95):6.2f} ms   "
          f"max {max(theirs):6.2f} ms")


def _list_ms(catalogue, query: str) -> float:
    """Median time for the object list to take the search and fetch its first page of rows."""
    from catalogue_app.search.list_filter import ListFilter
    from ui.object_list_model import ObjectListModel

    model = ObjectListModel(catalogue)
    timings = []
    for _ in range(REPEATS):
        model.set_filter(ListFilter())
        start = time.perf_counter()
        model.set_filter(ListFilter(query))
        model.row_at(0)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _pct(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def _open_figures(directory: Path, size: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, __file__, "--open-only", str(directory)],
                            capture_output=True, text=True, env=env, check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"\nopen, {size:,} records: database open {figures['open_ms']:.0f} ms, then window "
          f"to first painted rows {figures['first_paint_ms']:.0f} ms "
          f"({figures['page_fetches']} page(s) read), idle again at {figures['idle_ms']:.0f} ms "
          f"(the other ids, the panels' counts); RSS {figures['rss_mb']:.0f} MB\n")


def _open_to_first_paint(directory: Path) -> dict:
    import psutil
    from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from catalogue_app.catalogue import Catalogue
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    catalogue = Catalogue.open(directory)
    opened = time.perf_counter()
    painted: list[float] = []
    idle: list[float] = []

    def on_idle() -> None:  # the event loop has nothing left to do after the first paint
        idle.append(time.perf_counter())
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(0.0)
                app.postEvent(self, QEvent(QEvent.Type.User))
            return False

        def event(self, event) -> bool:  # runs right after the paint returned
            if event.type() == QEvent.Type.User:
                painted[0] = time.perf_counter()
                QAbstractEventDispatcher.instance().aboutToBlock.connect(on_idle)
                return True
            return super().event(event)

    window = MainWindow(catalogue)
    watcher = FirstPaint()
    window.table.viewport().installEventFilter(watcher)
    window.show()
    app.exec()
    figures = {"open_ms": (opened - start) * 1000, "first_paint_ms": (painted[0] - opened) * 1000,
               "idle_ms": (idle[0] - opened) * 1000,
               "page_fetches": window.model.page_fetches,
               "rss_mb": psutil.Process().memory_info().rss / 2**20}
    catalogue.close()
    return figures


if __name__ == "__main__":
    main()
