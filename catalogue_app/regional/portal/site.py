"""What every portal route shares: the database, the blob store, the public address, and what
is worth keeping between requests until the portal's version changes (the theme tree, the home
page's counts)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import jinja2
from sqlalchemy.orm import Session
from starlette.requests import Request

from catalogue_app.regional import portal_queries
from catalogue_app.regional.blobs import BlobStore
from catalogue_app.regional.portal import i18n, templates
from db.regional.engine import Database

T = TypeVar("T")


class Site:
    def __init__(self, database: Database, blobs: BlobStore, public_url: str,
                 admin_email: str | None) -> None:
        self.database = database
        self.blobs = blobs
        self.public_url = public_url
        self.admin_email = admin_email
        self._environments = {lang: templates.environment(lang) for lang in i18n.LANGUAGES}
        self._kept: dict[str, tuple[str, Any]] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.database.read_session() as session:
            yield session

    def absolute(self, path: str) -> str:
        """The full address of a portal path, from the configured public address (config.py)."""
        return self.public_url + path

    def kept(self, name: str, version: str, make: Callable[[], T]) -> T:
        """`make()`, computed once per portal version."""
        with self._lock:
            found = self._kept.get(name)
        if found is not None and found[0] == version:
            return found[1]
        value = make()
        with self._lock:
            self._kept[name] = (version, value)
        return value

    def environment(self, lang: str) -> jinja2.Environment:
        return self._environments[lang]

    def themes(self, session: Session, version: str) -> portal_queries.ThemeTree:
        return self.kept("themes", version, lambda: portal_queries.theme_tree(session))


def site(request: Request) -> Site:
    return request.app.state.site
