import argparse
import sys
from pathlib import Path

from catalogue_app.messages import declare

BACKED_UP = declare("backup.done", "Backed up {records} records and {images} originals to {out}.")
ROTATED = declare(
    "backup.rotated",
    "Backed up {records} records and {images} originals to {out} ({copied} new original(s) "
    "copied); the folder keeps {kept} backup(s).")

NAME = "backup"
HELP = "write a consistent, verified copy of the catalogue (database and images)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT",
                        help="new or empty folder for the copy; with --rotate, the backup "
                             "folder to add a dated backup to")
    parser.add_argument("--rotate", action="store_true",
                        help="add a dated backup to the backup folder OUT, copying only new "
                             "originals, and keep 7 daily, 4 weekly and 12 monthly backups")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.storage.backup import backup_catalogue
    from catalogue_app.storage.backup_folder import BackupFolder

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        if args.rotate:
            folder = BackupFolder(args.out)
            made = folder.back_up(catalogue)
            print(ROTATED(records=made.records, images=made.images, out=made.folder,
                          copied=made.copied, kept=len(folder.backups())), file=sys.stderr)
        else:
            made = backup_catalogue(catalogue, args.out)
            print(BACKED_UP(records=made.records, images=made.images, out=args.out),
                  file=sys.stderr)
    finally:
        catalogue.close()
    return 0
