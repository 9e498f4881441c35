import argparse
import sys
from pathlib import Path

from catalogue_app.messages import declare

RESTORED = declare(
    "restore.done",
    "Restored {records} records and {images} originals from {backup} into {folder}.")
SAFETY_COPY = declare(
    "restore.safety_copy", "The catalogue it replaced was kept as {path}.")

NAME = "restore"
HELP = ("put a backup back as the catalogue (refused while a window has it open); the "
        "database it replaces is kept as a safety copy, and a damaged backup is refused")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="BACKUP",
                        help="a backup: a dated folder of a backup folder, or a `backup` copy")
    parser.add_argument("--to", type=Path, metavar="DIR",
                        help="restore into this catalogue folder (default: the catalogue)")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.storage.restore import restore_backup

    folder = args.to or args.catalogue_dir
    restored = restore_backup(args.backup, folder)
    print(RESTORED(records=restored.records, images=restored.images, backup=args.backup,
                   folder=folder), file=sys.stderr)
    if restored.safety_copy:
        print(SAFETY_COPY(path=restored.safety_copy), file=sys.stderr)
    return 0
