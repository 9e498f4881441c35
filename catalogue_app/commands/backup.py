import argparse
import sys
from pathlib import Path

from catalogue_app.messages import declare

BACKED_UP = declare("backup.done", "Backed up {records} records and {images} originals to {out}.")

NAME = "backup"
HELP = "write a consistent copy of the catalogue (database and images) to a new folder"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", type=Path, metavar="OUT", help="new or empty folder for the copy")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.storage.backup import backup_catalogue

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        records, images = backup_catalogue(catalogue, args.out)
    finally:
        catalogue.close()
    print(BACKED_UP(records=records, images=images, out=args.out), file=sys.stderr)
    return 0
