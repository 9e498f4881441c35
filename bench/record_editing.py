"""Record editing figures (issue 4) on a 70,000-record catalogue:

- save of an edited record with its field-level history, as the window saves it (one write
  transaction: drop the draft, update the record), p50/p95 over random records, split into the
  SQL work and the commit (the disk sync of synchronous=FULL), beside a one-row write
  transaction on the same file (the floor of any save on this disk);
- vocabulary autocomplete over a 100,000-term people vocabulary, as the form asks for it (a read
  session per keystroke, prefixes of 1 to 4 letters typed with or without accents), beside a
  bare `SELECT 1` read session.

    .venv/bin/python bench/record_editing.py [--records 70000] [--terms 100000]

Targets: save <= 30 ms p95, autocomplete <= 10 ms p95."""

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select, text  # noqa: E402

from bench.catalogues import generated_catalogue  # noqa: E402
from catalogue_app.catalogue import Catalogue  # noqa: E402
from catalogue_app.folding import fold  # noqa: E402
from catalogue_app.records.drafts import discard_draft  # noqa: E402
from catalogue_app.records.store import update_record  # noqa: E402
from catalogue_app.vocabulary.terms import suggest  # noqa: E402
from db.local.models import Record, Term  # noqa: E402

FIRST = ("Jean", "Marie", "Élise", "Étienne", "Louis", "Anne", "Hélène", "Gaston", "Zoé",
         "Aimé", "Céline", "Désiré", "Françoise", "Jérôme", "Noël", "Océane", "Ursule")
LAST_SYLLABLES = ("ber", "ché", "dou", "fa", "gre", "lé", "mar", "nor", "pé", "ro", "sa",
                  "thé", "vi", "zè", "mont", "cour", "ville", "ot", "in", "and")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def add_people(catalogue: Catalogue, count: int, dice: random.Random) -> None:
    rows = []
    for _ in range(count):
        last = "".join(dice.choice(LAST_SYLLABLES) for _ in range(dice.randint(2, 4))).title()
        label = f"{last}, {dice.choice(FIRST)}"
        rows.append(dict(id=str(uuid.uuid4()), vocabulary="person", label=label,
                         search_key=fold(label), source="local"))
    with catalogue.writing() as session:
        session.execute(insert(Term), rows)


def bench_saves(catalogue: Catalogue, dice: random.Random, rounds: int
                ) -> tuple[list[float], list[float]]:
    """Whole saves, and their SQL part (before the commit)."""
    with catalogue.reading() as session:
        ids = list(session.scalars(select(Record.id)))
    totals, statements = [], []
    for i in range(rounds):
        record_id = dice.choice(ids)
        started = time.perf_counter()
        with catalogue.writing() as session:
            discard_draft(session, record_id)
            update_record(session, record_id, {
                "designation": f"objet modifié {i}", "materials": ["bois", f"matière {i}"],
                "observations": f"Révisé ; passe {i}\nvu en réserve"}, "bench")
            session.flush()
            statements.append((time.perf_counter() - started) * 1000)
        totals.append((time.perf_counter() - started) * 1000)
    return totals, statements


def bench_one_row_writes(catalogue: Catalogue, rounds: int) -> list[float]:
    samples = []
    for i in range(rounds):
        started = time.perf_counter()
        with catalogue.writing() as session:
            session.execute(text("INSERT OR REPLACE INTO settings (key, value) "
                                 "VALUES ('bench', :v)"), {"v": str(i)})
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def bench_suggest(catalogue: Catalogue, dice: random.Random, rounds: int
                  ) -> tuple[list[float], list[float], float]:
    samples, floor, hits = [], [], 0
    with catalogue.reading() as session:
        labels = list(session.scalars(select(Term.label).where(Term.vocabulary == "person")))
    for _ in range(rounds):
        label = dice.choice(labels)
        typed = label[:dice.randint(1, 4)]
        typed = typed.upper() if dice.random() < 0.3 else typed
        started = time.perf_counter()
        with catalogue.reading() as session:
            found = suggest(session, "person", typed)
        samples.append((time.perf_counter() - started) * 1000)
        hits += bool(found)
        started = time.perf_counter()
        with catalogue.reading() as session:
            session.execute(text("SELECT 1"))
        floor.append((time.perf_counter() - started) * 1000)
    return samples, floor, hits / rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=70_000)
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    dice = random.Random(4)
    with tempfile.TemporaryDirectory() as work:
        directory = Path(work) / "catalogue"
        shutil.copytree(generated_catalogue(args.records), directory)
        catalogue = Catalogue.open(directory)
        add_people(catalogue, args.terms, dice)
        with catalogue.reading() as session:
            people = session.scalar(text("SELECT count(*) FROM terms WHERE vocabulary='person'"))
        print(f"catalogue: {catalogue.record_count()} records, {people} people terms")

        bench_saves(catalogue, dice, 20)  # warm the page cache
        saves, statements = bench_saves(catalogue, dice, args.rounds)
        floor = bench_one_row_writes(catalogue, args.rounds)
        (p50, p95), floor_p95 = percentiles(saves), percentiles(floor)[1]
        sql50, sql95 = percentiles(statements)
        print(f"save edited record with history: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
              f"(target <= 30 ms); SQL before the commit p50 {sql50:.1f} ms, p95 {sql95:.1f} ms; "
              f"one-row write transaction p95 {floor_p95:.1f} ms, ratio {p95 / floor_p95:.1f}x")

        completions, reads, hit_rate = bench_suggest(catalogue, dice, args.rounds * 3)
        (p50, p95), floor_p95 = percentiles(completions), percentiles(reads)[1]
        print(f"autocomplete over {people} terms: p50 {p50:.2f} ms, p95 {p95:.2f} ms "
              f"(target <= 10 ms; bare read session p95 {floor_p95:.2f} ms, "
              f"ratio {p95 / floor_p95:.1f}x; "
              f"{hit_rate:.0%} of prefixes found terms)")
        catalogue.close()


if __name__ == "__main__":
    main()
