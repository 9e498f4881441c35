import argparse
import json
import sys

from catalogue_app.records.fields import FIELDS

NAME = "fields"
HELP = "list the canonical record fields (names, French and English labels, register column)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON array on stdout")


def run(args: argparse.Namespace) -> int:
    if args.json:
        json.dump([
            {"name": f.name, "label_fr": f.label_fr, "label_en": f.label_en, "type": f.type,
             "regulatory_column": f.regulatory_column}
            for f in FIELDS
        ], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for f in FIELDS:
            column = f"R{f.regulatory_column}" if f.regulatory_column else "-"
            print(f"{f.name:26} {column:4} {f.type:13} {f.label_fr}")
    return 0
