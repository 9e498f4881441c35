import argparse
import sys

from catalogue_app.messages import declare

PROBLEMS_FOUND = declare("check.problems_found", "{n} problem(s) found.")
REGISTER_MISSING = declare(
    "check.register_missing",
    "{number}: compulsory register column(s) empty: {columns}")
REGISTER_LATE = declare(
    "check.register_late",
    "{number}: warning: inscribed on {entered}, later than 31 December of the year after its "
    "acquisition ({acquired})")
REGISTER_INCOMPLETE = declare(
    "check.register_incomplete",
    "{n} inscribed record(s) lack compulsory register columns (write \"néant\" or "
    "\"inconnu\" where nothing can be given).")
REGISTER_COMPLETE = declare(
    "check.register_complete",
    "{n} inscribed record(s): every compulsory register column is filled.")
NO_PROBLEM = declare("check.no_problem", "{folder}: no problem found.")
UNUSED_FILES = declare(
    "check.unused_files",
    "note: {n} file(s) in the image store, {megabytes} MB, are used by no record (images "
    "removed, records purged, an import interrupted); nothing was deleted:")

NAME = "check"
HELP = ("check the catalogue's database (and with --fixity, every stored original); exit 1 on "
        "damage; --register: the inscribed records that lack compulsory register columns")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fixity", action="store_true",
                        help="also re-hash every original image and report missing or altered "
                             "ones, and list the originals no record uses any more")
    parser.add_argument("--register", action="store_true",
                        help="instead, list the inscribed records missing compulsory columns of "
                             "the inventory register (1-13; 5 and 6 for acquisitions after 4 "
                             "January 2002) and warn on late inscriptions; exit 1 if any is "
                             "missing")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
    from catalogue_app.storage.integrity import check_catalogue, unused_originals

    if not (args.catalogue_dir / DB_FILE_NAME).exists():
        Catalogue.open(args.catalogue_dir).close()  # like every command: create where none
    if args.register:
        return _check_register(args.catalogue_dir)
    problems = check_catalogue(args.catalogue_dir, fixity=args.fixity)
    for problem in problems:
        print(f"{args.catalogue_dir}: {problem}", file=sys.stderr)
    if args.fixity:
        _list_unused(unused_originals(args.catalogue_dir))
    if problems:
        print(PROBLEMS_FOUND(n=len(problems)), file=sys.stderr)
        return 1
    print(NO_PROBLEM(folder=args.catalogue_dir), file=sys.stderr)
    return 0


def _list_unused(paths) -> None:
    """Not damage (the exit status ignores them): files the curator may delete to free space."""
    if not paths:
        return
    megabytes = sum(path.stat().st_size for path in paths if path.exists()) / 1e6
    print(UNUSED_FILES(n=len(paths), megabytes=f"{megabytes:.1f}"), file=sys.stderr)
    for path in paths:
        print(f"  {path}", file=sys.stderr)


def _check_register(folder) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.documents.register_edition import entry_ids
    from catalogue_app.exchange.catalogue_records import export_records
    from catalogue_app.records.fields import FIELDS
    from catalogue_app.records.register_completeness import register_gaps

    labels = {f.regulatory_column: f"{f.regulatory_column}. {f.label_fr}" for f in FIELDS
              if f.regulatory_column}
    catalogue = Catalogue.open(folder)
    incomplete = inscribed = 0
    try:
        with catalogue.reading() as session:
            for record in export_records(session, entry_ids(session, False, None)):
                inscribed += 1
                gaps = register_gaps(record)
                if gaps.missing:
                    incomplete += 1
                    print(REGISTER_MISSING(number=gaps.inventory_number,
                                           columns="; ".join(labels[c] for c in gaps.missing)),
                          file=sys.stderr)
                if gaps.late:
                    print(REGISTER_LATE(number=gaps.inventory_number,
                                        entered=record.get("register_date"),
                                        acquired=record.get("acquisition_date")),
                          file=sys.stderr)
    finally:
        catalogue.close()
    if incomplete:
        print(REGISTER_INCOMPLETE(n=incomplete), file=sys.stderr)
        return 1
    print(REGISTER_COMPLETE(n=inscribed), file=sys.stderr)
    return 0
