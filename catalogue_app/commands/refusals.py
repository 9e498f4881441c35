"""What the commands that act on named things (a place, a record, a campaign) share: the
catalogue opened for the work and closed after it, and a refusal of the catalogue (an unknown
inventory number, location or campaign, a column that may not change, a closed campaign) said
on stderr with exit status 1, the item refused, rather than cli.main's 2 for a fatal error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from catalogue_app.catalogue import Catalogue

EXIT_REFUSED = 1


def on_catalogue(args: argparse.Namespace,
                 work: Callable[[Catalogue, argparse.Namespace], int]) -> int:
    """work(catalogue, args)'s exit status, or EXIT_REFUSED when the catalogue refused it."""
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.errors import CatalogueError

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        return work(catalogue, args)
    except CatalogueError as refused:
        print(f"catalogue-app: {refused}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        catalogue.close()
