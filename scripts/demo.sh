#!/usr/bin/env bash
# Set everything up, then open the app on the demo catalogue (created on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/catalogue-app --demo "$@"
