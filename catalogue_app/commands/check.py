import argparse
import sys

NAME = "check"
HELP = "check the catalogue's database (and with --fixity, every stored original); exit 1 on damage"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fixity", action="store_true",
                        help="also re-hash every original image and report missing or altered ones")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import DB_FILE_NAME, Catalogue
    from catalogue_app.integrity import check_catalogue

    if not (args.catalogue_dir / DB_FILE_NAME).exists():
        Catalogue.open(args.catalogue_dir).close()  # like every command: create where none
    problems = check_catalogue(args.catalogue_dir, fixity=args.fixity)
    for problem in problems:
        print(f"{args.catalogue_dir}: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"{args.catalogue_dir}: no problem found.", file=sys.stderr)
    return 0
