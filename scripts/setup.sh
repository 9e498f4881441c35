#!/usr/bin/env bash
# Set up a fresh Debian/Ubuntu machine with Python 3.11+: the system libraries Qt needs, then
# a virtual environment in .venv with the application, the server and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# Runtime libraries of Qt (offscreen and a real X11/XWayland window) and a font.
QT_DEBS="libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0 fonts-dejavu-core"
# The PDF tests read the documents back with pdftotext, pdfinfo and pdfimages (and the QR
# codes of location labels with zbarimg); the portal's browser tests drive headless Chromium
# through Selenium and Debian's chromedriver.
TEST_DEBS="poppler-utils zbar-tools chromium chromium-driver"
# docs/deploy.md's files are checked with the tools museum IT runs them with: nginx -t,
# caddy validate, and a backup restored with pg_dump/pg_restore (PostgreSQL's client).
TEST_DEBS="$TEST_DEBS nginx-light caddy openssl postgresql-client"
missing=""
for deb in $QT_DEBS $TEST_DEBS; do
    dpkg -s "$deb" >/dev/null 2>&1 || missing="$missing $deb"
done
if [ -n "$missing" ] && command -v apt-get >/dev/null; then
    echo "Installing system libraries:$missing" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
# The IIIF tests read answers with iiif-prezi3's models. Its metadata pins Pillow<=12.0.0 for an
# image helper they do not use, which would downgrade the Pillow the application ships: it is
# installed without its dependencies (pydantic and requests come with the extras above).
.venv/bin/python -m pip install -q --no-deps 'iiif-prezi3==3.1.1'
