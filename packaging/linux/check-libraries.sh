#!/usr/bin/env bash
# Every binary of the build must find the libraries it links to, in the build or on the
# system: leaving a plugin's library out (packaging/bundle_pruning.py) must not leave a
# binary that Qt would fail to load on a desk.
set -euo pipefail
internal="$1/_internal"
export LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib"
missing=$(find "$1" -type f \( -name '*.so' -o -name '*.so.*' -o -name catalogue-app \) \
    -exec sh -c 'ldd "$1" 2>/dev/null | grep "not found" | sed "s|^|$1: |"' _ {} \;)
if [ -n "$missing" ]; then
    echo "libraries missing from the build:" >&2
    echo "$missing" >&2
    exit 1
fi
