"""Where a regional base keeps its data: a database URL and a blob directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATABASE_FILE = "regional.sqlite3"
# How `serve --workers N` hands the configuration to its worker processes.
DB_URL_ENV = "CATALOGUE_BASE_DB_URL"
BLOB_DIR_ENV = "CATALOGUE_BASE_BLOB_DIR"


@dataclass(frozen=True)
class ServerConfig:
    db_url: str
    blob_dir: Path

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> ServerConfig:
        """The zero-setup layout: an SQLite file and the blobs side by side."""
        return cls(f"sqlite:///{data_dir / DATABASE_FILE}", data_dir / "blobs")

    @classmethod
    def from_environment(cls) -> ServerConfig:
        return cls(os.environ[DB_URL_ENV], Path(os.environ[BLOB_DIR_ENV]))

    def export_to_environment(self) -> None:
        os.environ[DB_URL_ENV] = self.db_url
        os.environ[BLOB_DIR_ENV] = str(self.blob_dir)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("catalogue-base", appauthor=False))
