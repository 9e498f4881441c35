"""Where the bearer token of a regional base is kept: the OS keyring when there is one,
otherwise a file only this user can read (with a note saying so)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

SERVICE = "catalogue-app regional base"
FILE_NAME = "regional-tokens.json"


@dataclass(frozen=True)
class Saved:
    where: str  # "keyring" or the path of the file
    note: str = ""  # said to the user when the keyring was not available


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
    if backend is not None:
        try:
            backend.set_password(SERVICE, server_url, token)
            return Saved("keyring")
        except Exception:  # noqa: BLE001 - a locked or broken keyring: fall back to the file
            pass
    path = token_file()
    tokens = _read_file(path)
    tokens[server_url] = token
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created readable by the owner only, before the secret is written into it.
    fd = os.open(path.with_suffix(".tmp"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(tokens, out)
    os.replace(path.with_suffix(".tmp"), path)
    return Saved(str(path), f"No system keyring is available, so the token was saved in {path},"
                            " readable only by you.")


def load_token(server_url: str) -> str | None:
    backend = _keyring()
    if backend is not None:
        try:
            token = backend.get_password(SERVICE, server_url)
        except Exception:  # noqa: BLE001 - fall back to the file, as save_token did
            token = None
        if token:
            return token
    return _read_file(token_file()).get(server_url)


def read_token_file(path: Path) -> str:
    """The token in a file given on the command line (its first non-empty line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"Cannot read the token file {path}: {error}") from None
    token = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not token:
        raise ValueError(f"The token file {path} is empty.")
    return token


def _read_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
