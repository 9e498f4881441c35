import argparse
import sys
from pathlib import Path

from catalogue_app.messages import declare

NEEDS_SCHEME = declare(
    "sync.server_needs_scheme",
    "--server {server!r}: give the address with https:// (or http://).")
NO_TOKEN = declare(
    "sync.no_saved_token",
    "No token is saved for {server}: give one with --token-file, or save it in the sync "
    "settings of the application.")
STOPPED = declare("sync.stopped", "Sync with {server} stopped: {error}")
SET_ASIDE = declare("sync.set_aside_line", "Set aside: {reason}")
DONE = declare("sync.done", "Sync with {server} done: {summary} {pending} change(s) still pending.")

NAME = "sync"
HELP = ("send this catalogue's changes to the regional base and receive the others' "
        "(exit 1 when some records were refused or wait for a decision)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", required=True, metavar="URL",
                        help="address of the regional base, e.g. https://base.example.org")
    parser.add_argument("--token-file", type=Path, metavar="F",
                        help="file holding the token (default: the token saved for this server)")
    parser.add_argument("--allow-insecure-http", action="store_true", help=(
        "sync over unencrypted http:// with another computer (the token and the records can"
        " be read on the way); http:// to this computer needs no permission"))


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.sync import tokens
    from catalogue_app.sync.client import RegionalClient, SyncError
    from catalogue_app.sync.engine import Synchroniser

    server = args.server.rstrip("/")
    if not server.startswith(("https://", "http://")):
        print(NEEDS_SCHEME(server=args.server), file=sys.stderr)
        return 2
    if args.token_file is not None:
        token = tokens.read_token_file(args.token_file)  # CatalogueError: said by cli.main
    else:
        token = tokens.load_token(server)
        if token is None:
            print(NO_TOKEN(server=server), file=sys.stderr)
            return 2
    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        with RegionalClient(server, token,
                            allow_insecure_http=args.allow_insecure_http) as client:
            report = Synchroniser(catalogue, client, token, progress=_progress).run()
    except SyncError as error:
        print(STOPPED(server=server, error=error), file=sys.stderr)
        if error.technical:
            print(f"  ({error.technical})", file=sys.stderr)
        return 2
    finally:
        catalogue.close()
    for message in report.refused:
        print(message, file=sys.stderr)
    for reason in report.set_aside:
        print(SET_ASIDE(reason=reason), file=sys.stderr)
    for notice in report.notices:
        print(notice, file=sys.stderr)
    print(DONE(server=server, summary=report.summary(), pending=report.pending),
          file=sys.stderr)
    return 1 if report.refused or report.set_aside or report.conflicts or report.pending else 0


def _progress(_done: int, _total: int, _text: str) -> None:
    """The command line stays quiet while it works; the summary says what happened."""
