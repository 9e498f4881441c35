"""What every portal route shares: the database, the blob store, the public address, and what
is worth keeping between requests until the portal's version changes (the theme tree, the home
page's counts, the facets and results of the searches visitors make most)."""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import jinja2
from sqlalchemy.orm import Session
from starlette.requests import Request

from catalogue_app.regional.blobs import BlobStore
from catalogue_app.regional.portal import i18n, templates
from catalogue_app.regional.theme_tree import ThemeTree, theme_tree
from db.regional.engine import Database

T = TypeVar("T")
# Values kept per worker process, the least recently used dropped first: the few fixed ones
# (theme tree, home page) and searches' facets (~25 kB each at 70,000 records) and result
# pages (~13 kB): 40 MB at most.
KEPT_VALUES = 2000


class Site:
    def __init__(self, database: Database, blobs: BlobStore, public_url: str,
                 admin_email: str | None) -> None:
        self.database = database
        self.blobs = blobs
        self.public_url = public_url
        self.admin_email = admin_email
        self._environments = {lang: templates.environment(lang) for lang in i18n.LANGUAGES}
        self._kept: OrderedDict[str, tuple[str, Any]] = OrderedDict()
        self._making: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.database.read_session() as session:
            yield session

    def absolute(self, path: str) -> str:
        """The full address of a portal path, from the configured public address (config.py)."""
        return self.public_url + path

    def kept(self, name: str, version: str, make: Callable[[], T]) -> T:
        """`make()`, computed once per portal version (again if it was dropped to make room).
        The caller reads `version` in the transaction `make` reads in, so a value is never
        kept under a version it does not show. Requests that want a value being made wait for
        it: after a push, the visitors of the same pages would otherwise all count them."""
        with self._lock:
            found = self._found(name, version)
            if found is not None:
                return found[1]
            making = self._making.setdefault((name, version), threading.Lock())
        with making:
            with self._lock:
                found = self._found(name, version)
            if found is not None:
                return found[1]
            try:
                value = make()
                with self._lock:
                    self._kept[name] = (version, value)
                    self._kept.move_to_end(name)
                    while len(self._kept) > KEPT_VALUES:
                        self._kept.popitem(last=False)
            finally:
                with self._lock:
                    self._making.pop((name, version), None)
        return value

    def _found(self, name: str, version: str) -> tuple[str, Any] | None:
        """The kept value of `name` if it is `version`'s (the caller holds the lock)."""
        found = self._kept.get(name)
        if found is None or found[0] != version:
            return None
        self._kept.move_to_end(name)
        return found

    def environment(self, lang: str) -> jinja2.Environment:
        return self._environments[lang]

    def themes(self, session: Session, version: str) -> ThemeTree:
        return self.kept("themes", version, lambda: theme_tree(session))


def site(request: Request) -> Site:
    return request.app.state.site
