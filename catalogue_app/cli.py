"""The `catalogue-app` command line (design.md §11, a contract: extend, never rename).

Without a subcommand it opens the GUI; Qt is imported only then, so headless commands stay
light. Exit status: 0 all done, 1 some items refused or problems found, 2 usage or fatal error.
Human messages go to stderr; --json output is one JSON array on stdout."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from catalogue_app.commands import COMMANDS
from catalogue_app.errors import CatalogueError
from catalogue_app.failures import explain
from catalogue_app.logs import configure_desk_logging, record_hard_crashes
from catalogue_app.messages import declare

log = logging.getLogger("catalogue_app.cli")
INTERRUPTED = declare("cli.interrupted", "interrupted; nothing more was changed.")

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2


def default_catalogue_dir(demo: bool = False) -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("catalogue-app", appauthor=False)) / ("demo" if demo else "catalogue")


def version_line() -> str:
    """The release and the catalogue schema it writes: what museum IT staff need to know
    before copying a catalogue between desks (a newer schema does not open in an older app)."""
    from catalogue_app import __version__
    from db.local.schema import HEAD_REVISION

    return f"catalogue-app {__version__} (catalogue schema {HEAD_REVISION})"


class _VersionAction(argparse.Action):
    """--version, worded only when asked (the schema module is not loaded on every start)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print the release and the catalogue schema it writes, and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(version_line())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catalogue-app",
        description="Museum object catalogue. Without a command, opens the catalogue window.",
    )
    parser.add_argument("--version", action=_VersionAction)
    _add_catalogue_option(parser, default=None)
    parser.add_argument("--demo", action="store_true",
                        help="open the demo catalogue (created with sample objects on first use)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the window, print startup_ms=N once rows are painted, exit")
    parser.add_argument("--screenshot", metavar="FILE", type=Path,
                        help="with --smoke-test: save the window as a PNG once it is idle")
    parser.add_argument("--dialog", metavar="NAME",
                        help="with --screenshot: open this dialog over the window first "
                             "(about, settings, first-run, backups...)")
    parser.add_argument("--size", metavar="WxH", type=_window_size,
                        help="window size, e.g. 1280x800 (for --screenshot)")
    parser.add_argument("--lang", choices=("fr", "en"),
                        help="interface language for this run only (default: the setting)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        _add_catalogue_option(sub, default=argparse.SUPPRESS)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r}: give WIDTHxHEIGHT, e.g. 1280x800")
    return int(width), int(height)


def _add_catalogue_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--catalogue", metavar="DIR", type=Path, default=default,
                        help="catalogue folder (default: $CATALOGUE_APP_DIR or your data folder)")


def catalogue_dir(args: argparse.Namespace) -> Path:
    if args.catalogue is not None:
        return args.catalogue
    if os.environ.get("CATALOGUE_APP_DIR"):
        return Path(os.environ["CATALOGUE_APP_DIR"])
    return default_catalogue_dir(demo=getattr(args, "demo", False))


def render_pdf(document, out: Path) -> int:
    """The PDF renderer handed to the commands that print (catalogue_app.documents): Qt's,
    loaded only when a document is drawn."""
    from ui.documents.pdf import render_pdf_headless

    return render_pdf_headless(document, out)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.catalogue_dir = catalogue_dir(args)
    args.render_pdf = render_pdf
    configure_desk_logging()
    record_hard_crashes()
    try:
        if args.command is None:
            from ui.app import run_gui  # Qt is loaded only for the window
            from ui.screenshot import DIALOGS

            if args.dialog is not None and args.dialog not in DIALOGS:
                print(f"catalogue-app: no dialog {args.dialog!r}; one of: "
                      f"{', '.join(sorted(DIALOGS))}", file=sys.stderr)
                return EXIT_FATAL
            return run_gui(args.catalogue_dir, demo=args.demo,
                           smoke_test=args.smoke_test or args.screenshot is not None,
                           screenshot=args.screenshot, size=args.size, language=args.lang,
                           dialog=args.dialog)
        return args.run(args)
    except CatalogueError as exc:
        print(f"catalogue-app: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print(f"catalogue-app: {INTERRUPTED()}", file=sys.stderr)
        return EXIT_FATAL
    except Exception as exc:  # disk full, locked catalogue, a bug: said, and logged in full
        log.exception("catalogue-app %s failed", args.command or "window")
        print(f"catalogue-app: {explain(exc)}", file=sys.stderr)
        return EXIT_FATAL
