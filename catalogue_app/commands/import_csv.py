"""`catalogue-app import-csv FILE [--mapping MAP.json] [--dry-run] [--update] [--inscribed]`
(design.md §11)."""

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from catalogue_app.messages import declare

WHERE_FORM = declare("import.where_form", "--where expects COLUMN=VALUE, not {condition!r}")
NOTHING_IMPORTED = declare("import.nothing_imported", "{problem}\nNothing was imported.")
IGNORED_COLUMNS = declare(
    "import.ignored_columns",
    "Ignored columns (not mapped to a field): {columns}")
ERRORS_HEADING = declare("import.errors_heading", "Errors (they block the import):")
WARNINGS_HEADING = declare("import.warnings_heading", "Warnings (the data is kept as text):")

NAME = "import-csv"
HELP = ("import records from a CSV or .xlsx file; every problem is reported as "
        "'row N, column C: message (value)'; an error imports nothing")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="CSV or .xlsx file")
    parser.add_argument("--mapping", type=Path, metavar="MAP.json",
                        help='column mapping: {"columns": {"CSV header": "field" | '
                             '{"field": "field", "split": ";"}}}; without it, the shipped '
                             "mapping of a known source (a Joconde export) or the headers that "
                             "name a field (by name or label)")
    parser.add_argument("--dry-run", action="store_true",
                        help="check only: report every problem, import nothing "
                             "(exit 0 if the import would succeed, else 1)")
    parser.add_argument("--update", action="store_true",
                        help="update the records whose inventory number is already in the "
                             "catalogue, instead of refusing them")
    parser.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                        help="import only the rows whose COLUMN equals VALUE (repeatable), e.g. "
                             "--where Code_Museofile=M0694 for one museum of a regional file")
    parser.add_argument("--inscribed", action="store_true",
                        help="the file is an existing inventory: every record it brings is "
                             "inscribed in the register (its locked columns then change only "
                             "by a rectification)")
    parser.add_argument("--encoding", help="text encoding of a CSV (default: detected)")
    parser.add_argument("--delimiter", help="CSV delimiter (default: detected)")


def run(args: argparse.Namespace) -> int:

    from catalogue_app.catalogue import Catalogue
    from catalogue_app.exchange.mapping import load_mapping, suggested_mapping
    from catalogue_app.exchange.sources import SourceError, open_table
    from catalogue_app.exchange.spreadsheet_import import (
        ImportOptions,
        check_import,
        run_import,
    )

    where = []
    for condition in args.where:
        column, equals, value = condition.partition("=")
        if not equals or not column:
            print(f"catalogue-app: {WHERE_FORM(condition=condition)}", file=sys.stderr)
            return 2
        where.append((column, value))
    mapping = load_mapping(args.mapping) if args.mapping else None  # MappingError: exit 2
    try:
        source = open_table(args.file, args.encoding, args.delimiter)
    except SourceError as exc:
        print(NOTHING_IMPORTED(problem=exc), file=sys.stderr)
        return 1
    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        options = ImportOptions(update=args.update, where=tuple(where), user=catalogue.user,
                                inscribed=args.inscribed)
        mapping = mapping or suggested_mapping(source.headers)
        work = check_import if args.dry_run else run_import
        with _collector_paused():
            report = work(catalogue, source, mapping, options)
    finally:
        catalogue.close()
    print(f"{args.file.name}: {source.describe()}", file=sys.stderr)
    if report.unmapped_columns:
        print(IGNORED_COLUMNS(columns=report.unmapped_columns), file=sys.stderr)
    # Problems are grouped under a heading so that each line keeps the contract's form.
    for heading, problems in ((ERRORS_HEADING(), report.errors),
                              (WARNINGS_HEADING(), report.warnings)):
        if problems:
            print(heading, file=sys.stderr)
            for problem in problems:
                print(problem, file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 1 if report.blocked else 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the length of the import.

    An import makes next to no reference cycles but keeps many objects alive (the batch being
    written, the problems found): the collector's passes over all of them took a tenth of a
    70,000-row import. Done here, in the command's own process, not in the import itself:
    in the app, collecting Qt objects late crashed the import wizard."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
