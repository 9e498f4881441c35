"""The Catalogue facade: one museum's desk catalogue, a directory holding catalogue.sqlite,
images/ (originals, content-addressed) and cache/ (derived files, rebuilt when missing).

Everything that touches the database goes through a session obtained here; services take that
session as an argument, so the GUI, the command line and tests share one code path. The window
uses only the verbs (record_verbs.py, theme_verbs.py, image_verbs.py, location_verbs.py,
loan_verbs.py, recolement_verbs.py, lookups.py): each owns its transaction and returns the
Changes it made; it never opens a session itself."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from catalogue_app.catalogue.changes import Changes
from catalogue_app.catalogue.image_verbs import ImageVerbs
from catalogue_app.catalogue.loan_verbs import LoanVerbs
from catalogue_app.catalogue.location_verbs import LocationVerbs
from catalogue_app.catalogue.lookups import Lookups
from catalogue_app.catalogue.recolement_verbs import RecolementVerbs
from catalogue_app.catalogue.record_verbs import RecordVerbs
from catalogue_app.catalogue.theme_verbs import ThemeVerbs
from catalogue_app.clock import now_iso
from catalogue_app.errors import CatalogueError, CatalogueLocationError
from catalogue_app.messages import declare
from catalogue_app.protocol import (
    MAX_MUSEUM_OWNER_CHARS,
    MAX_MUSEUM_PRESENTATION_CHARS,
    MAX_MUSEUM_TOWN_CHARS,
)
from catalogue_app.records.inventory_numbers import InventoryPattern
from catalogue_app.search.listing import count_in_view
from catalogue_app.settings import IMAGES_DIR, USER_NAME, Preferences, Setting
from catalogue_app.storage.filesystems import filesystem_type, is_network_filesystem
from catalogue_app.storage.schema_messages import schema_message
from db.local import schema
from db.local.connection import open_reader

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

DB_FILE_NAME = "catalogue.sqlite"
INVALID_PATTERN = declare(
    "settings.invalid_inventory_pattern",
    "The inventory number pattern {regex} is not a valid regular expression (the problem is "
    "at character {position}).")
MUSEUM_REQUIRED = declare("museum.code_and_name_required",
                          "The museum code and name are both required.")
MUSEUM_BOUND = declare(
    "museum.bound", "This catalogue is bound to museum {code} by the regional base; its code and "
    "name can no longer be changed here.")
MUSEUM_DETAIL_TOO_LONG = declare(
    "museum.detail_too_long", "The museum's {detail} is longer than the regional base takes"
    " ({max} characters at most). Nothing was saved.")
# Each of the museum's own words, as that message names it, and how long the base takes it.
MUSEUM_DETAILS = {
    "owner": (declare("museum.detail_owner", "owner of the collections"),
              MAX_MUSEUM_OWNER_CHARS),
    "town": (declare("museum.detail_town", "town"), MAX_MUSEUM_TOWN_CHARS),
    "presentation": (declare("museum.detail_presentation", "presentation"),
                     MAX_MUSEUM_PRESENTATION_CHARS),
}
CANNOT_CREATE_FOLDER = declare("catalogue.cannot_create_folder",
                               "Cannot create the catalogue folder {folder}: {reason}.")
FOLDER_IS_A_FILE = declare("catalogue.folder_is_a_file",
                           "{folder} is a file, not a catalogue folder.")
ON_NETWORK_SHARE = declare(
    "catalogue.on_network_share",
    "{folder} is on a network share ({fstype}). A catalogue must live on this computer's own "
    "disk: on a share, two desks writing at once would damage it. Keep the catalogue locally "
    "and use sync to share records with the regional base.")
FOLDER_NOT_WRITABLE = declare(
    "catalogue.folder_not_writable", "The catalogue folder {folder} is not writable by you; "
    "choose another folder or ask your IT staff for write access.")


@dataclass(frozen=True)
class MuseumInfo:
    code: str
    name: str
    bound: bool  # bound to the regional base by a first sync: code and name no longer editable
    # Who owns the collections, as Joconde's STAT says it ("propriété de la commune"), the
    # town, and the presentation shown on the portal: the museum's own words, synced to the base.
    owner: str = ""
    town: str = ""
    presentation: str = ""


class Catalogue(RecordVerbs, ThemeVerbs, ImageVerbs, LocationVerbs, LoanVerbs, RecolementVerbs,
                Lookups):
    def __init__(self, directory: Path, user: str | None = None) -> None:
        self.directory = directory
        # Written in the history beside every change this catalogue object makes.
        self.user = user if user is not None else Preferences().get(USER_NAME)
        # SQLAlchemy is loaded at the first session, after the window's first paint: what
        # that paint needs is read through plain(). Its engine and session factories:
        self._sessions: tuple[Engine, sessionmaker[Session], sessionmaker[Session]] | None \
            = None
        self._sessions_lock = threading.Lock()

    @property
    def db_path(self) -> Path:
        return self.directory / DB_FILE_NAME

    @property
    def images_dir(self) -> Path:
        """Where originals live: images/ here, unless the store was moved to another volume."""
        moved = self.setting(IMAGES_DIR)
        return Path(moved) if moved else self.directory / "images"

    @property
    def cache_dir(self) -> Path:
        return self.directory / "cache"

    @classmethod
    def open(cls, directory: Path | str, user: str | None = None) -> Catalogue:
        """Open the catalogue in directory, creating an empty one where there is none.

        Raises CatalogueLocationError (or schema.SchemaError's message as one) with a message
        for the user, having changed nothing, when the place or the file cannot be used."""
        directory = Path(directory).expanduser()
        _prepare_directory(directory)
        db_path = directory / DB_FILE_NAME
        try:
            state, revision = schema.schema_state(db_path)
        except schema.SchemaError as exc:
            raise CatalogueLocationError(schema_message(exc)) from exc
        catalogue = cls(directory, user=user)
        try:
            if state is not schema.SchemaState.CURRENT:
                schema.upgrade(catalogue.engine, db_path, revision)
        except schema.SchemaError as exc:
            catalogue.close()
            raise CatalogueLocationError(schema_message(exc)) from exc
        for sub in ("images", "cache"):
            (directory / sub).mkdir(exist_ok=True)
        if state is schema.SchemaState.EMPTY:
            with catalogue.writing() as session:
                _initialise(session)
        return catalogue

    @property
    def engine(self) -> Engine:
        return self._session_factories()[0]

    def _session_factories(self) -> tuple[Engine, sessionmaker[Session], sessionmaker[Session]]:
        with self._sessions_lock:
            if self._sessions is None:
                from db.local.engine import make_engine, make_sessionmakers

                engine = make_engine(self.db_path)
                self._sessions = (engine, *make_sessionmakers(engine))
            return self._sessions

    @contextmanager
    def plain(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection for a few reads, without loading SQLAlchemy."""
        with closing(open_reader(self.db_path)) as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._session_factories()[1]() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose work commits as one transaction, or not at all."""
        with self._session_factories()[2]() as session, session.begin():
            yield session

    def museum(self) -> MuseumInfo:
        with self.plain() as connection:
            museum = connection.execute(
                "SELECT code, name, bound_at, owner, town, presentation FROM museum "
                "WHERE id = 1").fetchone()
        if museum is None:
            return MuseumInfo("", "", False)
        return MuseumInfo(museum[0], museum[1], museum[2] is not None, *museum[3:])

    def set_museum(self, code: str, name: str, *, owner: str | None = None,
                   town: str | None = None, presentation: str | None = None) -> None:
        """Name the museum this catalogue belongs to (until the first sync binds it) and say,
        at any time, who owns its collections, its town and its presentation (None: unchanged)."""
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise CatalogueLocationError(MUSEUM_REQUIRED)
        details = {"owner": owner, "town": town, "presentation": presentation}
        for key, value in details.items():
            part, longest = MUSEUM_DETAILS[key]
            if value is not None and len(value.strip()) > longest:
                raise CatalogueError(MUSEUM_DETAIL_TOO_LONG, detail=part(), max=longest)
        from db.local.models import Museum

        with self.writing() as session:
            museum = session.get(Museum, 1)
            if museum is None:
                museum = Museum(id=1, code=code, name=name, created_at=now_iso())
                session.add(museum)
            elif museum.bound_at is not None and (code, name) != (museum.code, museum.name):
                raise CatalogueLocationError(MUSEUM_BOUND, code=museum.code)
            museum.code, museum.name = code, name
            for key, value in details.items():
                if value is not None and value.strip() != (getattr(museum, key) or ""):
                    setattr(museum, key, value.strip())
                    museum.details_changed_at = now_iso()  # the next sync sends them

    def setting(self, setting: Setting):
        """The value of one of the catalogue's settings (catalogue_app/settings)."""
        from catalogue_app.settings import in_catalogue

        with self.reading() as session:
            return in_catalogue.read(session, setting)

    def change_setting(self, setting: Setting, value) -> Changes:
        from catalogue_app.settings import in_catalogue

        with self.writing() as session:
            in_catalogue.write(session, setting, value)
        return Changes()

    def inventory_pattern(self) -> InventoryPattern:
        from catalogue_app.records.number_checks import museum_pattern

        with self.reading() as session:
            return museum_pattern(session)

    def set_inventory_pattern(self, regex: str, description: str) -> Changes:
        """The museum's own form of inventory numbers (the form warns about the others)."""
        from catalogue_app.records.number_checks import set_museum_pattern

        try:
            re.compile(regex)
        except re.error as exc:  # its own words are English: where it is says enough
            raise CatalogueError(INVALID_PATTERN, regex=regex,
                                 position=(exc.pos or 0) + 1) from None
        pattern = InventoryPattern(regex, description)
        with self.writing() as session:
            set_museum_pattern(session, pattern)
        return Changes()

    def record_count(self) -> int:
        """Records in the catalogue, trash excluded."""
        with self.plain() as connection:
            return count_in_view(connection)

    def close(self) -> None:
        if self._sessions is not None:
            self._sessions[0].dispose()


def _initialise(session: Session) -> None:
    """What every new catalogue starts with: the network's shared themes and vocabularies."""
    from catalogue_app.vocabulary.terms import seed_vocabularies
    from catalogue_app.vocabulary.themes import seed_shared_themes

    seed_shared_themes(session)
    seed_vocabularies(session)


def _prepare_directory(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CatalogueLocationError(CANNOT_CREATE_FOLDER, folder=directory,
                                     reason=exc.strerror or exc) from exc
    if not directory.is_dir():
        raise CatalogueLocationError(FOLDER_IS_A_FILE, folder=directory)
    fstype = filesystem_type(directory)
    if is_network_filesystem(fstype):
        raise CatalogueLocationError(ON_NETWORK_SHARE, folder=directory, fstype=fstype)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise CatalogueLocationError(FOLDER_NOT_WRITABLE, folder=directory)
