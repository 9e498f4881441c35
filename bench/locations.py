"""Locations and movements (issue 18): on a catalogue of N records (default 70,000) with 10
movements each among 6,000 places (2 sites > 3 buildings > 10 rooms > 20 pieces of furniture
> 5 shelves), the time of

- opening a record's movement history (Catalogue.movements, what the form and the récolement
  show), for random records;
- listing a room's contents, everything on its furniture and shelves included
  (Catalogue.records_in: ~1,170 objects a room), for random rooms;
- baseline, in the same run and the same way (one verb call, its own session): a plain
  primary-key lookup of one record's number.

p50/p95 of each over --samples calls (targets: p95 <= 20 ms), with the ratio to the baseline's;
then one move of a shelf's worth of objects (200) in one transaction, and placing a typed
location shared by 1,000 records, each timed once.

    .venv/bin/python bench/locations.py [--records 70000] [--samples 500]

The catalogue is generated once per schema revision under /tmp/bench-cache and copied for each
run (the moves change it)."""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from bench.catalogues import cached_catalogue, insert_in_chunks  # noqa: E402
from catalogue_app.catalogue import Catalogue  # noqa: E402
from catalogue_app.clock import now_iso  # noqa: E402
from catalogue_app.demo.generator import generate_records  # noqa: E402
from catalogue_app.locations.paths import join_path  # noqa: E402
from catalogue_app.records.fields import choice_codes  # noqa: E402
from db.local.models import Location  # noqa: E402
from db.local.models import Record as RecordRow  # noqa: E402

LEVELS = (("site", "Site", 2), ("building", "Bâtiment", 3), ("room", "Salle", 10),
          ("furniture", "Armoire", 20), ("shelf", "Étagère", 5))
MOVES = 10


def build_places(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """The hierarchy, written directly (6,000 rows); (id, path) of each place by kind."""
    by_kind: dict[str, list[tuple[str, str]]] = {kind: [] for kind, _name, _n in LEVELS}
    now = now_iso()
    rows = []

    def add(parent: str | None, names: list[str], depth: int) -> None:
        kind, name, count = LEVELS[depth]
        for n in range(1, count + 1):
            place_id, path = str(uuid.uuid4()), [*names, f"{name} {n}"]
            rows.append(Location(id=place_id, parent_id=parent, name=f"{name} {n}",
                                 code=f"{kind[:2].upper()}-{len(rows)}", kind=kind,
                                 position=n, modified_at=now))
            by_kind[kind].append((place_id, join_path(path)))
            if depth + 1 < len(LEVELS):
                add(place_id, path, depth + 1)

    add(None, [], 0)
    with catalogue.writing() as session:
        session.add_all(rows)
    return by_kind


def seeded_catalogue(count: int) -> Path:
    def fill(catalogue: Catalogue) -> str:
        shelves = build_places(catalogue)["shelf"]
        reasons = choice_codes("movements")
        dice = random.Random(18)
        insert_in_chunks(catalogue, (_moved(record, shelves, reasons, dice)
                                     for record in generate_records(count, seed=70)))
        return f"seeded {count} records x {MOVES} movements"

    return cached_catalogue(f"locations-{count}", fill)


def _moved(record: dict, shelves: list[tuple[str, str]], reasons: tuple[str, ...],
           dice: random.Random) -> dict:
    """The record after MOVES movements between random shelves, the last where it is."""
    places = [dice.choice(shelves) for _ in range(MOVES)]
    record["movements"] = [
        {"id": str(uuid.uuid4()), "date": f"{2000 + n * 2}-0{1 + n % 9}-1{n % 9}",
         "from": places[n - 1][1] if n else record["current_location"],
         "from_id": places[n - 1][0] if n else "", "to": path, "to_id": place_id,
         "reason": dice.choice(reasons), "user": "bench", "note": ""}
        for n, (place_id, path) in enumerate(places)]
    record["current_location"] = places[-1][1]
    return record


def timed(call, arguments: list) -> list[float]:
    times = []
    for argument in arguments:
        started = time.perf_counter()
        call(argument)
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(name: str, times: list[float], baseline: float | None = None) -> str:
    p50 = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[18]
    ratio = f"  {p95 / baseline:5.1f}x baseline p95" if baseline else ""
    return f"{name:34} p50 {p50:6.2f} ms  p95 {p95:6.2f} ms{ratio}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--samples", type=int, default=500)
    args = parser.parse_args()
    source = seeded_catalogue(args.records)
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch) / "catalogue"
        shutil.copytree(source, directory)
        catalogue = Catalogue.open(directory)
        with catalogue.reading() as session:
            ids = list(session.scalars(select(RecordRow.id)))
            rooms = list(session.scalars(select(Location.id).where(Location.kind == "room")))
            shelves = list(session.scalars(select(Location.id).where(Location.kind == "shelf")))
        dice = random.Random(2026)
        records = [dice.choice(ids) for _ in range(args.samples)]
        chosen_rooms = [dice.choice(rooms) for _ in range(args.samples)]

        def primary_key(record_id: str) -> str:
            with catalogue.reading() as session:
                return session.scalar(select(RecordRow.inventory_number)
                                      .where(RecordRow.id == record_id))

        for call, sample in ((primary_key, records), (catalogue.movements, records),
                             (catalogue.records_in, chosen_rooms)):
            timed(call, sample[:50])  # warm the caches and the connection pool
        baseline = timed(primary_key, records)
        history = timed(catalogue.movements, records)
        contents = timed(catalogue.records_in, chosen_rooms)
        sizes = [len(catalogue.records_in(room)) for room in chosen_rooms[:20]]
        base_p95 = statistics.quantiles(baseline, n=20)[18]
        print(f"{args.records} records x {MOVES} movements, {len(shelves)} shelves, "
              f"{len(rooms)} rooms (~{statistics.mean(sizes):.0f} objects a room); "
              f"{args.samples} calls each")
        print(summary("baseline: primary-key lookup", baseline))
        print(summary("a record's movement history", history, base_p95))
        print(summary("a room's contents (and below)", contents, base_p95))
        shelf = dice.choice(shelves)
        started = time.perf_counter()
        catalogue.move(ids[:200], shelf, reason="storage", date="2026-12-03")
        print(f"move 200 objects in one transaction: {time.perf_counter() - started:.2f} s")
        with catalogue.writing() as session:
            for row in session.scalars(select(RecordRow).where(RecordRow.id.in_(ids[200:1200]))):
                row.current_location, row.current_location_id = "Réserve, armoire 2", None
        started = time.perf_counter()
        placed = catalogue.place_free_location("Réserve, armoire 2", shelf)
        print(f"place a typed location shared by {len(placed.changed)} records: "
              f"{time.perf_counter() - started:.2f} s")
        catalogue.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
