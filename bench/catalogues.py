"""Generated catalogues for the benchmarks, cached between runs (generation takes a while)."""

from __future__ import annotations

import itertools
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogue_app.catalogue import DB_FILE_NAME, Catalogue  # noqa: E402
from catalogue_app.demo.generator import generate_records  # noqa: E402
from catalogue_app.records.store import insert_records  # noqa: E402
from db.local.schema import HEAD_REVISION  # noqa: E402

CACHE = Path("/tmp/bench-cache")
CHUNK = 5_000


def generated_catalogue(count: int) -> Path:
    """A catalogue folder of count realistic records (built once per schema revision)."""
    directory = CACHE / f"catalogue-{count}-{HEAD_REVISION}"
    if (directory / DB_FILE_NAME).exists():
        return directory
    shutil.rmtree(directory, ignore_errors=True)
    started = time.perf_counter()
    catalogue = Catalogue.open(directory)
    catalogue.set_museum("BENCH", "Musée de mesure")
    records = generate_records(count, seed=70)
    while chunk := list(itertools.islice(records, CHUNK)):
        with catalogue.writing() as session:
            insert_records(session, chunk, "bench", record_history=False)
    catalogue.close()
    print(f"(generated {count} records in {time.perf_counter() - started:.0f} s)",
          file=sys.stderr)
    return directory
