#!/usr/bin/env bash
# macOS build, UNTESTED: the PyInstaller .app bundle (packaging/catalogue-app.spec makes
# dist/Catalogue.app on macOS), then a compressed disk image with the usual Applications link.
# Run from the repository root with Python 3.11+ (python.org or Homebrew). Unsigned: a museum's
# IT signs and notarises it with their Apple Developer ID (codesign, xcrun notarytool).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q -e '.[build]'
.venv/bin/pyinstaller --noconfirm --workpath build/pyinstaller --distpath dist \
    packaging/catalogue-app.spec
version=$(.venv/bin/python -c "import catalogue_app; print(catalogue_app.__version__)")
staging=$(mktemp -d)
cp -R dist/Catalogue.app "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Catalogue $version" -srcfolder "$staging" -ov -format UDZO \
    "dist/catalogue-app-$version.dmg"
rm -rf "$staging"
