"""Where the bearer token of a regional base is kept: the OS keyring when there is one,
otherwise a file only this user can read (with a note saying so).

A keyring that exists but fails (locked, its service down) is reported as such, with its own
error, and logged: never taken for "no keyring" or for "no token saved"."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import Message, declare

log = logging.getLogger(__name__)

NO_KEYRING = declare(
    "sync.token_saved_in_file",
    "No system keyring is available, so the token was saved in {path}, readable only by you.")
KEYRING_REFUSED = declare(
    "sync.keyring_refused",
    "The system keyring refused the token ({error}), so it was saved in {path}, readable "
    "only by you.")
KEYRING_UNREADABLE = declare(
    "sync.keyring_unreadable",
    "The system keyring could not be read ({error}), so the token for {server} is not "
    "available. Unlock the keyring, or enter the token again in the sync settings.")
TOKEN_FILE_UNREADABLE = declare("sync.token_file_unreadable",
                                "Cannot read the token file {path}: {error}")
TOKEN_FILE_EMPTY = declare("sync.token_file_empty", "The token file {path} is empty.")

SERVICE = "catalogue-app regional base"
FILE_NAME = "regional-tokens.json"


@dataclass(frozen=True)
class Saved:
    where: str  # "keyring" or the path of the file
    note: Message | None = None  # said to the user when the keyring did not take it


def _keyring():
    """The keyring module when a real backend exists, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def token_file() -> Path:
    return Path(platformdirs.user_config_dir("catalogue-app", appauthor=False)) / FILE_NAME


def save_token(server_url: str, token: str) -> Saved:
    backend = _keyring()
    refusal = None
    if backend is not None:
        try:
            backend.set_password(SERVICE, server_url, token)
            return Saved("keyring")
        except Exception as error:  # noqa: BLE001 - a locked or broken keyring: use the file
            log.warning("the keyring refused the token of %s", server_url, exc_info=True)
            refusal = error
    path = token_file()
    tokens = _read_file(path)
    tokens[server_url] = token
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created readable by the owner only, before the secret is written into it.
    fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(tokens, out)
    os.replace(path.with_suffix(".tmp"), path)
    if refusal is not None:
        return Saved(str(path), KEYRING_REFUSED(error=_describe(refusal), path=path))
    return Saved(str(path), NO_KEYRING(path=path))


def load_token(server_url: str) -> str | None:
    """The saved token, or None when none was saved; CatalogueError when the keyring failed
    and the file has none either (the user must hear why, not "no token")."""
    backend = _keyring()
    failure = None
    if backend is not None:
        try:
            token = backend.get_password(SERVICE, server_url)
        except Exception as error:  # noqa: BLE001 - a token save_token put in the file still works
            log.warning("the keyring could not be read for %s", server_url, exc_info=True)
            token, failure = None, error
        if token:
            return token
    token = _read_file(token_file()).get(server_url)
    if token is None and failure is not None:
        raise CatalogueError(KEYRING_UNREADABLE, error=_describe(failure), server=server_url)
    return token


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


def read_token_file(path: Path) -> str:
    """The token in a file given on the command line (its first non-empty line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(TOKEN_FILE_UNREADABLE, path=path, error=error) from None
    token = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not token:
        raise CatalogueError(TOKEN_FILE_EMPTY, path=path)
    return token


def _read_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
