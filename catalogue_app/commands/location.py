"""`catalogue-app location add PATH [--code C] [--kind K]` (design.md §11): a place in the
museum's hierarchy, written as its path from the root ("Réserve A > Travée 27 > Étagère 3", the
way CSV writes a record's current location); the places above it that are missing are added
too. The new location's id alone on stdout.

`catalogue-app location labels OUT.pdf [PATH...]`: printable labels with a QR code, for these
places and every place under them (all places without a PATH)."""

import argparse
import sys
from pathlib import Path

from catalogue_app.commands.refusals import on_catalogue
from catalogue_app.messages import declare

ADDED = declare("location.added", "Location added: {path}.")
LABELS_WRITTEN = declare("location.labels_written", "{count} label(s) written to {out}.")

NAME = "location"
HELP = "add a location (site > building > room > furniture > shelf or box), print labels"
ADD_HELP = "add a location (site > building > room > furniture > shelf or box) by its path"
LABELS_HELP = "print labels with a QR code for locations (PDF)"


def configure(parser: argparse.ArgumentParser) -> None:
    from catalogue_app.locations.kinds import KIND_CODES

    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help=ADD_HELP, description=ADD_HELP)
    add.add_argument("path", metavar="PATH",
                     help='names from the root joined by " > ", e.g. "Réserve A > Travée 27 > '
                          'Étagère 3"')
    add.add_argument("--code", default="", metavar="C",
                     help="the location's code, unique in the museum (printed on its label)")
    add.add_argument("--kind", default="", choices=[c for c in KIND_CODES if c],
                     help="what kind of place it is")
    labels = actions.add_parser("labels", help=LABELS_HELP, description=LABELS_HELP)
    labels.add_argument("out", metavar="OUT.pdf", type=Path)
    labels.add_argument("paths", nargs="*", metavar="PATH",
                        help="these places and those under them (default: every place)")


def run(args: argparse.Namespace) -> int:
    return on_catalogue(args, _labels if args.action == "labels" else _add)


def _labels(catalogue, args: argparse.Namespace) -> int:
    from catalogue_app.documents.location_labels import print_location_labels

    ids = [i for path in args.paths for i in catalogue.places_below(
        catalogue.location_id_of(path))]
    count = print_location_labels(catalogue, ids, args.out, args.render_pdf)
    print(LABELS_WRITTEN(count=count, out=args.out), file=sys.stderr)
    return 0


def _add(catalogue, args: argparse.Namespace) -> int:
    location_id = catalogue.add_location(args.path, code=args.code, kind=args.kind).result
    path = catalogue.location_path(location_id)
    print(location_id)
    print(ADDED(path=path), file=sys.stderr)
    return 0
