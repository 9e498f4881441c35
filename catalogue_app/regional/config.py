"""How a regional base is set up: where its data lives, its limits, its public address."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from catalogue_app.regional.limits import Limits

DATABASE_FILE = "regional.sqlite3"
# How `serve --workers N` hands the configuration to its worker processes.
CONFIG_ENV = "CATALOGUE_BASE_CONFIG"


@dataclass(frozen=True)
class ServerConfig:
    db_url: str
    blob_dir: Path
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def in_data_dir(cls, data_dir: Path, **options: object) -> ServerConfig:
        """The zero-setup layout: an SQLite file and the blobs side by side."""
        return cls(f"sqlite:///{data_dir / DATABASE_FILE}", data_dir / "blobs", **options)

    @classmethod
    def from_environment(cls) -> ServerConfig:
        document = json.loads(os.environ[CONFIG_ENV])
        return cls(document["db_url"], Path(document["blob_dir"]),
                   Limits(**document["limits"]))

    def export_to_environment(self) -> None:
        os.environ[CONFIG_ENV] = json.dumps({
            "db_url": self.db_url, "blob_dir": str(self.blob_dir),
            "limits": dataclasses.asdict(self.limits),
        })


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("catalogue-base", appauthor=False))
