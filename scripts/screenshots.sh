#!/usr/bin/env bash
# Regenerate the pictures made by the app itself (--smoke-test --screenshot, once the window is
# idle) on the demo catalogue, made in a temporary folder:
#   docs/screenshot.png, docs/screenshot_fr.png   the README's window, in English and French
#   docs/guide/images/NAME.png                    the French user guide's, at 1280×800: the
#                                                 window, or a dialog over it (--dialog NAME)
# Look at them before committing: they are what the guide shows.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
shoot() {  # shoot FILE LANG [--dialog NAME]
    local out=$1 lang=$2
    shift 2
    timeout 300 .venv/bin/catalogue-app --demo --catalogue "$demo/catalogue" --smoke-test \
        --screenshot "$out" --size 1280x800 --lang "$lang" "$@" >/dev/null
}
shoot docs/screenshot.png en
shoot docs/screenshot_fr.png fr
guide=docs/guide/images
mkdir -p "$guide"
# Backups set up, with one made, as a desk that followed the guide has them.
mkdir "$demo/usb-key"
.venv/bin/python - "$demo" <<'PYTHON'
import sys
from catalogue_app.catalogue import Catalogue
from catalogue_app.settings import BACKUP_FOLDER
from catalogue_app.storage.automatic_backup import back_up_to_chosen_folder
catalogue = Catalogue.open(f"{sys.argv[1]}/catalogue")
catalogue.change_setting(BACKUP_FOLDER, f"{sys.argv[1]}/usb-key")
back_up_to_chosen_folder(catalogue)
catalogue.close()
PYTHON
shoot "$guide/fenetre.png" fr
for name in first-run first-run-museum first-run-join first-run-name first-run-start record \
            search import sync-settings backups restore settings museum about shortcuts \
            locations move typed-locations; do
    shoot "$guide/$name.png" fr --dialog "$name"
done
echo "docs/screenshot.png, docs/screenshot_fr.png and $guide/*.png written"
