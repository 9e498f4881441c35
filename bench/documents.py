"""The register as PDF (issue 13, the document engine): `catalogue-app export register` on a
generated catalogue, against `catalogue-app export csv` of the same catalogue in the same run
(both read every record the same way; the difference is laying out and drawing the pages).

Prints: entries, pages, seconds and peak resident memory of each command, their ratio, the
PDF's size and the load average. The register streams its rows twice (measure, then draw
with "page n / N"), so its memory must stay flat as the catalogue grows.

    .venv/bin/python bench/documents.py [--records 70000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.catalogues import generated_catalogue  # noqa: E402

# Runs one command and prints its peak RSS (the child's own, not the benchmark's).
TIMED = """
import resource, sys
from catalogue_app.cli import main
status = main(sys.argv[1:])
print(f"peak_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}",
      file=sys.stderr)
sys.exit(status)
"""


def run(*args: str) -> tuple[float, int, str]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", TIMED, *args], cwd=REPO, text=True,
                            capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": ""})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    rss = int(result.stderr.rsplit("peak_rss_mb=", 1)[1])
    return seconds, rss, result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=70_000)
    count = parser.parse_args().records
    catalogue = generated_catalogue(count)
    with tempfile.TemporaryDirectory() as out:
        pdf, csv = Path(out) / "register.pdf", Path(out) / "all.csv"
        csv_s, csv_rss, _ = run("--catalogue", str(catalogue), "export", "csv", str(csv))
        pdf_s, pdf_rss, said = run("--catalogue", str(catalogue), "export", "register",
                                   str(pdf))
        entries = said.split("Exported ", 1)[1].split(" ", 1)[0]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages"))
        size_mb = pdf.stat().st_size / 1e6
    print(f"records={count} register_entries={entries} pages={pages} pdf_mb={size_mb:.1f}")
    print(f"register_s={pdf_s:.1f} register_peak_rss_mb={pdf_rss}")
    print(f"csv_export_s={csv_s:.1f} csv_peak_rss_mb={csv_rss}")
    print(f"ratio_register_to_csv={pdf_s / csv_s:.1f}")
    print(f"load_average={' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
