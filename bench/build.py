"""The frozen build (issue 20 figures): build time, folder and .deb sizes, and start-up of the
built program to its first painted rows beside `python -m catalogue_app`, in the same run.

    .venv/bin/python bench/build.py [--no-build]     (--no-build: measure dist/ as it is)"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.startup import startup_ms  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BUILT = REPO / "dist" / "catalogue-app" / "catalogue-app"
RUNS = 7


def folder_mb(path: Path) -> float:
    """On disk: the build links some Qt libraries to a second name; count them once."""
    return sum(p.stat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def main() -> None:
    if "--no-build" not in sys.argv:
        started = time.perf_counter()
        subprocess.run(["bash", "scripts/build.sh"], cwd=REPO, check=True)
        print(f"build_s={time.perf_counter() - started:.0f} (scripts/build.sh: setup check, "
              "PyInstaller, library check, .deb)")
    print(f"folder_mb={folder_mb(BUILT.parent):.0f}")
    (deb,) = (REPO / "dist").glob("catalogue-app_*.deb")
    print(f"deb_mb={deb.stat().st_size / 1e6:.0f}")
    with tempfile.TemporaryDirectory() as scratch:
        demo = Path(scratch) / "demo"
        built = [str(BUILT), "--catalogue", str(demo), "--demo", "--smoke-test"]
        source = [sys.executable, "-m", "catalogue_app", "--catalogue", str(demo), "--demo",
                  "--smoke-test"]
        startup_ms(built)  # creates the demo catalogue, warms the file cache
        startup_ms(source)
        built_runs, source_runs = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            built_runs.append(startup_ms(built))
            source_runs.append(startup_ms(source))
    built_ms, source_ms = statistics.median(built_runs), statistics.median(source_runs)
    print(f"built_startup_ms_median={built_ms:.0f} (runs: {built_runs})")
    print(f"python_m_catalogue_app_startup_ms_median={source_ms:.0f} (runs: {source_runs})")
    print(f"ratio_built_to_python={built_ms / source_ms:.2f}")


if __name__ == "__main__":
    main()
