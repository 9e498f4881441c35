"""The desk's settings (catalogue_app/settings/registry.py says where each store is)."""

from __future__ import annotations

import getpass

from catalogue_app.records.inventory_numbers import DEFAULT_PATTERN
from catalogue_app.settings.registry import Store, declare

# --- the catalogue's, in its file -------------------------------------------------------------
# {"regex": ..., "description": ...}: the form warns about numbers that do not follow it.
INVENTORY_PATTERN = declare("inventory_pattern", Store.CATALOGUE, dict,
                            {"regex": DEFAULT_PATTERN.regex,
                             "description": DEFAULT_PATTERN.description})
# Where originals live when the image store was moved off the catalogue folder ("" = images/).
IMAGES_DIR = declare("images_dir", Store.CATALOGUE, str, "")
# Pixels beyond which a file is kept bit for bit but not decoded (a decompression bomb guard).
IMAGE_MAX_PIXELS = declare("image_max_pixels", Store.CATALOGUE, int, 600_000_000)
# Automatic backups (on close and daily, from the window): the folder chosen, another disk or
# a USB key ("" = none chosen), and when the last one was written and verified (ISO 8601).
# The catalogue's, not the person's: whoever opens it at this desk keeps it backed up.
BACKUP_FOLDER = declare("backup_folder", Store.CATALOGUE, str, "")
LAST_BACKUP_AT = declare("last_backup_at", Store.CATALOGUE, str, None)

# --- sync bookkeeping, in the catalogue's file ------------------------------------------------
SERVER_URL = declare("server_url", Store.SYNC, str, "")
LAST_SYNC_AT = declare("last_sync_at", Store.SYNC, str, None)
SYNC_CURSOR = declare("cursor", Store.SYNC, str, None)
FULL_RESYNC = declare("full_resync", Store.SYNC, str, None)  # set while one is under way
# The token whose museum was checked against this catalogue's (sha256 of it).
CHECKED_TOKEN = declare("checked_token_sha256", Store.SYNC, str, None)
AUTO_SYNC_MINUTES = declare("auto_sync_minutes", Store.SYNC, int, 0)  # 0: off
# The limits the base published in `whoami` (batches are cut to fit them); {}: protocol.py's.
SERVER_LIMITS = declare("server_limits", Store.SYNC, dict, {})
# The museum's own words as this desk last sent them to the base, and the museum's
# details_changed_at then: {"changed_at", "owner", "town", "presentation"}.
MUSEUM_DETAILS_SENT = declare("museum_details_sent", Store.SYNC, dict, {})
# Records from the base this desk could not store, each with the reason (sync/set_aside.py).
SET_ASIDE = declare("set_aside", Store.SYNC, dict, {})
# Document kinds (sync/document_kinds.py) this desk has read in full from the base: {kind:
# null}, or {kind: cursor} while that read is under way. A kind learnt later (a newer version
# of this application) skipped in the feed until then is read in full once.
DOCUMENT_KINDS_READ = declare("document_kinds_read", Store.SYNC, dict, {})
# The one http:// address to another computer the user chose to sync with unencrypted.
INSECURE_HTTP_ALLOWED = declare("insecure_http_allowed", Store.SYNC, str, "")

# --- the person at this computer -------------------------------------------------------------
LANGUAGE = declare("language", Store.PREFERENCES, str, "")  # "fr", "en"; "": the system's
# Written in the history beside every change; the account's login name until one is given.
USER_NAME = declare("user_name", Store.PREFERENCES, str, default_from=getpass.getuser)
# The photographer's template for images attached at this desk: photographer, licence,
# credit, date (image fields, non-empty ones given) and publishable.
IMAGE_TEMPLATE = declare("image_template", Store.PREFERENCES, dict, {})
# The import wizard's last mapping for each set of column headers.
IMPORT_MAPPINGS = declare("import_mappings", Store.PREFERENCES, dict, {})
