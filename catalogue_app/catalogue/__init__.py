"""One museum's desk catalogue and the verbs the window and the commands use on it."""

from catalogue_app.catalogue.changes import Changes
from catalogue_app.catalogue.facade import DB_FILE_NAME, Catalogue, MuseumInfo
from catalogue_app.catalogue.lookups import SyncStatus

__all__ = ["DB_FILE_NAME", "Catalogue", "Changes", "MuseumInfo", "SyncStatus"]
