"""Generated catalogues for the benchmarks, cached between runs (generation takes a while)."""

from __future__ import annotations

import itertools
import shutil
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue  # noqa: E402
from catalogue_app.demo.generator import generate_records  # noqa: E402
from catalogue_app.records.store import insert_records  # noqa: E402
from db.local.schema import HEAD_REVISION  # noqa: E402

CACHE = Path("/tmp/bench-cache")
CHUNK = 5_000


def cached_catalogue(name: str, fill: Callable[[Catalogue], str]) -> Path:
    """The catalogue folder `name` under CACHE, made by `fill` once per schema revision (a
    70,000-record one takes minutes); `fill` says what it made, printed with the time taken."""
    directory = CACHE / f"{name}-{HEAD_REVISION}"
    if (directory / DB_FILE_NAME).exists():
        return directory
    shutil.rmtree(directory, ignore_errors=True)  # a build that was interrupted
    started = time.perf_counter()
    catalogue = Catalogue.open(directory)
    catalogue.set_museum("BENCH", "Musée de mesure")
    made = fill(catalogue)
    catalogue.close()
    print(f"({made} in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return directory


def insert_in_chunks(catalogue: Catalogue, records: Iterable[dict]) -> None:
    """CHUNK records a transaction, without history entries (nobody edited them)."""
    records = iter(records)
    while chunk := list(itertools.islice(records, CHUNK)):
        with catalogue.writing() as session:
            insert_records(session, chunk, "bench", record_history=False)


def generated_catalogue(count: int) -> Path:
    """A catalogue folder of count realistic records (built once per schema revision)."""
    def fill(catalogue: Catalogue) -> str:
        insert_in_chunks(catalogue, generate_records(count, seed=70))
        return f"generated {count} records"

    return cached_catalogue(f"catalogue-{count}", fill)
