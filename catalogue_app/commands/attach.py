import argparse
import json
import sys

from catalogue_app.messages import declare

REFUSED_COUNT = declare("attach.refused_count", "{refused} of {total} file(s) refused.")
STATUS_ATTACHED = declare("attach.status_attached", "attached")
STATUS_DUPLICATE = declare("attach.status_duplicate", "duplicate")
STATUS_REFUSED = declare("attach.status_refused", "refused")
_STATUS = {"attached": STATUS_ATTACHED, "duplicate": STATUS_DUPLICATE, "refused": STATUS_REFUSED}

NAME = "attach"
HELP = "attach image files (or every file in folders) to records; exit 1 if any file was refused"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="image files or folders")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--to", metavar="INVENTORY_NUMBER",
                        help="attach every file to the record with this inventory number")
    target.add_argument("--match-inventory", action="store_true",
                        help="attach each file to the record its name starts with "
                             "(2004.12.3_uv.tif -> 2004.12.3)")
    parser.add_argument("--view-type", metavar="T",
                        help="general, detail, verso, raking, uv, ir, xray or other "
                             "(default: general, or guessed from the name with --match-inventory)")
    parser.add_argument("--publishable", action="store_true",
                        help="mark the attached images publishable (rights cleared for the "
                             "public portal)")
    parser.add_argument("--json", action="store_true", help="one JSON array on stdout")


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from catalogue_app.catalogue import Catalogue
    from catalogue_app.images.attach import (
        expand_paths,
        requests_by_file_name,
        requests_for_record,
    )

    catalogue = Catalogue.open(args.catalogue_dir)
    try:
        files = expand_paths(args.paths)
        if args.to is not None:
            requests = requests_for_record(catalogue, files, args.to, args.view_type)
        else:
            requests = requests_by_file_name(catalogue, files, args.view_type)
        if args.publishable:
            requests = [dataclasses.replace(r, publishable=True) for r in requests]
        results = catalogue.attach(requests).result
    finally:
        catalogue.close()
    if args.json:
        json.dump([r.as_json() for r in results], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    for r in results:
        if not args.json or r.status == "refused":
            where = f" -> {r.inventory_number}" if r.inventory_number else ""
            status = _STATUS[r.status]()
            print(f"{r.file}: {status}{where}{': ' + r.reason if r.reason else ''}",
                  file=sys.stderr)
    refused = sum(r.status == "refused" for r in results)
    if refused:
        print(REFUSED_COUNT(refused=refused, total=len(results)), file=sys.stderr)
    return 1 if refused else 0
