"""How a regional base is set up: where its data lives, its limits, its public address."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from catalogue_app.regional.errors import RegionalError
from catalogue_app.regional.limits import Limits
from catalogue_app.regional.stores import S3_SCHEME

DATABASE_FILE = "regional.sqlite3"
# How `serve --workers N` hands the configuration to its worker processes.
CONFIG_ENV = "CATALOGUE_BASE_CONFIG"
# What `serve` answers at without --host and --port.
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8765"
S3_LARGEST_OBJECT = 5 * 1024**4  # 5 TiB
# What one `serve` answers (`--part`): everything, or the desks' sync API alone, or what the
# public reaches (portal, public API, images, OAI-PMH, IIIF) with the background work, run apart
# so that a crowd of visitors never holds up a museum's push (docs/deploy.md).
PARTS = ("all", "desks", "public")
PUBLIC_NICENESS = 10  # Unix nice of the public part: the scheduler serves the desks' first
_EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")


@dataclass(frozen=True)
class ServerConfig:
    db_url: str
    # The blob store: a folder, or "s3://BUCKET/PREFIX" (stores/__init__.py).
    blobs: Path | str
    limits: Limits = field(default_factory=Limits)
    # The address the public reaches the base at (behind its TLS proxy), for every absolute
    # link it writes: the portal's, OAI-PMH identifiers, IIIF ids. Never taken from a request's
    # Host header, which any caller chooses.
    public_url: str = DEFAULT_PUBLIC_URL
    # Whom the portal's legal notice and OAI-PMH Identify name as the base's contact.
    admin_email: str | None = None
    # Whether a background thread keeps the OAI-PMH metadata written ahead of harvesters
    # (oai/keeper.py); `serve --no-oai-keeper` leaves it to the harvests.
    oai_keeper: bool = True
    part: str = "all"

    def __post_init__(self) -> None:
        object.__setattr__(self, "public_url", checked_public_url(self.public_url))
        if isinstance(self.blobs, str) and not self.blobs.startswith(S3_SCHEME):
            object.__setattr__(self, "blobs", Path(self.blobs))
        if isinstance(self.blobs, str) and self.limits.blob_bytes > S3_LARGEST_OBJECT:
            raise RegionalError(
                f"an S3 object holds at most {S3_LARGEST_OBJECT} bytes: give --max-blob-bytes"
                " that much or less")
        if self.admin_email is not None and not _EMAIL.fullmatch(self.admin_email):
            raise RegionalError(f"--admin-email {self.admin_email!r} is not an e-mail address")
        if self.part not in PARTS:
            raise RegionalError(f"--part {self.part!r}: give one of {', '.join(PARTS)}")

    @property
    def serves_desks(self) -> bool:
        return self.part != "public"

    @property
    def serves_public(self) -> bool:
        """The portal's routes and the background work behind them (derivatives, OAI)."""
        return self.part != "desks"

    @property
    def public_host(self) -> str:
        """The host of the public address (OAI-PMH identifiers: oai:{host}:{record id})."""
        return urlsplit(self.public_url).hostname or ""

    @classmethod
    def in_data_dir(cls, data_dir: Path, **options: object) -> ServerConfig:
        """The zero-setup layout: an SQLite file and the blobs side by side."""
        return cls(f"sqlite:///{data_dir / DATABASE_FILE}", data_dir / "blobs", **options)

    @classmethod
    def from_environment(cls) -> ServerConfig:
        document = json.loads(os.environ[CONFIG_ENV])
        blobs = document["blobs"]
        return cls(document["db_url"], blobs if blobs.startswith(S3_SCHEME) else Path(blobs),
                   Limits(**document["limits"]), document["public_url"],
                   document["admin_email"], document["oai_keeper"], document["part"])

    def export_to_environment(self) -> None:
        os.environ[CONFIG_ENV] = json.dumps({
            "db_url": self.db_url, "blobs": str(self.blobs),
            "limits": dataclasses.asdict(self.limits), "public_url": self.public_url,
            "admin_email": self.admin_email, "oai_keeper": self.oai_keeper,
            "part": self.part,
        })


def checked_public_url(url: str) -> str:
    """`url` without its trailing slash, if it is an http(s) address with nothing after its
    path; else a RegionalError saying what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RegionalError(
            f"--public-url {url!r}: give the address the public uses, like"
            " https://collections.example.org"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise RegionalError(
            f"--public-url {url!r}: give only scheme, host, port and path (no query, fragment"
            " or user)"
        )
    return url.rstrip("/")


def listening_url(host: str, port: int) -> str:
    """The address `serve --host --port` answers at, for a base not told its public one."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("catalogue-base", appauthor=False))
