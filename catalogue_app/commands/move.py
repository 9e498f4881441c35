"""`catalogue-app move INVENTORY_NUMBER... --to PATH [--reason R] [--date YYYY-MM-DD]
[--note TEXT]` (design.md §11): one movement for each record, all or none; the reasons are the
codes `fields --json` lists for `movements`."""

import argparse
import sys

from catalogue_app.commands.refusals import on_catalogue
from catalogue_app.messages import declare

MOVED = declare("move.done", "{count} object(s) moved to {path}.")
UNKNOWN_NUMBERS = declare(
    "move.unknown_numbers",
    "No record outside the trash has the inventory number(s) {numbers}; nothing was moved.")

NAME = "move"
HELP = "move objects to a location (a dated movement with its reason, kept with each record)"


def configure(parser: argparse.ArgumentParser) -> None:
    from catalogue_app.locations.movements import DEFAULT_REASON, REASONS

    parser.add_argument("numbers", nargs="+", metavar="INVENTORY_NUMBER")
    parser.add_argument("--to", required=True, metavar="PATH",
                        help='where they go: its path, e.g. "Réserve A > Travée 27 > Étagère 3",'
                             " or its code")
    parser.add_argument("--reason", default=DEFAULT_REASON, choices=REASONS,
                        help=f"why (default: {DEFAULT_REASON})")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="when (default: today)")
    parser.add_argument("--note", default="", metavar="TEXT")


def run(args: argparse.Namespace) -> int:
    return on_catalogue(args, _move)


def _move(catalogue, args: argparse.Namespace) -> int:
    from catalogue_app.errors import CatalogueError, RecordError

    location_id = catalogue.location_id_of(args.to)
    record_ids, unknown = [], []
    for number in args.numbers:
        try:
            record_ids.append(catalogue.record_id_of(number))
        except RecordError:
            unknown.append(number)
    if unknown:
        raise CatalogueError(UNKNOWN_NUMBERS, numbers=unknown)
    catalogue.move(record_ids, location_id, reason=args.reason, date=args.date, note=args.note)
    print(MOVED(count=len(record_ids), path=catalogue.location_path(location_id)),
          file=sys.stderr)
    return 0
