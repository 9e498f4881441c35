import argparse
import sys

from catalogue_app.messages import declare

PROBLEMS_FOUND = declare("check.problems_found", "{n} problem(s) found.")
NO_PROBLEM = declare("check.no_problem", "{folder}: no problem found.")
UNUSED_FILES = declare(
    "check.unused_files",
    "note: {n} file(s) in the image store, {megabytes} MB, are used by no record (images "
    "removed, records purged, an import interrupted); nothing was deleted:")

NAME = "check"
HELP = "check the catalogue's database (and with --fixity, every stored original); exit 1 on damage"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fixity", action="store_true",
                        help="also re-hash every original image and report missing or altered "
                             "ones, and list the originals no record uses any more")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
    from catalogue_app.storage.integrity import check_catalogue, unused_originals

    if not (args.catalogue_dir / DB_FILE_NAME).exists():
        Catalogue.open(args.catalogue_dir).close()  # like every command: create where none
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
