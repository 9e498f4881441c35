#!/usr/bin/env bash
# Build the desk application for Linux: a one-folder PyInstaller build in dist/catalogue-app/
# and a Debian package dist/catalogue-app_VERSION_ARCH.deb. Always built afresh from the
# working tree (about half a minute), so what is tested is what the sources say.
# Then run its smoke test: .venv/bin/python -m pytest tests/build (CI does both).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
.venv/bin/python -m pip install -q -e '.[build]'

start=$(date +%s)
rm -rf build/pyinstaller dist/catalogue-app
.venv/bin/pyinstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/catalogue-app.spec
bash packaging/linux/check-libraries.sh dist/catalogue-app
bash packaging/linux/make-deb.sh dist/catalogue-app dist
echo "build: $(( $(date +%s) - start )) s; dist/catalogue-app: $(du -sm dist/catalogue-app | cut -f1) MB;" \
     "$(basename dist/*.deb): $(( $(stat -c %s dist/*.deb) / 1048576 )) MB" >&2
