#!/usr/bin/env bash
# Regenerate the README's pictures of the window: the demo catalogue (made in a temporary
# folder), saved by the app itself once idle (--smoke-test --screenshot), in English and French.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
for lang in en fr; do
    suffix=$([ "$lang" = en ] && echo "" || echo "_$lang")
    .venv/bin/catalogue-app --demo --catalogue "$demo/catalogue" --smoke-test \
        --screenshot "docs/screenshot$suffix.png" --size 1280x800 --lang "$lang" >/dev/null
done
echo "docs/screenshot.png, docs/screenshot_fr.png written"
