"""Spreadsheets for the import and CSV tests: the app's own CSV made from generated records,
and small hand-written files."""

from __future__ import annotations

import csv
from pathlib import Path

from catalogue_app.demo.generator import generate_records, theme_ids_by_path
from catalogue_app.exchange.csv_format import CANONICAL_COLUMNS, write_catalogue_csv
from catalogue_app.records.blank import blank_record


def generated_rows(count: int, seed: int = 0) -> list[dict]:
    """Generated records as the CSV writer takes them (themes as paths)."""
    paths = {theme_id: path for path, theme_id in theme_ids_by_path().items()}
    return [{**record, "themes": sorted(paths[t] for t in record["themes"])}
            for record in generate_records(count, seed)]


def write_app_csv(path: Path, records: list[dict]) -> Path:
    """The app's CSV of these records, each field not given at its value in a new record (the
    app's own export always holds every field)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        write_catalogue_csv(({**blank_record(), **record} for record in records), out)
    return path


def write_rows(path: Path, header: list[str], rows: list[list[str]], *,
               encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def canonical_cells(path: Path) -> dict[str, list[str]]:
    """The canonical columns of an app CSV, by inventory number (the extras differ by design)."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0][:len(CANONICAL_COLUMNS)]) == CANONICAL_COLUMNS
    return {row[0]: row[:len(CANONICAL_COLUMNS)] for row in rows[1:]}
