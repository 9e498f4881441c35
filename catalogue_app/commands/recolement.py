"""`catalogue-app recolement start|check|status|close|report` (design.md §11): récolement
campaigns from the command line, as the récolement window runs them."""

import argparse
import json
import sys
from pathlib import Path

from catalogue_app.commands.refusals import on_catalogue
from catalogue_app.messages import declare
from catalogue_app.records.fields import choice_codes

CHECKED = declare("recolement.checked", "{number}: {result} ({campaign}).")
FOUND = declare("recolement.found", "found")
NOT_FOUND = declare("recolement.not_found", "not found")
STATUS = declare(
    "recolement.status",
    "{campaign}: {checked} of {total} checked, {found} found, {missing} not found, "
    "{not_checked} left.")
CLOSED = declare("recolement.closed",
                 "{campaign} closed: {count} record(s) not found are now missing.")
REPORTED = declare("recolement.reported", "Procès-verbal of {campaign}: {pages} page(s) in {out}.")

NAME = "recolement"
HELP = "récolement campaigns: start one, check objects, see progress, close, print the report"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    start = actions.add_parser("start", help="start a campaign; prints its id alone on stdout")
    start.add_argument("name", metavar="NAME")
    start.add_argument("--query", metavar="Q", default="",
                       help="the campaign covers the records this search finds (default: all)")
    start.add_argument("--location", metavar="PATH", action="append", default=[],
                       help='the records in this location and below, e.g. "Réserve A" '
                            "(a path, a code or a label; may be given more than once)")
    start.add_argument("--without-deposits", action="store_true",
                       help="leave deposits out of the campaign")
    start.add_argument("--plan", metavar="TEXT", default="",
                       help='the ten-year plan it belongs to, e.g. "2026-2035"')
    check = actions.add_parser("check", help="record what was seen of one object")
    check.add_argument("campaign", metavar="CAMPAIGN", help="the campaign's id (or its name)")
    check.add_argument("inventory_number", metavar="INVENTORY_NUMBER")
    seen = check.add_mutually_exclusive_group(required=True)
    seen.add_argument("--found", action="store_true")
    seen.add_argument("--missing", action="store_true", help="not found at the shelf")
    states = [code for code in choice_codes("recolement_checks") if code]
    check.add_argument("--state", choices=states, default="",
                       help=f"the object's state: {', '.join(states)}")
    check.add_argument("--location", metavar="PATH", default="",
                       help="where it was found, when not where its record says: the record "
                            "is moved there (a movement for the récolement)")
    check.add_argument("--note", metavar="N", default="")
    status = actions.add_parser("status", help="how far the campaign has come")
    status.add_argument("campaign", metavar="CAMPAIGN")
    status.add_argument("--json", action="store_true", help="one JSON object on stdout")
    close = actions.add_parser("close", help="after review: what stayed not found is missing")
    close.add_argument("campaign", metavar="CAMPAIGN")
    report = actions.add_parser("report", help="the procès-verbal as PDF, in French")
    report.add_argument("campaign", metavar="CAMPAIGN")
    report.add_argument("out", metavar="OUT.pdf", type=Path)


def run(args: argparse.Namespace) -> int:
    # Refused: an unknown campaign or number, a campaign closed.
    return on_catalogue(args, _ACTIONS[args.action])


def _start(catalogue, args: argparse.Namespace) -> int:
    location_ids = tuple(catalogue.location_id_of(path) for path in args.location)
    campaign = catalogue.start_campaign(args.name, query=args.query, plan=args.plan,
                                        location_ids=location_ids,
                                        include_deposits=not args.without_deposits).result
    print(campaign.id)
    return 0


def _check(catalogue, args: argparse.Namespace) -> int:
    from catalogue_app.recolement.checks import Observation

    record_id = catalogue.record_id_of(args.inventory_number)
    check = catalogue.check(args.campaign, record_id, Observation(
        found=args.found, state=args.state, location=args.location, note=args.note)).result
    print(CHECKED(number=args.inventory_number, campaign=catalogue.campaign(args.campaign).name,
                  result=(FOUND if check["result"] == "found" else NOT_FOUND)()),
          file=sys.stderr)
    return 0


def _status(catalogue, args: argparse.Namespace) -> int:
    campaign = catalogue.campaign(args.campaign)
    tally = catalogue.campaign_progress(campaign.id)
    counts = {"total": tally.total, "checked": tally.checked, "found": tally.found,
              "missing": tally.missing, "not_checked": tally.not_checked}
    if args.json:
        json.dump({"campaign": campaign.id, **counts, "name": campaign.name,
                   "closed_at": campaign.closed_at,
                   "locations": [{"location": location, "total": t.total,
                                  "checked": t.checked, "found": t.found,
                                  "missing": t.missing, "not_checked": t.not_checked}
                                 for location, t in tally.by_location.items()]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(STATUS(campaign=campaign.name, **counts))
    return 0


def _close(catalogue, args: argparse.Namespace) -> int:
    count = catalogue.close_campaign(args.campaign).result
    print(CLOSED(campaign=catalogue.campaign(args.campaign).name, count=count), file=sys.stderr)
    return 0


def _report(catalogue, args: argparse.Namespace) -> int:
    pages = catalogue.print_recolement_report(args.campaign, args.out, args.render_pdf)
    print(REPORTED(campaign=catalogue.campaign(args.campaign).name, pages=pages, out=args.out),
          file=sys.stderr)
    return 0


_ACTIONS = {"start": _start, "check": _check, "status": _status, "close": _close,
            "report": _report}
