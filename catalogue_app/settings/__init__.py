"""Declared settings (registry.py), the catalogue's (in_catalogue.py) and the person's
(preferences.py)."""

from catalogue_app.settings.declared import (
    AUTO_SYNC_MINUTES,
    BACKUP_FOLDER,
    CHECKED_TOKEN,
    DOCUMENT_KINDS_READ,
    FULL_RESYNC,
    IMAGE_MAX_PIXELS,
    IMAGE_TEMPLATE,
    IMAGES_DIR,
    IMPORT_MAPPINGS,
    INSECURE_HTTP_ALLOWED,
    INVENTORY_PATTERN,
    LANGUAGE,
    LAST_BACKUP_AT,
    LAST_SYNC_AT,
    MUSEUM_DETAILS_SENT,
    SERVER_LIMITS,
    SERVER_URL,
    SET_ASIDE,
    SYNC_CURSOR,
    USER_NAME,
)
from catalogue_app.settings.preferences import Preferences
from catalogue_app.settings.registry import SETTINGS, Setting, Store

__all__ = [
    "AUTO_SYNC_MINUTES", "BACKUP_FOLDER", "CHECKED_TOKEN", "DOCUMENT_KINDS_READ", "FULL_RESYNC",
    "IMAGE_MAX_PIXELS",
    "IMAGES_DIR", "IMAGE_TEMPLATE", "IMPORT_MAPPINGS", "INSECURE_HTTP_ALLOWED",
    "INVENTORY_PATTERN", "LANGUAGE", "LAST_BACKUP_AT", "LAST_SYNC_AT",
    "MUSEUM_DETAILS_SENT", "SERVER_LIMITS",
    "SERVER_URL", "SET_ASIDE", "SETTINGS", "SYNC_CURSOR", "USER_NAME", "Preferences", "Setting",
    "Store",
]
