import argparse
import json
import sys

from catalogue_app.records.fields import FIELDS, Field

NAME = "fields"
HELP = ("list the canonical record fields (names, French and English labels, register column,"
        " an enumeration's values)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON array on stdout")


def run(args: argparse.Namespace) -> int:
    if args.json:
        json.dump([_described(f) for f in FIELDS], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for f in FIELDS:
            column = f"R{f.regulatory_column}" if f.regulatory_column else "-"
            print(f"{f.name:26} {column:4} {f.type:13} {f.label_fr}")
    return 0


def _described(field: Field) -> dict:
    described = {"name": field.name, "label_fr": field.label_fr, "label_en": field.label_en,
                 "type": field.type, "regulatory_column": field.regulatory_column}
    if field.values:  # an enumeration: its codes, as CSV and the API write them, and labels
        described["values"] = [{"code": c.code, "label_fr": c.label_fr, "label_en": c.label_en}
                               for c in field.values]
    return described
