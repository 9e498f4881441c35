"""HTTP client of the regional base (protocol 1, design.md §7): httpx, TLS verified, timeouts.

Every failure becomes a SyncError whose message a curator can act on, quoting the server's
own message when it gave one. Nothing here retries: a failed sync leaves the catalogue as it
was and the next one resumes."""

from __future__ import annotations

import hashlib
import ssl
from functools import cache
from pathlib import Path
from typing import Any

import httpx

from catalogue_app.errors import CatalogueError
from catalogue_app.messages import Message, MessageKind, declare
from catalogue_app.protocol import PROTOCOL_VERSION

TIMEOUT = httpx.Timeout(30.0, connect=10.0)

WRONG_PART = declare(
    "sync.wrong_image_part",
    "The regional base sent the wrong part of image {sha256}; sync again to fetch it whole.")
NOT_JSON = declare(
    "sync.not_json",
    "The regional base at {url} answered something that is not JSON; is this the right address?")
TIMED_OUT = declare(
    "sync.timed_out",
    "The regional base at {url} did not answer in time. Nothing was lost; sync again later.")
UNREACHABLE = declare(
    "sync.unreachable",
    "The regional base at {url} cannot be reached ({reason}). Nothing was lost; sync again when"
    " the network is back.")
TOKEN_REFUSED = declare(
    "sync.token_refused",
    "The regional base refused the token: {said}. Ask your regional base administrator for a"
    " new token.")
FORBIDDEN = declare("sync.forbidden", "The regional base refused: {said}.")
VERSION_MISMATCH = declare("sync.version_mismatch",
                           "Version mismatch with the regional base: {said}.")
TOO_LARGE = declare("sync.too_large", "The regional base found a request too large: {said}.")
SERVER_PROBLEM = declare(
    "sync.server_problem",
    "The regional base met a problem (HTTP {status_code}: {said}). Nothing was lost; sync again"
    " later.")
REFUSED = declare("sync.refused",
                  "The regional base refused the request (HTTP {status_code}): {said}.")
CURSOR_EXPIRED = declare("sync.cursor_expired", "{said}")


@cache
def tls_context() -> ssl.SSLContext:
    """Certificates verified against certifi's roots, as httpx does by default; made once,
    since loading the roots costs more than a whole sync with nothing to do."""
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


class SyncError(CatalogueError):
    """Sync stopped; the message says why and what to do. Nothing already saved was lost."""

    def __init__(self, message: MessageKind | Message | str, /, status: int | None = None,
                 **params: Any) -> None:
        super().__init__(message, **params)
        self.status = status


class TokenRefused(SyncError):
    """The server does not accept the token (unknown, revoked, wrong museum)."""


class CursorExpired(SyncError):
    """410: the feed cannot continue from the saved cursor; a full resync is needed."""


class RegionalClient:
    def __init__(self, server_url: str, token: str, *, timeout: httpx.Timeout = TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.server_url = server_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.server_url, timeout=timeout, verify=tls_context(), transport=transport,
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
                    raise SyncError(WRONG_PART, sha256=sha256)
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
            raise SyncError(NOT_JSON, url=self.server_url) from None

    def _unreachable(self, error: httpx.HTTPError) -> SyncError:
        if isinstance(error, httpx.TimeoutException):
            return SyncError(TIMED_OUT, url=self.server_url)
        return SyncError(UNREACHABLE, url=self.server_url,
                         reason=f"{error.__class__.__name__}: {error or 'connection lost'}")

    def _refusal(self, response: httpx.Response) -> SyncError:
        status = response.status_code
        try:
            said = response.json().get("error") or ""
        except (ValueError, AttributeError):
            said = ""
        said = said or response.reason_phrase or "no explanation"
        if status == 401:
            return TokenRefused(TOKEN_REFUSED, status, said=said)
        if status == 403:
            return TokenRefused(FORBIDDEN, status, said=said)
        if status == 410:
            return CursorExpired(CURSOR_EXPIRED, status, said=said)
        if status == 426:
            return SyncError(VERSION_MISMATCH, status, said=said)
        if status == 413:
            return SyncError(TOO_LARGE, status, said=said)
        if status >= 500:
            return SyncError(SERVER_PROBLEM, status, status_code=status, said=said)
        return SyncError(REFUSED, status, status_code=status, said=said)


def _range_start(response: httpx.Response) -> int | None:
    """Where a 206 answer's bytes start ("Content-Range: bytes 100-199/200")."""
    unit, _, span = response.headers.get("Content-Range", "").partition(" ")
    start = span.partition("-")[0]
    return int(start) if unit == "bytes" and start.isdigit() else None
