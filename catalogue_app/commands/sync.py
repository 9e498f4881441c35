from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from catalogue_app.messages import declare

if TYPE_CHECKING:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.sync.client import SyncError
    from catalogue_app.sync.engine import SyncReport

NEEDS_SCHEME = declare(
    "sync.server_needs_scheme",
    "--server {server!r}: give the address with https:// (or http://).")
NO_TOKEN = declare(
    "sync.no_saved_token",
    "No token is saved for {server}: give one with --token-file, or save it in the sync "
    "settings of the application.")
STOPPED = declare("sync.stopped", "Sync with {server} stopped: {error}")
# One line per record set aside (sync/set_aside.py): what happened, then what settles it.
SET_ASIDE = declare(
    "sync.set_aside_line",
    "Set aside: {reason} Every sync tries it again: settle the cause on this desk (another"
    " inventory number for the record here, or a newer version of the application when the"
    " base holds a value it does not know).")
DONE = declare("sync.done", "Sync with {server} done: {summary} {pending} change(s) still pending.")
RETRY_AS_ASKED = declare(
    "sync.retry_as_asked", "{error} The regional base asked to try again in {asked} s: attempt"
    " {attempt} of {attempts} in {seconds} s.")
RETRY_LATER = declare(
    "sync.retry_later", "{error} Attempt {attempt} of {attempts} in {seconds} s.")

# Without the base's Retry-After, the first wait before trying again (seconds); it doubles
# each time, up to --retry-max-wait.
FIRST_RETRY_WAIT = 10.0

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
    # Museum IT runs the sync from cron or a scheduled task: an outage of a few minutes or a
    # dropped connection should not wait for the next run (a refusal still stops at once).
    parser.add_argument("--retry", type=int, default=3, metavar="N", help=(
        "when the base is unavailable (503, its database down), answers a server error or the"
        " network drops, sync again up to N times (default 3; 0: never); never after a refusal"
        " (4xx)"))
    parser.add_argument("--retry-max-wait", type=float, default=300.0, metavar="SECONDS",
                        help="longest wait before trying again, whatever the base's"
                        " Retry-After asks (default 300)")


def run(args: argparse.Namespace) -> int:
    from catalogue_app.catalogue import Catalogue
    from catalogue_app.sync import tokens

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
        report = _sync_retrying(catalogue, server, token, args)
    finally:
        catalogue.close()
    if report is None:
        return 2
    for message in report.refused:
        print(message, file=sys.stderr)
    for reason in report.set_aside:
        print(SET_ASIDE(reason=reason), file=sys.stderr)
    for notice in report.notices:
        print(notice, file=sys.stderr)
    print(DONE(server=server, summary=report.summary(), pending=report.pending),
          file=sys.stderr)
    return 1 if report.refused or report.set_aside or report.conflicts or report.pending else 0


def _sync_retrying(catalogue: Catalogue, server: str, token: str,
                   args: argparse.Namespace) -> SyncReport | None:
    """Sync, and again after a transient failure, up to --retry times; None once it stopped
    (said on stderr)."""
    from catalogue_app.sync.client import RegionalClient, SyncError
    from catalogue_app.sync.engine import Synchroniser

    attempts, attempt = 1 + max(0, args.retry), 0
    while True:
        attempt += 1
        try:
            # A fresh client each time: nothing of a dropped connection is reused. A sync that
            # stopped resumes where it was (design §7), so trying again is safe.
            with RegionalClient(server, token,
                                allow_insecure_http=args.allow_insecure_http) as client:
                return Synchroniser(catalogue, client, token, progress=_progress).run()
        except SyncError as error:
            if not error.transient or attempt == attempts:
                print(STOPPED(server=server, error=error), file=sys.stderr)
                _print_technical(error)
                return None
            # Only a base that answered 503 asked for a wait; a refused connection's
            # retry_after is the window's own guess.
            asked = error.retry_after if error.status == 503 else None
            wait = _wait_before(attempt, asked, args.retry_max_wait)
            said = (RETRY_AS_ASKED(error=error, asked=_seconds(asked), attempt=attempt + 1,
                                   attempts=attempts, seconds=_seconds(wait))
                    if asked is not None else
                    RETRY_LATER(error=error, attempt=attempt + 1, attempts=attempts,
                                seconds=_seconds(wait)))
            print(said, file=sys.stderr, flush=True)
            _print_technical(error)
            time.sleep(wait)


def _wait_before(attempt: int, asked: float | None, longest: float) -> float:
    """How long to wait before the next attempt: what the base asked, else a wait doubling
    from FIRST_RETRY_WAIT; never more than `longest`."""
    wanted = asked if asked is not None else FIRST_RETRY_WAIT * 2 ** (attempt - 1)
    return max(0.0, min(wanted, longest))


def _seconds(value: float) -> str:
    return f"{value:g}"


def _print_technical(error: SyncError) -> None:
    if error.technical:
        print(f"  ({error.technical})", file=sys.stderr, flush=True)


def _progress(_done: int, _total: int, _text: str) -> None:
    """The command line stays quiet while it works; the summary says what happened."""
