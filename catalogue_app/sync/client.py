"""HTTP client of the regional base (protocol 1, design.md §7): httpx, TLS verified, timeouts.

Every failure becomes a SyncError whose message a curator can act on, in plain words in the
user's language; what the network or the server said exactly goes in its `technical` text,
shown on demand ("Details") for whoever helps. Nothing here retries: a failed sync leaves the
catalogue as it was and the next one resumes (the window and `catalogue-app sync --retry` start
it again after a `transient` failure)."""

from __future__ import annotations

import hashlib
import ipaddress
import ssl
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import Message, MessageKind, declare
from catalogue_app.protocol import PROTOCOL_VERSION

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# A connection left idle this long is not reused: the base closes its idle ones after 5 s
# (http_protocol.py), and a request sent on one just as it closes fails (ReadError) although
# nothing is wrong. Well under 5 s, so the two never meet.
KEEPALIVE_EXPIRY = 2.0
# How long the desk waits before trying again a base that is down and did not say (seconds).
OUTAGE_RETRY_SECONDS = 60

UNREACHABLE = declare(
    "sync.unreachable", "The regional base at {url} cannot be reached. Check the network"
    " connection and the address in Sync settings. Nothing was lost; sync again when the"
    " network is back.")
TIMED_OUT = declare(
    "sync.timed_out", "The regional base at {url} did not answer in time. Nothing was lost;"
    " sync again later.")
NOT_JSON = declare(
    "sync.not_json", "The address {url} answered, but not as a regional base does: check"
    " the address in Sync settings.")
TOKEN_REFUSED = declare(
    "sync.token_refused", "The regional base refused the token. Ask your regional base"
    " administrator for a new token.")
FORBIDDEN = declare(
    "sync.forbidden", "The regional base does not allow this with your token. Ask your regional"
    " base administrator.")
VERSION_MISMATCH = declare(
    "sync.version_mismatch", "This application and the regional base do not speak the same"
    " version of the sync protocol: install the version your regional base asks for.")
TOO_LARGE = declare(
    "sync.too_large", "The regional base found a request too large. Nothing was lost; tell"
    " your regional base administrator.")
SERVER_PROBLEM = declare(
    "sync.server_problem", "The regional base met a problem of its own. Nothing was lost; sync"
    " again later, and tell its administrator if it lasts.")
REFUSED = declare(
    "sync.refused", "The regional base refused the request. Nothing was lost.")
WRONG_PART = declare(
    "sync.wrong_image_part", "The regional base sent the wrong part of an image; sync again to"
    " fetch it whole.")
UNAVAILABLE = declare(
    "sync.unavailable", "The regional base is unavailable; your work is safe on this"
    " computer.")
STORAGE_FULL = declare(
    "sync.storage_full", "The regional base has no room left for your museum's images. Nothing"
    " was lost; tell your regional base administrator.")
INSECURE_HTTP = declare(
    "sync.insecure_http", "The address {url} is not encrypted (http://): your token and your"
    " records would cross the network readable by anyone on the way. Use the https:// address"
    " of your regional base, or allow unencrypted connections to this address explicitly.")
BASE_TOO_OLD = declare(
    "sync.base_too_old", "The regional base does not know this part of the sync protocol yet"
    " (version {version}); it must be upgraded first.")
CURSOR_EXPIRED = declare(
    "sync.cursor_expired", "The regional base cannot continue from where the last sync"
    " stopped; a full resync is needed.")


