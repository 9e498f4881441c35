"""What every portal route shares: the database, the blob store, the public address, and what
is worth keeping between requests until what it shows changes (the versions of what it shows,
the pages as served, the theme tree, the home page's counts, the facets and results of the
searches visitors make most)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import jinja2
from sqlalchemy.orm import Session
from starlette.requests import Request

from catalogue_app.regional import portal_queries
from catalogue_app.regional.blobs import BlobStore
from catalogue_app.regional.portal import i18n, templates
from catalogue_app.regional.portal_queries import Versions
from catalogue_app.regional.theme_tree import ThemeTree, theme_tree
from db.regional.engine import Database

T = TypeVar("T")
# Values kept per worker process, the least recently used dropped first: the few fixed ones
# (theme tree, home page's parts), pages as served (~4 kB compressed), facets (~25 kB), facets
# as written in HTML (~25 kB, one per search) and result pages (~13 kB): 100 MB at most.
KEPT_VALUES = 4000
# Values mended part by part (a word search's counts per museum) are weighed as their caller
# says (searches.py: by the counts they hold, ~150 bytes each): 60 MB at most.
REVISED_WEIGHT = 400_000
# How often network-wide pages are made again while museums push (Site.network).
NETWORK_REFRESH_SECONDS = 5.0
# How long the versions of what the portal shows are answered from before they are read again
# (Site.versions): what another process commits shows within this.
VERSIONS_KEPT_SECONDS = 0.2
# Published records whose museum is kept (Site.museum_of), ~150 bytes each.
MUSEUMS_OF_RECORDS_KEPT = 100_000


class Site:
    def __init__(self, database: Database, blobs: BlobStore, public_url: str,
                 admin_email: str | None, refresh: float = NETWORK_REFRESH_SECONDS,
                 versions_kept: float = VERSIONS_KEPT_SECONDS) -> None:
        self.database = database
        self.blobs = blobs
        self.public_url = public_url
        self.admin_email = admin_email
        self._environments = {lang: templates.environment(lang) for lang in i18n.LANGUAGES}
        self._kept = _LeastRecentlyUsed(KEPT_VALUES)
        self._revised = _LeastRecentlyUsed(REVISED_WEIGHT)
        self._making: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.refresh = refresh
        self.versions_kept = versions_kept
        self._network = ("", "", float("-inf"))
        self._versions: tuple[int, float, Versions] | None = None
        self._museums_of = _LeastRecentlyUsed(MUSEUMS_OF_RECORDS_KEPT)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self.database.read_session() as session:
            yield session

    def versions(self, session: Session) -> Versions:
        """The versions of what the portal shows, read again once `versions_kept` seconds old or
        when this process has committed a write since (a push it applied, a derivative it
        made: shown at once). A visit to a kept page then sends the database no statement:
        one per visit took, with its round trips, the processor time the desks' pushes wanted
        while a crowd visited (bench/portal.py). What another process commits (a push on the
        desks' part, an administrator's command) shows within `versions_kept` seconds."""
        writes, now = Database.writes_committed(), time.monotonic()
        with self._lock:
            kept = self._versions
        if kept is not None and kept[0] == writes and now - kept[1] < self.versions_kept:
            return kept[2]
        versions = portal_queries.versions(session)
        with self._lock:
            self._versions = (writes, now, versions)
        return versions

    def museum_of(self, session: Session, versions: Versions, record_id: str) -> int | None:
        """The museum of a published record (None: not published), kept until a record leaves
        the portal (`versions.urgent` counts the withdrawals): a published record never changes
        museum and leaves only by a withdrawal. An unpublished one is asked again each time."""
        with self._lock:
            kept = self._museums_of.get(record_id)
        if kept is not None and kept[0] == versions.urgent:
            return kept[1]
        museum_id = portal_queries.museum_id_of(session, record_id)
        if museum_id is not None:
            with self._lock:
                self._museums_of.put(record_id, (versions.urgent, museum_id), 1)
        return museum_id

    def absolute(self, path: str) -> str:
        """The full address of a portal path, from the configured public address (config.py)."""
        return self.public_url + path

    def kept(self, name: str, version: str, make: Callable[[], T]) -> T:
        """`make()`, computed once per `version` (again if it was dropped to make room). The
        caller reads `version` before `make` reads what it shows, so a value is never kept
        under a version newer than what it shows. Requests that want a value being made wait
        for it: after a push, the visitors of the same pages would otherwise all count them."""
        return self._keep(self._kept, name, lambda kept: kept is not None and kept[0] == version,
                          lambda kept: (version, make()), lambda value: 1)[1]

    def revised(self, name: str, revise: Callable[[T | None], T],
                weigh: Callable[[T], int] = lambda value: 1) -> T:
        """`revise(the value kept under name, or None)`, kept in its place: for a value made of
        parts that change apart (a search's counts per museum), mended part by part. Requests
        for the same name revise it one at a time. The least recently used are dropped while
        their weights (`weigh`) add up to more than REVISED_WEIGHT."""
        return self._keep(self._revised, name, lambda kept: False, revise, weigh)

    def _keep(self, store: _LeastRecentlyUsed, name: str, current: Callable[[Any], bool],
              make: Callable[[Any], Any], weigh: Callable[[Any], int]) -> Any:
        """What `store` keeps under `name` if `current` accepts it, else `make(it)`, kept; one
        request makes it while the others wait for it."""
        with self._lock:
            kept = store.get(name)
            if current(kept):
                return kept
            making = self._making.setdefault(name, threading.Lock())
        with making:
            with self._lock:
                kept = store.get(name)
            if current(kept):
                return kept
            try:
                value = make(kept)
                with self._lock:
                    store.put(name, value, weigh(value))
            finally:
                with self._lock:
                    self._making.pop(name, None)
        return value

    def network(self, versions: Versions) -> str:
        """The version network-wide pages (home, searches of every museum, lists) are kept
        under: the portal's whole version, moved on at once after a quiet spell but then at
        most every `refresh` seconds while museums push, so that a crowd of visitors does not
        make them again after every push; always at once (as `versions` tells) when a record
        leaves the portal or the theme tree changes. What pushes add or correct shows there
        within seconds (on the museum's own pages and the object's, at once). A page made
        meanwhile shows data newer than the version it is kept under, never older: nothing
        stays longer than `refresh`."""
        now = time.monotonic()
        with self._lock:
            whole, urgent, since = self._network
            if versions.whole != whole and (versions.urgent != urgent
                                            or now - since >= self.refresh):
                # The first version kept is no change: the next one shows at once too.
                self._network = (versions.whole, versions.urgent,
                                 now if whole else float("-inf"))
            return self._network[0]

    def environment(self, lang: str) -> jinja2.Environment:
        return self._environments[lang]

    def themes(self, session: Session, shared_version: str) -> ThemeTree:
        """The theme tree, read again only when the shared data change."""
        return self.kept("themes", shared_version, lambda: theme_tree(session))


class _LeastRecentlyUsed:
    """Values by name, the least recently used dropped while their weights add up to more
    than `limit` (the caller locks)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._values: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self._weight = 0

    def get(self, name: str) -> Any:
        found = self._values.get(name)
        if found is None:
            return None
        self._values.move_to_end(name)
        return found[0]

    def put(self, name: str, value: Any, weight: int) -> None:
        if name in self._values:
            self._weight -= self._values.pop(name)[1]
        self._values[name] = (value, weight)
        self._weight += weight
        while self._weight > self.limit and len(self._values) > 1:
            self._weight -= self._values.popitem(last=False)[1][1]


def site(request: Request) -> Site:
    return request.app.state.site
