"""Spreadsheet import benchmark (issue 9): a 70,000-row CSV in the app's own format, with
multi-line fields and several values per row, imported by `catalogue-app import-csv` in a fresh
catalogue (crash-safe SQLite settings of design.md §10: WAL, synchronous=FULL), against a raw
sqlite3 executemany of the same rows into a plain table with a full-text index, in this run.

Prints: rows, import seconds, raw seconds, their ratio (also in CPU seconds, steadier on a
busy machine), peak resident memory of the import process, the load average. Targets:
import <= 30 s, ratio <= 10 (aim 5), peak RSS <= 500 MB.

    .venv/bin/python bench/import.py [--rows 70000]
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from catalogue_app.demo.generator import generate_records, theme_ids_by_path  # noqa: E402
from catalogue_app.exchange.csv_format import write_catalogue_csv  # noqa: E402


def write_source(path: Path, rows: int) -> None:
    """Generated records; every third one gets a multi-line inscription and description."""
    paths = {theme_id: path for path, theme_id in theme_ids_by_path().items()}

    def records():
        for n, record in enumerate(generate_records(rows, seed=9)):
            record["themes"] = sorted(paths[t] for t in record["themes"])
            if n % 3 == 0:
                record["inscriptions"] = "Étiquette ancienne :\n« n° 12 » ; au revers, \"B\""
                record["description"] = record["description"] + "\n\nSecond paragraphe ; détail."
            yield record

    with path.open("w", encoding="utf-8", newline="") as out:
        write_catalogue_csv(records(), out)


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def import_with_cli(source: Path, catalogue_dir: Path) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak RSS (MB) of `catalogue-app import-csv` in its own
    process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu_before = cpu_seconds(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "catalogue_app", "--catalogue",
                             str(catalogue_dir), "import-csv", str(source)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("import failed:\n" + result.stderr[-2000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_before
    return seconds, cpu, max(peak, before) / 1024


def raw_executemany(source: Path, db_path: Path) -> tuple[float, float]:
    """Seconds and CPU seconds to read the CSV and executemany it into a plain table plus an
    FTS5 index."""
    cpu_before = cpu_seconds(resource.RUSAGE_SELF)
    start = time.perf_counter()
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    with source.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        columns = ", ".join(f'"{name}"' for name in header)
        connection.execute(f"CREATE TABLE plain ({columns})")
        connection.execute("CREATE VIRTUAL TABLE plain_fts USING fts5(inventory, designation, "
                           "title, body, tokenize = 'unicode61 remove_diacritics 2')")
        marks = ", ".join("?" for _ in header)
        rows = list(reader)
    with connection:
        connection.executemany(f"INSERT INTO plain VALUES ({marks})", rows)
        connection.executemany(
            "INSERT INTO plain_fts (rowid, inventory, designation, title, body) "
            "VALUES (?, ?, ?, ?, ?)",
            ((n, r[0], r[7], r[18], " ".join(r)) for n, r in enumerate(rows, start=1)))
    connection.close()
    return time.perf_counter() - start, cpu_seconds(resource.RUSAGE_SELF) - cpu_before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=70_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        source = work / "objects.csv"
        write_source(source, args.rows)
        size_mb = os.path.getsize(source) / 1e6
        load_before = os.getloadavg()[0]
        import_seconds, import_cpu, peak_mb = import_with_cli(source, work / "catalogue")
        raw_seconds, raw_cpu = raw_executemany(source, work / "raw.sqlite")
    print(f"rows={args.rows} csv_mb={size_mb:.1f}")
    print(f"import_s={import_seconds:.1f} (target <= 30) cpu_s={import_cpu:.1f}")
    print(f"raw_executemany_fts_s={raw_seconds:.1f} cpu_s={raw_cpu:.1f}")
    print(f"ratio={import_seconds / raw_seconds:.1f} (target <= 10, aim 5) "
          f"cpu_ratio={import_cpu / raw_cpu:.1f}")
    print(f"import_peak_rss_mb={peak_mb:.0f} (target <= 500)")
    # The machine may be shared: the 1-minute load before and after tells how noisy this was.
    print(f"load_average={load_before:.1f} -> {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
