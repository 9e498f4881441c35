"""Reading records out in bulk (issue 13): the one reader against the code before it.

On a generated catalogue of N records (default 69,000), in the same run, for this tree and
for a baseline commit (checked out in a temporary git worktree):

- CSV export of the whole catalogue (export_catalogue, the app's CSV);
- the desk's side of a first push: every record written down as wire batches (write_batches,
  1,000 records per transaction as the sync engine does, rolled back).

Each measure runs in a process of its own, on the tree's own copy of the catalogue, the two
trees taking turns (so that a busy machine slows both alike); medians of 3 turns.

    .venv/bin/python bench/record_io.py [--records 69000] [--baseline 9dd4659]

9dd4659 is the last commit with three record assemblers (store, exports, sync wire)."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.catalogues import generated_catalogue  # noqa: E402

# Run inside the tree measured (its directory first on sys.path): prints the figures as JSON.
_MEASURE = r"""
import json, sys, time
from pathlib import Path
from catalogue_app.catalogue import Catalogue
from catalogue_app.exchange.export import export_catalogue
from catalogue_app.sync import outbox
from catalogue_app.sync.push import write_batches

catalogue = Catalogue.open(Path(sys.argv[1]))
out = Path(sys.argv[1]) / "export.csv"
started = time.perf_counter()
count = export_catalogue(catalogue, "csv", out)
export = time.perf_counter() - started
with catalogue.reading() as session:
    pending = outbox.sendable(session)
started = time.perf_counter()
for start in range(0, len(pending), 1000):
    try:
        with catalogue.writing() as session:
            write_batches(session, pending[start:start + 1000])
            session.flush()
            raise LookupError("roll back: the catalogue stays as generated")
    except LookupError:
        pass
print(json.dumps({"exported": count, "pending": len(pending), "export": export,
                  "push": time.perf_counter() - started}))
"""


def measure(tree: Path, copy: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(tree)!r})\n{_MEASURE}",
         str(copy)], capture_output=True, text=True, cwd=tree, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=69_000)
    parser.add_argument("--baseline", default="9dd4659")
    args = parser.parse_args()
    catalogue = generated_catalogue(args.records)
    with tempfile.TemporaryDirectory(prefix="bench-record-io-") as temp:
        scratch = Path(temp)
        baseline_tree = scratch / "baseline"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q",
                        str(baseline_tree), args.baseline], check=True)
        trees = {"before": baseline_tree, "after": REPO}
        copies = {side: scratch / f"catalogue-{side}" for side in trees}
        turns: dict[str, list[dict[str, float]]] = {side: [] for side in trees}
        try:
            for copy in copies.values():
                shutil.copytree(catalogue, copy)
            for _turn in range(3):
                for side, tree in trees.items():
                    turns[side].append(measure(tree, copies[side]))
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                            str(baseline_tree)], check=True)
    before, after = ({key: statistics.median(t[key] for t in turns[side])
                      for key in ("export", "push")} for side in ("before", "after"))
    last = turns["after"][-1]
    print(f"{last['exported']} records exported, {last['pending']} pending a first push")
    for key, label in (("export", "CSV export"), ("push", "push: batches written")):
        print(f"{label:24} baseline {args.baseline} {before[key]:6.2f} s   this tree"
              f" {after[key]:6.2f} s   ratio {after[key] / before[key]:.2f}")


if __name__ == "__main__":
    main()
