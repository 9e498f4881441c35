#!/usr/bin/env bash
# Set everything up, check the code with ruff (failing on any finding), then run the whole test
# suite headless. The regional base tests also run against PostgreSQL when CATALOGUE_TEST_PG_URL
# is set (CI sets it), and on SQLite always.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
