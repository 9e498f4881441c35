import argparse
import json
import sys

from catalogue_app.messages import declare

LIMIT = declare("search.limit_negative", "--limit must be 0 or more.")
COUNTS = declare("search.counts", "{query}: {total} record(s) in {ms} ms")

NAME = "search"
HELP = "search the records as the search box does; prints counts, timings and the first hits"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("queries", nargs="+", metavar="QUERY",
                        help='search text, e.g. ceramique, "coiffe de Caen", theme:textile '
                             '(put -- before queries that start with -, e.g. -- -coiffe)')
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help="hits shown per query (default 20)")
    parser.add_argument("--json", action="store_true", help="one JSON array on stdout")


def run(args: argparse.Namespace) -> int:
    import time

    from catalogue_app.catalogue import Catalogue
    from catalogue_app.search.listing import driver_connection, list_rows
    from catalogue_app.search.service import search

    if args.limit < 0:
        print(f"catalogue-app search: {LIMIT()}", file=sys.stderr)
        return 2
    catalogue = Catalogue.open(args.catalogue_dir)
    results = []
    try:
        with catalogue.reading() as session:
            for query in args.queries:
                start = time.perf_counter()
                result = search(session, query, limit=args.limit)
                rows = list_rows(driver_connection(session), result.ids)
                hits = [{"inventory_number": rows[i].inventory_number,
                         "designation": rows[i].designation, "title": rows[i].title}
                        for i in result.ids]
                ms = round((time.perf_counter() - start) * 1000, 2)
                results.append({"query": query, "total": result.total, "ms": ms, "hits": hits})
    finally:
        catalogue.close()
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for result in results:
            print(COUNTS(query=result["query"], total=result["total"], ms=result["ms"]))
            for hit in result["hits"]:
                print(f"  {hit['inventory_number']:20} {hit['designation']}  {hit['title']}")
    return 0
