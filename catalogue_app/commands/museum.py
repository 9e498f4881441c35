"""`catalogue-app museum set CODE NAME [--owner TEXT] [--town TEXT] [--presentation TEXT]`
(design.md §11): the catalogue's museum, its Muséofile code and name (until the first sync
binds them to the regional base), and in its own words who owns its collections (Joconde's
statut juridique: "propriété de la commune"), its town and its presentation."""

import argparse
import sys

from catalogue_app.messages import declare

MUSEUM_SET = declare("museum.set", "Museum {code}: {name}.")

NAME = "museum"
HELP = "set the catalogue's museum: Muséofile code, name, owner of the collections, town"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    set_ = actions.add_parser("set", help=HELP, description=HELP)
    set_.add_argument("code", metavar="CODE", help="the Muséofile code, e.g. M0694")
    set_.add_argument("name", metavar="NAME", help="the museum's name")
    set_.add_argument("--owner", metavar="TEXT",
                      help='who owns the collections, as Joconde says it, e.g. "propriété de '
                           'la commune" (the export for Joconde/POP writes it in STAT)')
    set_.add_argument("--town", metavar="TEXT", help="the museum's town")
    set_.add_argument("--presentation", metavar="TEXT",
                      help="a short presentation of the museum for the regional portal")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        catalogue.set_museum(args.code, args.name, owner=args.owner, town=args.town,
                             presentation=args.presentation)
        museum = catalogue.museum()
    finally:
        catalogue.close()
    print(MUSEUM_SET(code=museum.code, name=museum.name), file=sys.stderr)
    return 0
