import argparse
import sys

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
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"{args.catalogue_dir}: no problem found.", file=sys.stderr)
    return 0


def _list_unused(paths) -> None:
    """Not damage (the exit status ignores them): files the curator may delete to free space."""
    if not paths:
        return
    megabytes = sum(path.stat().st_size for path in paths if path.exists()) / 1e6
    print(f"note: {len(paths)} file(s) in the image store, {megabytes:.1f} MB, are used by no "
          "record (images removed, records purged, an import interrupted); nothing was "
          "deleted:", file=sys.stderr)
    for path in paths:
        print(f"  {path}", file=sys.stderr)
