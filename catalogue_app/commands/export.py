"""`catalogue-app export csv|lido|joconde OUT [--query Q]` (design.md §11)."""

import argparse
import sys
from pathlib import Path

from catalogue_app.messages import declare

QUERY_NOT_FOR_REGISTER = declare(
    "export.query_not_for_register",
    "a register always lists every entry; --query does not apply to it")
EXPORTED = declare("export.done", "Exported {count} record(s) to {out}.")
JOCONDE_NEW = declare(
    "export.joconde_new",
    "{count} record(s) have no Joconde reference yet: written apart as new notices to {out} "
    "(POP gives a notice its reference; none is invented here).")
JOCONDE_WITHHELD = declare(
    "export.joconde_withheld",
    "{count} record(s) not published on Joconde (not marked public, radiated, or in the trash).")
JOCONDE_INCOMPLETE = declare(
    "export.joconde_incomplete",
    "{number}: left out, POP requires {fields}")

NAME = "export"
HELP = ("export the catalogue (or the records a search finds) as CSV, LIDO XML or Joconde CSV, "
        "or print the inventory or deposits register as PDF")
FORMATS = ("csv", "lido", "joconde", "register", "deposits-register")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=FORMATS,
                        help="csv: the app's own CSV, every field; lido: LIDO 1.1 XML; "
                             "joconde: the Joconde/POP delivery CSV; register / "
                             "deposits-register: the regulatory register as PDF")
    parser.add_argument("out", type=Path, metavar="OUT", help="file to write")
    parser.add_argument("--query", metavar="Q", help="export only the records this search finds")
    parser.add_argument("--year", type=int, metavar="Y",
                        help="register / deposits-register: the edition of year Y, the entries "
                             "and events up to 31 December of Y (the same pages every time it "
                             "is printed); without it, the whole register as it stands")
    parser.add_argument("--include-private", action="store_true",
                        help="lido and joconde: also export the fields that never leave the "
                             "museum (donors, prices, opinions, location, internal notes)")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.exchange.export import export_catalogue

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        if args.format == "joconde":
            return _export_joconde(catalogue, args)
        if args.format.endswith("register"):
            if args.query:
                print(f"catalogue-app: {QUERY_NOT_FOR_REGISTER()}", file=sys.stderr)
                return 2
            count = _print_register(catalogue, args.out, args.format == "deposits-register",
                                    args.render_pdf, args.year)
        else:
            count = export_catalogue(catalogue, args.format, args.out, query=args.query,
                                     include_private=args.include_private)
    finally:
        catalogue.close()
    print(EXPORTED(count=count, out=args.out), file=sys.stderr)
    return 0


def _print_register(catalogue, out: Path, deposits: bool, render_pdf, year: int | None) -> int:
    from catalogue_app.documents.register import print_register

    return print_register(catalogue, out, render_pdf, deposits, year)


def _export_joconde(catalogue, args: argparse.Namespace) -> int:
    from catalogue_app.exchange.export import export_joconde, new_notices_path

    report = export_joconde(catalogue, args.out, query=args.query,
                            include_private=args.include_private)
    print(EXPORTED(count=report.written, out=args.out), file=sys.stderr)
    if report.new:
        print(JOCONDE_NEW(count=len(report.new), out=new_notices_path(args.out)),
              file=sys.stderr)
    if report.withheld:
        print(JOCONDE_WITHHELD(count=report.withheld), file=sys.stderr)
    for number, fields in report.incomplete:
        print(JOCONDE_INCOMPLETE(number=number, fields=list(fields)), file=sys.stderr)
    return 1 if report.incomplete else 0
