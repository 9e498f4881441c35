"""`catalogue-app rectify INVENTORY_NUMBER FIELD VALUE --reason TEXT` (design.md §11): the one
way to change a locked column of an inscribed record; the rectification (date, field, old and new
value, reason, user) is kept with the record and syncs with it."""

import argparse
import sys

from catalogue_app.commands.refusals import on_catalogue
from catalogue_app.messages import declare

RECTIFIED = declare(
    "rectify.done",
    "{number}: {field} rectified from {old!r} to {new!r} ({reason}).")

NAME = "rectify"
HELP = ("change a locked column (number, register date, acquisition columns, a radiation) of "
        "an inscribed record by a dated rectification with a reason")


def configure(parser: argparse.ArgumentParser) -> None:
    from catalogue_app.records.register_rules import RECTIFIABLE_FIELDS

    parser.add_argument("inventory_number", metavar="INVENTORY_NUMBER")
    parser.add_argument("field", metavar="FIELD", choices=RECTIFIABLE_FIELDS,
                        help=f"one of: {', '.join(RECTIFIABLE_FIELDS)}")
    parser.add_argument("value", metavar="VALUE", help="the new value, exactly as it should read")
    parser.add_argument("--reason", required=True, help="why (printed in the register)")


def run(args: argparse.Namespace) -> int:
    return on_catalogue(args, _rectify)


def _rectify(catalogue, args: argparse.Namespace) -> int:
    record_id = catalogue.record_id_of(args.inventory_number)
    old = catalogue.load(record_id)[args.field]
    catalogue.rectify(record_id, args.field, args.value, args.reason)
    print(RECTIFIED(number=args.inventory_number, field=args.field, old=old, new=args.value,
                    reason=args.reason.strip()), file=sys.stderr)
    return 0
