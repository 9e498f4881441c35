import argparse
import json
import sys

NAME = "licences"
HELP = "list the components the application is made of, with their versions and licences"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help="one JSON array on stdout: [{name, version, licence}]")


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from catalogue_app.components import bundled_components

    components = bundled_components()
    if args.json:
        json.dump([asdict(c) for c in components], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for c in components:
            print(f"{c.name:24} {c.version:18} {c.licence}")
    return 0