@cache
def tls_context() -> ssl.SSLContext:
    """Certificates verified against certifi's roots, as httpx does by default; made once,
    since loading the roots costs more than a whole sync with nothing to do."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


class SyncError(CatalogueError):
    """Sync stopped; the message says why and what to do. Nothing already saved was lost."""

    def __init__(self, message: MessageKind | Message, /, status: int | None = None,
                 technical: str = "", retry_after: float | None = None,
                 transient: bool = False, **params: Any) -> None:
        super().__init__(message, **params)
        self.status = status
        # What the network or the server said exactly: shown behind "Details", never alone.
        self.technical = technical
        # Set when the base is down for now: the desk tries again by itself after that long.
        self.retry_after = retry_after
        # The same sync may well succeed later (an outage, a dropped connection, a server
        # error), unlike a refusal (4xx), which says the same until someone acts.
        self.transient = transient or retry_after is not None


class TokenRefused(SyncError):
    """The server does not accept the token (unknown, revoked, wrong museum)."""


class CursorExpired(SyncError):
    """410: the feed cannot continue from the saved cursor; a full resync is needed."""


class BaseTooOld(SyncError):
    """404 on a path a later protocol version added: the base predates it."""


def is_insecure(url: str) -> bool:
    """Whether `url` would carry a token unencrypted across a network: http:// to anything but
    this computer (a base on the same machine, or behind a local TLS proxy, is fine)."""
    parts = urlsplit(url)
    if parts.scheme != "http":
        return False
    host = parts.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


class RegionalClient:
    def __init__(self, server_url: str, token: str, *, timeout: httpx.Timeout = TIMEOUT,
                 transport: httpx.BaseTransport | None = None,
                 allow_insecure_http: bool = False) -> None:
        self.server_url = server_url.rstrip("/")
        if is_insecure(self.server_url) and not allow_insecure_http:
            raise SyncError(INSECURE_HTTP, url=self.server_url)
        self._http = httpx.Client(
            base_url=self.server_url, timeout=timeout, verify=tls_context(), transport=transport,
            limits=httpx.Limits(keepalive_expiry=KEEPALIVE_EXPIRY),
            headers={"Catalogue-Protocol": PROTOCOL_VERSION, "Authorization": f"Bearer {token}"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RegionalClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- API ---------------------------------------------------------------------------------

    def whoami(self) -> dict[str, Any]:
        return self._json("GET", "/api/v1/whoami")

    def changes(self, cursor: str | None, limit: int) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._json("GET", "/api/v1/changes", params=params)

    def push(self, idempotency_key: str, records_json: str) -> dict[str, Any]:
        """Send a batch whose records are already JSON (as written down in the outbox): the
        text goes out as it is, never decoded and encoded again."""
        body = f'{{"records": {records_json}}}'.encode()
        return self._json("POST", "/api/v1/records:batch", content=body,
                          headers={"Idempotency-Key": idempotency_key,
                                   "Content-Type": "application/json"})

    def push_documents(self, idempotency_key: str, documents_json: str) -> dict[str, Any]:
        """Send a batch of museum documents (protocol 1.1) already encoded."""
        body = f'{{"documents": {documents_json}}}'.encode()
        return self._since_1_1("POST", "/api/v1/documents:batch", content=body,
                               headers={"Idempotency-Key": idempotency_key,
                                        "Content-Type": "application/json"})

    def documents(self, kind: str, cursor: str | None, limit: int) -> dict[str, Any]:
        """A page of every museum document of `kind` (protocol 1.1), from the beginning."""
        params: dict[str, Any] = {"kind": kind, "limit": limit}
        if cursor:
            params["cursor"] = cursor
        return self._since_1_1("GET", "/api/v1/documents", params=params)

    def set_museum_details(self, details: dict[str, str]) -> dict[str, Any]:
        """Some of the museum's own words: `owner`, `town`, `presentation` (protocol 1.1)."""
        return self._since_1_1("PUT", "/api/v1/museum/details", json=details)

    def missing_blobs(self, hashes: list[str]) -> list[str]:
        return self._json("POST", "/api/v1/blobs:check", json={"sha256": hashes})["missing"]

    def upload_offset(self, sha256: str) -> tuple[int, bool]:
        state = self._json("GET", f"/api/v1/blobs/{sha256}/upload")
        return state["offset"], state["complete"]

    def put_chunk(self, sha256: str, offset: int, chunk: bytes) -> int:
        answer = self._json("PUT", f"/api/v1/blobs/{sha256}/chunks/{offset}", content=chunk,
                            headers={"Chunk-SHA256": hashlib.sha256(chunk).hexdigest(),
                                     "Content-Type": "application/octet-stream"})
        return answer["offset"]

    def finish_blob(self, sha256: str) -> None:
        self._json("POST", f"/api/v1/blobs/{sha256}:finish")

    def download_blob(self, sha256: str, partial: Path) -> None:
        """Bring the file `partial` up to the whole original: only the bytes it lacks are
        asked for (HTTP Range), so a dropped download resumes where it stopped. A server that
        ignores the Range header sends the whole original, which then replaces the partial."""
        held = partial.stat().st_size if partial.exists() else 0
        # Identity: a range counts bytes of the original, never of a compressed answer.
        headers = {"Accept-Encoding": "identity", **({"Range": f"bytes={held}-"} if held else {})}
        try:
            with self._http.stream("GET", f"/api/v1/blobs/{sha256}",
                                   headers=headers) as response:
                status = response.status_code
                if status == 416 and held:
                    return  # nothing after what we hold: the caller's hash check decides
                if status not in (200, 206):
                    response.read()
                    raise self._refusal(response)
                if status == 206 and _range_start(response) != held:
                    partial.unlink()
                    raise SyncError(WRONG_PART, technical=f"image {sha256}: bytes from"
                                    f" {_range_start(response)} instead of {held}",
                                    transient=True)
                with open(partial, "ab" if status == 206 else "wb") as out:
                    for block in response.iter_bytes():  # as it comes: a drop keeps it
                        out.write(block)
        except httpx.HTTPError as error:
            raise self._unreachable(error) from error

    # --- plumbing ----------------------------------------------------------------------------

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as error:
            raise self._unreachable(error) from error
        if response.status_code >= 300:
            raise self._refusal(response)
        try:
            return response.json()
        except ValueError:
            raise SyncError(NOT_JSON, url=self.server_url, technical=(
                f"{method} {path}: HTTP {response.status_code},"
                f" {response.headers.get('Content-Type', 'no Content-Type')}")) from None

    def _since_1_1(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            return self._json(method, path, **kwargs)
        except SyncError as error:
            if error.status == 404:  # a base of protocol 1.0 has no such path
                raise BaseTooOld(BASE_TOO_OLD, status=404, technical=error.technical,
                                 version="1.1") from None
            raise

    def _unreachable(self, error: httpx.HTTPError) -> SyncError:
        technical = f"{error.__class__.__name__}: {error or 'connection lost'}"
        if isinstance(error, httpx.TimeoutException):
            return SyncError(TIMED_OUT, url=self.server_url, technical=technical, transient=True)
        if _refused_connection(error):  # the address answers, the base is not running there
            return SyncError(UNAVAILABLE, technical=technical, retry_after=OUTAGE_RETRY_SECONDS)
        return SyncError(UNREACHABLE, url=self.server_url, technical=technical, transient=True)

    def _refusal(self, response: httpx.Response) -> SyncError:
        status = response.status_code
        try:
            said = response.json().get("error") or ""
        except (ValueError, AttributeError):
            said = ""
        said = said or response.reason_phrase or "no explanation"
        technical = f"{response.request.method} {response.request.url.path}: HTTP {status}, {said}"
        if status == 503:
            return SyncError(UNAVAILABLE, status=status, technical=technical,
                             retry_after=_retry_after(response))
        kind, error_type = {401: (TOKEN_REFUSED, TokenRefused), 403: (FORBIDDEN, TokenRefused),
                            410: (CURSOR_EXPIRED, CursorExpired),
                            426: (VERSION_MISMATCH, SyncError),
                            413: (TOO_LARGE, SyncError), 431: (TOO_LARGE, SyncError),
                            507: (STORAGE_FULL, SyncError)}.get(status, (REFUSED, SyncError))
        server_problem = status >= 500 and status != 507
        if server_problem:
            kind = SERVER_PROBLEM
        return error_type(kind, status=status, technical=technical, transient=server_problem)


def _refused_connection(error: BaseException) -> bool:
    """Whether the operating system's ConnectionRefusedError is behind `error`."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _retry_after(response: httpx.Response) -> float:
    """The server's Retry-After in seconds (it sends seconds), else the desk's own wait."""
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else OUTAGE_RETRY_SECONDS


def _range_start(response: httpx.Response) -> int | None:
    """Where a 206 answer's bytes start ("Content-Range: bytes 100-199/200")."""
    unit, _, span = response.headers.get("Content-Range", "").partition(" ")
    start = span.partition("-")[0]
    return int(start) if unit == "bytes" and start.isdigit() else None
