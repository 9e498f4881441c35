"""`catalogue-app location add PATH [--code C] [--kind K]` (design.md §11): a place in the
museum's hierarchy, written as its path from the root ("Réserve A > Travée 27 > Étagère 3", the
way CSV writes a record's current location); the places above it that are missing are added
too. The new location's id alone on stdout."""

import argparse
import sys

from catalogue_app.messages import declare

ADDED = declare("location.added", "Location added: {path}.")

NAME = "location"
HELP = "add a location (site > building > room > furniture > shelf or box) by its path"


def configure(parser: argparse.ArgumentParser) -> None:
    from catalogue_app.locations.tree import KIND_CODES

    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=HELP, description=HELP)
    add.add_argument("path", metavar="PATH",
                     help='names from the root joined by " > ", e.g. "Réserve A > Travée 27 > '
                          'Étagère 3"')
    add.add_argument("--code", default="", metavar="C",
                     help="the location's code, unique in the museum (printed on its label)")
    add.add_argument("--kind", default="", choices=[c for c in KIND_CODES if c],
                     help="what kind of place it is")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.errors import CatalogueError

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        location_id = catalogue.add_location(args.path, code=args.code, kind=args.kind).result
        path = catalogue.location_path(location_id)
    except CatalogueError as refused:
        print(f"catalogue-app: {refused}", file=sys.stderr)
        return 1
    finally:
        catalogue.close()
    print(location_id)
    print(ADDED(path=path), file=sys.stderr)
    return 0
